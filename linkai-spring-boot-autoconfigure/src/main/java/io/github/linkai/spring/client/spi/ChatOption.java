package io.github.linkai.spring.client.spi;

import java.util.Set;

import io.github.linkai.spring.client.ChatOptions;
import org.jspecify.annotations.Nullable;

/** The fields of {@link ChatOptions}, so a provider can declare which it supports. */
public enum ChatOption {

	/** {@link ChatOptions#model()}. */
	MODEL("model"),
	/** {@link ChatOptions#temperature()}. */
	TEMPERATURE("temperature"),
	/** {@link ChatOptions#topP()}. */
	TOP_P("topP"),
	/** {@link ChatOptions#maxTokens()}. */
	MAX_TOKENS("maxTokens");

	private final String fieldName;

	ChatOption(String fieldName) {
		this.fieldName = fieldName;
	}

	/** The option's name in {@link ChatOptions} and in error messages. */
	public String fieldName() {
		return this.fieldName;
	}

	/** The option's name as a property of a client, e.g. {@code top-p}. */
	public String propertyName() {
		return Validation.settingName(this.fieldName);
	}

	/** This option's value in {@code options}. */
	public @Nullable Object valueIn(ChatOptions options) {
		return switch (this) {
			case MODEL -> options.model();
			case TEMPERATURE -> options.temperature();
			case TOP_P -> options.topP();
			case MAX_TOKENS -> options.maxTokens();
		};
	}

	/** The option named {@code fieldName}, if there is one. */
	public static @Nullable ChatOption ofField(String fieldName) {
		for (ChatOption option : values()) {
			if (option.fieldName.equals(fieldName)) {
				return option;
			}
		}
		return null;
	}

	/** {@code options} with every option outside {@code supported} cleared. */
	public static ChatOptions retain(ChatOptions options, Set<ChatOption> supported) {
		return new ChatOptions(supported.contains(MODEL) ? options.model() : null,
				supported.contains(TEMPERATURE) ? options.temperature() : null,
				supported.contains(TOP_P) ? options.topP() : null,
				supported.contains(MAX_TOKENS) ? options.maxTokens() : null);
	}

}
