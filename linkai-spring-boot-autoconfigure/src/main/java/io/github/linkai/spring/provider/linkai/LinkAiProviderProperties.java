package io.github.linkai.spring.provider.linkai;

import io.github.linkai.spring.client.spi.BlankSettings;
import org.jspecify.annotations.Nullable;

/**
 * A LinkAI client's own settings, bound at the client's prefix itself:
 * {@code linkai.app-code}, {@code linkai.clients.<name>.frequency-penalty}.
 */
public class LinkAiProviderProperties {

	/**
	 * LinkAI app or workflow code the calls run in (app_code), unless a request names
	 * another. Blank means none. LinkAI clients only.
	 */
	private @Nullable String appCode;

	/**
	 * Default LinkAI frequency penalty (frequency_penalty), [-2, 2]. LinkAI clients only.
	 */
	private @Nullable Double frequencyPenalty;

	/**
	 * Default LinkAI presence penalty (presence_penalty), [-2, 2]. LinkAI clients only.
	 */
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
		String app = BlankSettings.unsetIfBlank(this.appCode);
		return new LinkAiOptions(app, this.frequencyPenalty, this.presencePenalty);
	}

}
