package io.github.linkai.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The base of every error a chat client raises. Messages name the provider and client and
 * never contain a credential.
 */
public class ChatClientException extends RuntimeException {

	private final String provider;

	private final String clientName;

	public ChatClientException(String provider, String clientName, String message, @Nullable Throwable cause) {
		super("[" + provider + "/" + clientName + "] " + message, cause);
		this.provider = provider;
		this.clientName = clientName;
	}

	/** The provider, e.g. {@code linkai}. */
	public String provider() {
		return this.provider;
	}

	/** The configured client's name. */
	public String clientName() {
		return this.clientName;
	}

}
