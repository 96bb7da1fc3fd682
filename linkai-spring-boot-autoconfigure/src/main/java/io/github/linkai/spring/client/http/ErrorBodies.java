package io.github.linkai.spring.client.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.linkai.spring.client.spi.SecretMasker;
import io.github.linkai.spring.client.spi.StreamError;
import io.github.linkai.spring.client.spi.WireJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Reads the type and message out of an error response's body, with
 * {@link StreamError#fromFields}, or keeps a bounded excerpt of a body that is not a JSON
 * object.
 */
final class ErrorBodies {

	private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
	};

	private static final int MAX_TEXT = 300;

	private ErrorBodies() {
	}

	/** The error's type and message, credentials masked before anything is cut short. */
	static StreamError parse(byte[] body, SecretMasker masker) {
		if (body.length == 0) {
			return new StreamError(null, null);
		}
		StreamError error;
		try {
			error = StreamError.fromFields(WireJson.mapper().readValue(body, FIELDS));
		}
		catch (JacksonException ex) {
			// not a JSON object: an HTML page from a proxy, plain text; keep a bounded
			// excerpt
			String text = new String(body, StandardCharsets.UTF_8).strip();
			error = new StreamError(null, text.isEmpty() ? null : text);
		}
		return (error != null) ? new StreamError(bounded(masker, error.type()), bounded(masker, error.message()))
				: new StreamError(null, null);
	}

	private static @Nullable String bounded(SecretMasker masker, @Nullable String text) {
		return (text != null) ? truncate(masker.mask(text)) : null;
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_TEXT) ? text : text.substring(0, MAX_TEXT) + "…";
	}

}
