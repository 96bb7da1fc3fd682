package io.github.linkai.spring.client.spi;

import java.util.Set;

import io.github.linkai.spring.client.ChatOptions;
import org.jspecify.annotations.Nullable;

/** The fields of {@link ChatOptions}, so a provider can declare which it supports. */
public enum ChatOption {

	/** {@link ChatOptions#model()}. */
	MODEL("model"),
	/** {@link ChatOptions#appCode()}. */
	APP_CODE("appCode"),
	/** {@link ChatOptions#temperature()}. */
	TEMPERATURE("temperature"),
	/** {@link ChatOptions#topP()}. */
	TOP_P("topP"),
	/** {@link ChatOptions#frequencyPenalty()}. */
	FREQUENCY_PENALTY("frequencyPenalty"),
	/** {@link ChatOptions#presencePenalty()}. */
	PRESENCE_PENALTY("presencePenalty"),
	/** {@link ChatOptions#maxTokens()}. */
	MAX_TOKENS("maxTokens"),
	/** {@link ChatOptions#seed()}. */
	SEED("seed"),
	/** {@link ChatOptions#topK()}. */
	TOP_K("topK");

	private final String fieldName;

	ChatOption(String fieldName) {
		this.fieldName = fieldName;
	}

	/** The option's name in {@link ChatOptions} and in error messages. */
	public String fieldName() {
		return this.fieldName;
	}

	/** This option's value in {@code options}. */
	public @Nullable Object valueIn(ChatOptions options) {
		return switch (this) {
			case MODEL -> options.model();
			case APP_CODE -> options.appCode();
			case TEMPERATURE -> options.temperature();
			case TOP_P -> options.topP();
			case FREQUENCY_PENALTY -> options.frequencyPenalty();
			case PRESENCE_PENALTY -> options.presencePenalty();
			case MAX_TOKENS -> options.maxTokens();
			case SEED -> options.seed();
			case TOP_K -> options.topK();
		};
	}

	/** {@code options} with every option outside {@code supported} cleared. */
	public static ChatOptions retain(ChatOptions options, Set<ChatOption> supported) {
		return new ChatOptions(supported.contains(MODEL) ? options.model() : null,
				supported.contains(APP_CODE) ? options.appCode() : null,
				supported.contains(TEMPERATURE) ? options.temperature() : null,
				supported.contains(TOP_P) ? options.topP() : null,
				supported.contains(FREQUENCY_PENALTY) ? options.frequencyPenalty() : null,
				supported.contains(PRESENCE_PENALTY) ? options.presencePenalty() : null,
				supported.contains(MAX_TOKENS) ? options.maxTokens() : null,
				supported.contains(SEED) ? options.seed() : null, supported.contains(TOP_K) ? options.topK() : null);
	}

}
