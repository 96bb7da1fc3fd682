package io.github.linkai.spring.client.error;

import org.jspecify.annotations.Nullable;

/** No data arrived within a configured timeout (connect or read timeout). */
public class ChatTimeoutException extends ChatTransportException {

	public ChatTimeoutException(String provider, String clientName, String message, @Nullable Throwable cause) {
		super(provider, clientName, message, cause);
	}

}
