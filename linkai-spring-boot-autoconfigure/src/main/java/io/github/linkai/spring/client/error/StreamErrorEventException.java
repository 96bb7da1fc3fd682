package io.github.linkai.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The provider sent an error object inside an event stream, after a successful status.
 */
public class StreamErrorEventException extends StreamException {

	private final @Nullable String errorType;

	private final @Nullable String errorMessage;

	public StreamErrorEventException(String provider, String clientName, @Nullable String errorType,
			@Nullable String errorMessage) {
		super(provider, clientName, "Error event in stream" + ((errorType != null) ? " [" + errorType + "]" : "")
				+ ((errorMessage != null) ? ": " + errorMessage : ""), null);
		this.errorType = errorType;
		this.errorMessage = errorMessage;
	}

	/** The provider's error type, if given. */
	public @Nullable String errorType() {
		return this.errorType;
	}

	/** The provider's error message, if given. */
	public @Nullable String errorMessage() {
		return this.errorMessage;
	}

}
