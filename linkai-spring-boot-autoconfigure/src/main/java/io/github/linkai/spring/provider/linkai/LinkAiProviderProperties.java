package io.github.linkai.spring.provider.linkai;

import org.jspecify.annotations.Nullable;

/**
 * A LinkAI client's own settings, bound at the client's prefix itself:
 * {@code linkai.app-code}, {@code linkai.clients.<name>.frequency-penalty}.
 */
public class LinkAiProviderProperties {

	/**
	 * LinkAI app or workflow code the calls run in, unless a request names another. Blank
	 * means none.
	 */
	private @Nullable String appCode;

	/** Default frequency penalty, [-2, 2]. Unset: the app's or LinkAI's default (0). */
	private @Nullable Double frequencyPenalty;

	/** Default presence penalty, [-2, 2]. Unset: the app's or LinkAI's default (0). */
	private @Nullable Double presencePenalty;

	public @Nullable String getAppCode() {
		return this.appCode;
	}

	public void setAppCode(@Nullable String appCode) {
		this.appCode = appCode;
	}

	public @Nullable Double getFrequencyPenalty() {
		return this.frequencyPenalty;
	}

	public void setFrequencyPenalty(@Nullable Double frequencyPenalty) {
		this.frequencyPenalty = frequencyPenalty;
	}

	public @Nullable Double getPresencePenalty() {
		return this.presencePenalty;
	}

	public void setPresencePenalty(@Nullable Double presencePenalty) {
		this.presencePenalty = presencePenalty;
	}

	/** The options these settings give a client's calls; a blank app code means none. */
	LinkAiOptions toOptions() {
		String app = (this.appCode == null || this.appCode.isBlank()) ? null : this.appCode.strip();
		return new LinkAiOptions(app, this.frequencyPenalty, this.presencePenalty);
	}

}
