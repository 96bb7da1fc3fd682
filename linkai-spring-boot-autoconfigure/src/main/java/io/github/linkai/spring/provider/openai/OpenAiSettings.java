package io.github.linkai.spring.provider.openai;

import java.net.URI;
import java.util.Objects;

import io.github.linkai.spring.client.http.SecretMasker;

/**
 * Where and as whom an OpenAI-compatible client calls.
 *
 * @param apiKey the API key, sent exactly as given in {@code Authorization: Bearer <apiKey>}
 * @param baseUrl the base URL as the endpoint documents it for OpenAI SDKs, e.g.
 * {@code https://api.deepseek.com/v1} or {@code http://localhost:8000/v1}; {@code /chat/completions} is
 * appended to it (a {@code /v1} is kept), trailing slashes removed
 * @param defaults the client's options, which a request's own override field by field
 */
public record OpenAiSettings(String apiKey, String baseUrl, OpenAiOptions defaults) {

	/**
	 * Checks the settings and removes the base URL's trailing slashes.
	 * @throws IllegalArgumentException if the key is blank or the base URL is not an http(s) URL with a host
	 */
	public OpenAiSettings {
		Objects.requireNonNull(apiKey, "apiKey must not be null");
		Objects.requireNonNull(baseUrl, "baseUrl must not be null");
		Objects.requireNonNull(defaults, "defaults must not be null");
		if (apiKey.isBlank()) {
			throw new IllegalArgumentException("apiKey must not be blank");
		}
		baseUrl = normalize(baseUrl);
	}

	/** Settings with no default options. */
	public static OpenAiSettings of(String apiKey, String baseUrl) {
		return new OpenAiSettings(apiKey, baseUrl, OpenAiOptions.none());
	}

	private static String normalize(String baseUrl) {
		String url = baseUrl.strip();
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("baseUrl must be an http(s) URL but was '" + baseUrl + "'", ex);
		}
		if (uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme())
				|| "http".equalsIgnoreCase(uri.getScheme()))) {
			throw new IllegalArgumentException("baseUrl must be an http(s) URL with a host but was '" + baseUrl + "'");
		}
		return url;
	}

	@Override
	public String toString() {
		return "OpenAiSettings[apiKey=" + SecretMasker.describe(this.apiKey) + ", baseUrl=" + this.baseUrl
				+ ", defaults=" + this.defaults + "]";
	}

}
