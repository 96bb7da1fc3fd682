package io.github.linkai.spring.web;

import java.time.Duration;

import io.github.linkai.spring.client.error.BlockingCallException;
import io.github.linkai.spring.client.error.BudgetExhaustedException;
import io.github.linkai.spring.client.error.CallRejectedException;
import io.github.linkai.spring.client.error.ChatClientException;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.error.CircuitOpenException;
import io.github.linkai.spring.client.error.LimiterUnavailableException;
import io.github.linkai.spring.client.error.NoUsableKeyException;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.RequestRateLimitException;
import io.github.linkai.spring.client.error.StreamErrorEventException;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import io.github.linkai.spring.client.error.TokenRateLimitException;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Turns a failed chat call into an RFC 9457 problem detail, with the status, type and
 * title of its {@link ChatProblemType}. The {@code detail} is a sentence of the starter's
 * own, never the exception's message nor the provider's error message: those may quote
 * the prompt or name the account, and a web application's caller may be anyone (Spring
 * Boot does not show exception messages by default either). No field ever holds a
 * credential or message text.
 *
 * <p>
 * Extension members, each present only when known:
 * <ul>
 * <li>{@code provider}: the provider id, e.g. {@code linkai}</li>
 * <li>{@code client}: the configured client's name, e.g. {@code default}</li>
 * <li>{@code providerStatus}: the HTTP status the provider answered with</li>
 * <li>{@code providerErrorCode}: the provider's error type or code, e.g.
 * {@code invalid_request_error}</li>
 * <li>{@code retryAfter}: whole seconds the provider asked to wait, or, for a call this
 * application was too busy to make, a short wait of its own (also the {@code Retry-After}
 * header)</li>
 * <li>{@code field}: the request field that failed validation</li>
 * <li>{@code chunksReceived}: how many chunks a truncated stream delivered</li>
 * </ul>
 * {@code instance} is left for Spring MVC and WebFlux to fill with the request's path
 * when they write the body.
 */
public final class ChatProblemDetails {

	private static final String RETRY_AFTER = "retryAfter";

