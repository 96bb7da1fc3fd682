package io.github.linkai.spring.client.spi;

import java.net.URI;
import java.util.Objects;

/** The checks and clean-up every provider's base URL gets. */
public final class BaseUrls {

	private BaseUrls() {
	}

	/**
	 * The URL without surrounding whitespace and trailing slashes.
	 * @throws IllegalArgumentException unless it is an http or https URL with a host
	 */
	public static String normalize(String baseUrl) {
		String url = Objects.requireNonNull(baseUrl, "baseUrl must not be null").strip();
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("baseUrl must be an http(s) URL with a host but was '" + baseUrl + "'",
					ex);
		}
		if (uri.getHost() == null
				|| !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
			throw new IllegalArgumentException("baseUrl must be an http(s) URL with a host but was '" + baseUrl + "'");
		}
		return url;
	}

}
