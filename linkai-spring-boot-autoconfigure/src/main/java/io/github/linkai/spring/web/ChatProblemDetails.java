package io.github.linkai.spring.web;

import java.time.Duration;

import io.github.linkai.spring.client.error.ChatClientException;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.StreamErrorEventException;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Turns a failed chat call into an RFC 9457 problem detail, with the status, type and title of its
 * {@link ChatProblemType}. The {@code detail} is a sentence of the starter's own, never the exception's message
 * nor the provider's error message: those may quote the prompt or name the account, and a web application's
 * caller may be anyone (Spring Boot does not show exception messages by default either). No field ever holds a
 * credential or message text.
 *
 * <p>Extension members, each present only when known:
 * <ul>
 * <li>{@code provider}: the provider id, e.g. {@code linkai}</li>
 * <li>{@code client}: the configured client's name, e.g. {@code default}</li>
 * <li>{@code providerStatus}: the HTTP status the provider answered with</li>
 * <li>{@code providerErrorCode}: the provider's error type or code, e.g. {@code invalid_request_error}</li>
 * <li>{@code retryAfter}: whole seconds the provider asked to wait (also the {@code Retry-After} header)</li>
 * <li>{@code field}: the request field that failed validation</li>
 * <li>{@code chunksReceived}: how many chunks a truncated stream delivered</li>
 * </ul>
 * {@code instance} is left for Spring MVC and WebFlux to fill with the request's path when they write the body.
 */
public final class ChatProblemDetails {

	private ChatProblemDetails() {
	}

	/** The problem detail for any error: a chat client's by the table, anything else as {@code internal-error}. */
	public static ProblemDetail forError(Throwable error) {
		ChatProblemType type = ChatProblemType.of(error);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail(type, error));
		problem.setType(type.type());
		problem.setTitle(type.title());
		if (error instanceof ChatClientException chatError) {
			problem.setProperty("provider", chatError.provider());
			problem.setProperty("client", chatError.clientName());
		}
		if (error instanceof ProviderApiException apiError) {
			problem.setProperty("providerStatus", apiError.statusCode());
			setIfPresent(problem, "providerErrorCode", apiError.errorType());
		}
		if (error instanceof StreamErrorEventException eventError) {
			setIfPresent(problem, "providerErrorCode", eventError.errorType());
		}
		Long retryAfter = retryAfterSeconds(error);
		if (retryAfter != null) {
			problem.setProperty("retryAfter", retryAfter);
		}
		if (error instanceof ChatRequestValidationException invalid) {
			problem.setProperty("field", invalid.field());
		}
		if (error instanceof StreamTruncatedException truncated) {
			problem.setProperty("chunksReceived", truncated.chunksReceived());
		}
		return problem;
	}

	/** The response for an error: its problem detail, status and, when the provider gave one, {@code Retry-After}. */
	public static ResponseEntity<ProblemDetail> toResponseEntity(Throwable error) {
		ProblemDetail problem = forError(error);
		HttpHeaders headers = new HttpHeaders();
		Long retryAfter = retryAfterSeconds(error);
		if (retryAfter != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		}
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}

	/**
	 * A log line's worth about the failure without the exception's message, which may quote the provider's
	 * error message and so the user's question: the type, the client and the provider's status and code.
	 */
	static String summary(Throwable error, ProblemDetail problem) {
		StringBuilder summary = new StringBuilder(error.getClass().getSimpleName());
		if (error instanceof ChatClientException chatError) {
			summary.append(" from ").append(chatError.provider()).append('/').append(chatError.clientName());
		}
		Object providerStatus = (problem.getProperties() != null) ? problem.getProperties().get("providerStatus") : null;
		if (providerStatus != null) {
			summary.append(", provider status ").append(providerStatus);
		}
		Object code = (problem.getProperties() != null) ? problem.getProperties().get("providerErrorCode") : null;
		if (code != null) {
			summary.append(" [").append(code).append(']');
		}
		return summary.append(", answered as ").append(problem.getStatus()).append(' ').append(problem.getType()).toString();
	}

	/** The provider's {@code Retry-After}, rounded up to whole seconds, for the types a caller may retry. */
	private static @Nullable Long retryAfterSeconds(Throwable error) {
		ChatProblemType type = ChatProblemType.of(error);
		if ((type != ChatProblemType.RATE_LIMITED && type != ChatProblemType.PROVIDER_UNAVAILABLE)
				|| !(error instanceof ProviderApiException apiError) || apiError.retryAfter() == null) {
			return null;
		}
		Duration delay = apiError.retryAfter();
		return Math.max(0, delay.plusMillis(999).toSeconds());
	}

	private static String detail(ChatProblemType type, Throwable error) {
		return switch (type) {
			case INVALID_REQUEST -> {
				ChatRequestValidationException invalid = (ChatRequestValidationException) error;
				yield "The request's " + invalid.field() + " " + invalid.problem() + ".";
			}
			case REQUEST_REJECTED -> "The AI provider rejected the request's format or content.";
			case CONTENT_REJECTED ->
				"The AI provider's content moderation rejected the question, the answer or knowledge it retrieved.";
			case RATE_LIMITED -> "The AI provider is throttling this application's requests; try again "
					+ retryHint(error) + ".";
			case CREDENTIAL_REJECTED ->
				"The AI provider rejected this application's credential or its permission to use the app.";
			case QUOTA_EXHAUSTED -> "This application's credit or call quota at the AI provider is used up.";
			case PROVIDER_REFUSED -> "The AI provider refused the call; this application's setup for it (base "
					+ "URL, app or ids) needs checking.";
			case PROVIDER_UNAVAILABLE -> "The AI provider could not be reached or is unavailable; try again "
					+ retryHint(error) + ".";
			case PROVIDER_TIMEOUT -> "The AI provider did not answer in time.";
			case PROVIDER_ERROR -> "The AI provider failed to answer.";
			case STREAM_TRUNCATED -> "The AI provider's answer stopped before it was complete.";
			case BAD_RESPONSE -> "The AI provider's reply could not be read.";
			case INTERNAL_ERROR -> "The chat call failed inside this application.";
		};
	}

	private static String retryHint(Throwable error) {
		Long seconds = retryAfterSeconds(error);
		return (seconds != null) ? "in " + seconds + " s" : "later";
	}

	private static void setIfPresent(ProblemDetail problem, String name, @Nullable Object value) {
		if (value != null) {
			problem.setProperty(name, value);
		}
	}

}
