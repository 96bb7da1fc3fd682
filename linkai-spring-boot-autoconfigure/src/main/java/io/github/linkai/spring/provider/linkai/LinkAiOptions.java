package io.github.linkai.spring.provider.linkai;

import io.github.linkai.spring.client.ProviderOptions;
import org.jspecify.annotations.Nullable;

/**
 * LinkAI's own options: the app the call runs in and the two penalties. A client holds
 * defaults of this type ({@code linkai.app-code}, {@code linkai.frequency-penalty},
 * {@code linkai.presence-penalty}); a request attaches its own with
 * {@code ChatRequest.builder().providerOptions(...)}, and each value it sets overrides
 * the client's.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *         .user("你好")
 *         .providerOptions(LinkAiOptions.appCode("G7z6vKwp"))
 *         .build();
 * }</pre>
 *
 * @param appCode the app or workflow code ({@code app_code}); a workflow runs from its
 * start node
 * @param frequencyPenalty the frequency penalty ({@code frequency_penalty}), [-2, 2]
 * @param presencePenalty the presence penalty ({@code presence_penalty}), [-2, 2]
 */
public record LinkAiOptions(@Nullable String appCode, @Nullable Double frequencyPenalty,
		@Nullable Double presencePenalty) implements ProviderOptions {

	private static final LinkAiOptions NONE = new LinkAiOptions(null, null, null);

	/** Options with nothing set. */
	public static LinkAiOptions none() {
		return NONE;
	}

	/** Options that run the call in this app or workflow. */
	public static LinkAiOptions appCode(String appCode) {
		return new LinkAiOptions(appCode, null, null);
	}

	/** These options, with every unset value taken from {@code defaults}. */
	public LinkAiOptions orElse(LinkAiOptions defaults) {
		return new LinkAiOptions((this.appCode != null) ? this.appCode : defaults.appCode,
				(this.frequencyPenalty != null) ? this.frequencyPenalty : defaults.frequencyPenalty,
				(this.presencePenalty != null) ? this.presencePenalty : defaults.presencePenalty);
	}

	@Override
	public String provider() {
		return LinkAi.PROVIDER;
	}

}