	/**
	 * How long a caller is asked to wait when this application was too busy to make its
	 * call: short, since a connection frees up as soon as any answer ends.
	 */
	private static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);

	private ChatProblemDetails() {
	}

	/**
	 * The problem detail for any error: a chat client's by the table, anything else as
	 * {@code internal-error}.
	 */
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
		Long retryAfter = retryAfterSeconds(type, error);
		if (retryAfter != null) {
			problem.setProperty(RETRY_AFTER, retryAfter);
		}
		if (error instanceof ChatRequestValidationException invalid) {
			problem.setProperty("field", invalid.field());
		}
		if (error instanceof StreamTruncatedException truncated) {
			problem.setProperty("chunksReceived", truncated.chunksReceived());
		}
		if (error instanceof CallRejectedException rejected) {
			problem.setProperty("reason", rejected.reason());
		}
		return problem;
	}

	/**
	 * The response for an error: its problem detail, status and, when the provider gave
	 * one, {@code Retry-After}.
	 */
	public static ResponseEntity<ProblemDetail> toResponseEntity(Throwable error) {
		ProblemDetail problem = forError(error);
		HttpHeaders headers = new HttpHeaders();
		Object retryAfter = member(problem, RETRY_AFTER);
		if (retryAfter != null) {
			headers.set(HttpHeaders.RETRY_AFTER, retryAfter.toString());
		}
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}

	/**
	 * Logs a failure that ends in a problem detail, since it no longer reaches the web
	 * stack's own error logging: an application's own error in full; a blocking call on
	 * an event loop with its message (the starter's own words, naming the thread), since
	 * no call was made; a chat call's failure in one line at INFO with the answer it got
	 * (its cause was logged at WARN when the call failed, by
	 * {@code io.github.linkai.spring.calls}), and in full at DEBUG.
	 */
	static void log(Log logger, String what, Throwable error, ProblemDetail problem) {
		if (!(error instanceof ChatClientException chatError)) {
			logger.error(what + " with an error of the application", error);
			return;
		}
		if (error instanceof BlockingCallException) {
			logger.warn(what + ": " + error.getMessage());
		}
		else if (problem.getStatus() >= 500 && logger.isInfoEnabled()) {
			StringBuilder line = new StringBuilder(what).append(": ")
				.append(error.getClass().getSimpleName())
				.append(" from ")
				.append(chatError.provider())
				.append('/')
				.append(chatError.clientName());
			Object providerStatus = member(problem, "providerStatus");
			if (providerStatus != null) {
				line.append(", provider status ").append(providerStatus);
			}
			Object code = member(problem, "providerErrorCode");
			if (code != null) {
				line.append(" [").append(code).append(']');
			}
			line.append(", answered as ").append(problem.getStatus()).append(' ').append(problem.getType());
			logger.info(line);
		}
		if (logger.isDebugEnabled()) {
			logger.debug(what + ", answered as " + problem.getStatus(), error);
		}
	}

	private static @Nullable Object member(ProblemDetail problem, String name) {
		return (problem.getProperties() != null) ? problem.getProperties().get(name) : null;
	}

	/**
	 * The provider's {@code Retry-After}, rounded up to whole seconds, for the types a
	 * caller may retry.
	 */
	private static @Nullable Long retryAfterSeconds(ChatProblemType type, Throwable error) {
		Duration delay = null;
		if (error instanceof CallRejectedException rejected) {
			delay = (rejected.retryAfter() != null) ? rejected.retryAfter() : BUSY_RETRY_AFTER;
		}
		else if ((type == ChatProblemType.RATE_LIMITED || type == ChatProblemType.PROVIDER_UNAVAILABLE)
				&& error instanceof ProviderApiException apiError) {
			delay = apiError.retryAfter();
		}
		return (delay != null) ? Math.max(0, delay.plusMillis(999).toSeconds()) : null;
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
			case RATE_LIMITED ->
				"The AI provider is throttling this application's requests; try again " + retryHint(type, error) + ".";
			case CREDENTIAL_REJECTED ->
				"The AI provider rejected this application's credential or its permission to use the app.";
			case QUOTA_EXHAUSTED -> "This application's credit or call quota at the AI provider is used up.";
			case PROVIDER_REFUSED -> "The AI provider refused the call; this application's setup for it (base "
					+ "URL, app or ids) needs checking.";
			case PROVIDER_UNAVAILABLE ->
				"The AI provider could not be reached or is unavailable; try again " + retryHint(type, error) + ".";
			case APPLICATION_BUSY -> busyDetail(error) + "; try again " + retryHint(type, error) + ".";
			case PROVIDER_TIMEOUT -> "The AI provider did not answer in time.";
			case PROVIDER_ERROR -> "The AI provider failed to answer.";
			case STREAM_TRUNCATED -> "The AI provider's answer stopped before it was complete.";
			case BAD_RESPONSE -> "The AI provider's reply could not be read.";
			case INTERNAL_ERROR -> "The chat call failed inside this application.";
		};
	}

	/**
	 * Why this application refused a call it did not send: its own capacity, or a rule it
	 * keeps for the provider (a resting breaker, a spent budget, a rate).
	 */
	private static String busyDetail(Throwable error) {
		if (error instanceof CircuitOpenException) {
			return "The AI provider kept failing, so this application is not asking it for a while (its circuit "
					+ "breaker is open)";
		}
		if (error instanceof BudgetExhaustedException) {
			return "This application's budget for the AI provider is spent for the period (the provider was not asked)";
		}
		if (error instanceof RequestRateLimitException || error instanceof TokenRateLimitException) {
			return "This application's own rate limit for the AI provider is reached (the provider was not asked)";
		}
		if (error instanceof NoUsableKeyException) {
			return "Every key this application holds for the AI provider is resting or parked (rate limited, "
					+ "rejected or out of credit)";
		}
		if (error instanceof LimiterUnavailableException) {
			return "The store this application keeps its limits in is unavailable and its limits fail closed (the "
					+ "provider was not asked)";
		}
		return "This application is too busy to ask the AI provider now (the provider was not asked and is not at "
				+ "fault)";
	}

	private static String retryHint(ChatProblemType type, Throwable error) {
		Long seconds = retryAfterSeconds(type, error);
		return (seconds != null) ? "in " + seconds + " s" : "later";
	}

	private static void setIfPresent(ProblemDetail problem, String name, @Nullable Object value) {
		if (value != null) {
			problem.setProperty(name, value);
		}
	}

}
