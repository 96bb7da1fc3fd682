package io.github.linkai.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * A successful response whose body is not what the provider documents (malformed JSON,
 * wrong content type).
 */
public class ResponseDecodingException extends ChatClientException {

	public ResponseDecodingException(String provider, String clientName, String message, @Nullable Throwable cause) {
		super(provider, clientName, message, cause);
	}

}
