package io.github.linkai.spring.provider.openai;

import java.util.Objects;

import io.github.linkai.spring.client.spi.BaseUrls;
import io.github.linkai.spring.client.spi.SecretMasker;

/**
 * Where and as whom an OpenAI-compatible client calls.
 *
 * @param apiKey the API key, sent exactly as given in
 * {@code Authorization: Bearer <apiKey>}
 * @param baseUrl the base URL as the endpoint documents it for OpenAI SDKs, e.g.
 * {@code https://api.deepseek.com/v1} or {@code http://localhost:8000/v1};
 * {@code /chat/completions} is appended to it (a {@code /v1} is kept), trailing slashes
 * removed
 * @param defaults the client's options, which a request's own override field by field
 */
public record OpenAiSettings(String apiKey, String baseUrl, OpenAiOptions defaults) {

	/**
	 * Checks the settings and removes the base URL's trailing slashes.
	 * @throws IllegalArgumentException if the key is blank or the base URL is not an
	 * http(s) URL with a host
	 */
	public OpenAiSettings {
		Objects.requireNonNull(apiKey, "apiKey must not be null");
		Objects.requireNonNull(baseUrl, "baseUrl must not be null");
		Objects.requireNonNull(defaults, "defaults must not be null");
		if (apiKey.isBlank()) {
			throw new IllegalArgumentException("apiKey must not be blank");
		}
		baseUrl = BaseUrls.normalize(baseUrl);
	}

	/** Settings with no default options. */
	public static OpenAiSettings of(String apiKey, String baseUrl) {
		return new OpenAiSettings(apiKey, baseUrl, OpenAiOptions.none());
	}

	@Override
	public String toString() {
		return "OpenAiSettings[apiKey=" + SecretMasker.describe(this.apiKey) + ", baseUrl=" + this.baseUrl
				+ ", defaults=" + this.defaults + "]";
	}

}
