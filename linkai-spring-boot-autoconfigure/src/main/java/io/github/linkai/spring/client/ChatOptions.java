package io.github.linkai.spring.client;

import org.jspecify.annotations.Nullable;

/**
 * Generation options shared by the providers. Every field is optional: an unset field is not sent, so the
 * provider's (or the LinkAI app's) own default applies. A client holds defaults of this type that a
 * request's own values override field by field.
 *
 * @param model model code, e.g. {@code LinkAI-4o-mini} (see {@code LinkAiModel})
 * @param appCode LinkAI app or workflow code
 * @param temperature sampling temperature
 * @param topP nucleus sampling
 * @param frequencyPenalty LinkAI frequency penalty, [-2, 2]
 * @param presencePenalty LinkAI presence penalty, [-2, 2]
 * @param maxTokens the longest answer in tokens (Lingma, Jijyun)
 * @param seed random seed (Lingma)
 * @param topK top-k sampling (Lingma)
 */
public record ChatOptions(@Nullable String model, @Nullable String appCode, @Nullable Double temperature,
		@Nullable Double topP, @Nullable Double frequencyPenalty, @Nullable Double presencePenalty,
		@Nullable Integer maxTokens, @Nullable Integer seed, @Nullable Integer topK) {

	private static final ChatOptions NONE = new ChatOptions(null, null, null, null, null, null, null, null, null);

	/** Options with nothing set. */
	public static ChatOptions none() {
		return NONE;
	}

	/** These options, with every unset field taken from {@code defaults}. */
	public ChatOptions orElse(ChatOptions defaults) {
		if (defaults == NONE || this == defaults) {
			return this;
		}
		return new ChatOptions(or(this.model, defaults.model), or(this.appCode, defaults.appCode),
				or(this.temperature, defaults.temperature), or(this.topP, defaults.topP),
				or(this.frequencyPenalty, defaults.frequencyPenalty), or(this.presencePenalty, defaults.presencePenalty),
				or(this.maxTokens, defaults.maxTokens), or(this.seed, defaults.seed), or(this.topK, defaults.topK));
	}

	private static <T> @Nullable T or(@Nullable T value, @Nullable T fallback) {
		return (value != null) ? value : fallback;
	}

}
