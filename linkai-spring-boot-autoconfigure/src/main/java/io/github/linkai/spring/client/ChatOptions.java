package io.github.linkai.spring.client;

import org.jspecify.annotations.Nullable;

/**
 * Generation options most providers share. Every field is optional: an unset field is not
 * sent, so the provider's (or the LinkAI app's) own default applies. A client holds
 * defaults of this type that a request's own values override field by field. Options only
 * one provider has (LinkAI's {@code app_code}, penalties, Lingma's {@code top_k},
 * OpenAI's {@code seed}...) are that provider's {@link ProviderOptions}.
 *
 * @param model model code, e.g. {@code LinkAI-4o-mini} (see {@code LinkAiModel})
 * @param temperature sampling temperature
 * @param topP nucleus sampling
 * @param maxTokens the longest answer in tokens
 */
public record ChatOptions(@Nullable String model, @Nullable Double temperature, @Nullable Double topP,
		@Nullable Integer maxTokens) {

	private static final ChatOptions NONE = new ChatOptions(null, null, null, null);

	/** Options with nothing set. */
	public static ChatOptions none() {
		return NONE;
	}

	/** These options, with every unset field taken from {@code defaults}. */
	public ChatOptions orElse(ChatOptions defaults) {
		if (defaults.equals(NONE) || equals(defaults)) {
			return this;
		}
		return new ChatOptions(or(this.model, defaults.model), or(this.temperature, defaults.temperature),
				or(this.topP, defaults.topP), or(this.maxTokens, defaults.maxTokens));
	}

	private static <T> @Nullable T or(@Nullable T value, @Nullable T fallback) {
		return (value != null) ? value : fallback;
	}

}
