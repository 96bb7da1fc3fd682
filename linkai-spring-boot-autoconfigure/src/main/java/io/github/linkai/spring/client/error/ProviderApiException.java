package io.github.linkai.spring.client.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The provider answered with an HTTP error status. Carries the status and the provider's
 * error type and message from the error body
 * ({@code {"error":{"type":...,"message":...}}} for LinkAI).
 */
public class ProviderApiException extends ChatClientException {

	private final int statusCode;

	private final @Nullable String errorType;

	private final @Nullable String errorMessage;

	private final @Nullable Duration retryAfter;

	public ProviderApiException(ErrorDetails details, String meaning) {
		super(details.provider(), details.clientName(), describe(details, meaning), null);
		this.statusCode = details.statusCode();
		this.errorType = details.errorType();
		this.errorMessage = details.errorMessage();
		this.retryAfter = details.retryAfter();
	}

	private static String describe(ErrorDetails details, String meaning) {
		StringBuilder message = new StringBuilder("HTTP ").append(details.statusCode()).append(' ').append(meaning);
		if (details.errorType() != null) {
			message.append(" [").append(details.errorType()).append(']');
		}
		if (details.errorMessage() != null) {
			message.append(": ").append(details.errorMessage());
		}
		return message.toString();
	}

	/** The HTTP status code. */
	public int statusCode() {
		return this.statusCode;
	}

	/**
	 * The provider's error type (LinkAI {@code error.type}, e.g.
	 * {@code invalid_request_error}), if given.
	 */
	public @Nullable String errorType() {
		return this.errorType;
	}

	/** The provider's error message, if given (credentials masked). */
	public @Nullable String errorMessage() {
		return this.errorMessage;
	}

	/** The delay the provider asked for with {@code Retry-After}, if any. */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
