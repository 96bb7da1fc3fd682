package io.github.linkai.spring.client.error;

import org.jspecify.annotations.Nullable;

/** A streamed answer failed after the response began. */
public class StreamException extends ChatClientException {

	public StreamException(String provider, String clientName, String message, @Nullable Throwable cause) {
		super(provider, clientName, message, cause);
	}

}
