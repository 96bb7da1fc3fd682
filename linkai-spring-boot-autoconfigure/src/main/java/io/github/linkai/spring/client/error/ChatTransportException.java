package io.github.linkai.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The exchange failed at the network level: connection refused or reset, closed before
 * the response was complete, TLS failure. The cause is the underlying I/O error (never an
 * object that holds request headers).
 */
public class ChatTransportException extends ChatClientException {

	public ChatTransportException(String provider, String clientName, String message, @Nullable Throwable cause) {
		super(provider, clientName, message, cause);
	}

}
