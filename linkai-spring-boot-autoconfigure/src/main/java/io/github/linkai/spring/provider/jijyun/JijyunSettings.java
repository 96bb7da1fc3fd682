package io.github.linkai.spring.provider.jijyun;

import io.github.linkai.spring.client.spi.SecretMasker;

/**
 * What a Jijyun client needs: its API key, where to send requests and its default
 * {@link JijyunOptions}.
 *
 * @param apiKey the API key, sent as the {@code apiKey} query parameter (surrounding
 * whitespace is removed)
 * @param baseUrl the API host, normally {@link Jijyun#DEFAULT_BASE_URL} (a trailing
 * {@code /} is removed)
 * @param defaults the client's Jijyun options, which a request's own override field by
 * field
 */
public record JijyunSettings(String apiKey, String baseUrl, JijyunOptions defaults) {

	public JijyunSettings {
		apiKey = required("apiKey", apiKey).strip();
		baseUrl = required("baseUrl", baseUrl).strip();
		while (baseUrl.endsWith("/")) {
			baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
		}
		if (defaults == null) {
			throw new IllegalArgumentException("Jijyun defaults must not be null (use JijyunOptions.none())");
		}
	}

	private static String required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Jijyun " + field + " must be set");
		}
		return value;
	}

	@Override
	public String toString() {
		return "JijyunSettings[apiKey=" + SecretMasker.describe(this.apiKey) + ", baseUrl=" + this.baseUrl
				+ ", defaults=" + this.defaults + "]";
	}

}
