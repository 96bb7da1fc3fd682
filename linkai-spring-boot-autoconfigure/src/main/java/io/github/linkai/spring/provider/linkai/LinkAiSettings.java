package io.github.linkai.spring.provider.linkai;

import java.util.Objects;

import io.github.linkai.spring.client.spi.SecretMasker;

/**
 * Where and as whom a LinkAI client calls.
 *
 * @param apiKey the API key, sent exactly as given in
 * {@code Authorization: Bearer <apiKey>}
 * @param baseUrl the API host, e.g. {@link LinkAi#DEFAULT_BASE_URL}; the OpenAI-SDK form
 * ending in {@code /v1} is accepted too
 * @param defaults the client's LinkAI options, which a request's own override field by
 * field
 */
public record LinkAiSettings(String apiKey, String baseUrl, LinkAiOptions defaults) {

	public LinkAiSettings {
		Objects.requireNonNull(apiKey, "apiKey must not be null");
		Objects.requireNonNull(baseUrl, "baseUrl must not be null");
		Objects.requireNonNull(defaults, "defaults must not be null");
		if (apiKey.isBlank()) {
			throw new IllegalArgumentException("apiKey must not be blank");
		}
	}

	/** Settings for the default host and no default options. */
	public static LinkAiSettings of(String apiKey) {
		return new LinkAiSettings(apiKey, LinkAi.DEFAULT_BASE_URL, LinkAiOptions.none());
	}

	@Override
	public String toString() {
		return "LinkAiSettings[apiKey=" + SecretMasker.describe(this.apiKey) + ", baseUrl=" + this.baseUrl
				+ ", defaults=" + this.defaults + "]";
	}

}
