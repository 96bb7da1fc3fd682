package io.github.linkai.spring.web;

import java.net.URI;

import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.BadRequestException;
import io.github.linkai.spring.client.error.CallRejectedException;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.error.ChatTransportException;
import io.github.linkai.spring.client.error.ClientErrorException;
import io.github.linkai.spring.client.error.ContentRejectedException;
import io.github.linkai.spring.client.error.PermissionDeniedException;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.QuotaExceededException;
import io.github.linkai.spring.client.error.RateLimitedException;
import io.github.linkai.spring.client.error.RedirectNotFollowedException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.error.ServerErrorException;
import io.github.linkai.spring.client.error.ServiceUnavailableException;
import io.github.linkai.spring.client.error.StreamException;
import io.github.linkai.spring.client.error.StreamTruncatedException;

import org.springframework.http.HttpStatus;

/**
 * The status table: which HTTP status, problem type and title a failed chat call is
 * handed on with. The status is the one the web application answers its own caller with,
 * so it says whose move it is: 400/422 the caller's input, 429/503 try again later (503
 * also when this application itself is too busy to ask the provider), 502 the provider or
 * this application's setup with it (never 401 or 403: the caller's own credentials are
 * not in question), 504 no answer in time.
 *
 * <table>
 * <caption>Exceptions and their problem types</caption>
 * <tr>
 * <th>exception</th>
 * <th>type</th>
 * <th>status</th>
 * </tr>
 * <tr>
 * <td>{@link ChatRequestValidationException} (failed the starter's own checks, nothing
 * sent)</td>
 * <td>{@link #INVALID_REQUEST}</td>
 * <td>400</td>
 * </tr>
 * <tr>
 * <td>{@link BadRequestException} (the provider's 400, or an OpenAI-compatible 422)</td>
 * <td>{@link #REQUEST_REJECTED}</td>
 * <td>400</td>
 * </tr>
 * <tr>
 * <td>{@link ContentRejectedException} (LinkAI 409, moderation)</td>
 * <td>{@link #CONTENT_REJECTED}</td>
 * <td>422</td>
 * </tr>
 * <tr>
 * <td>{@link RateLimitedException} (429)</td>
 * <td>{@link #RATE_LIMITED}</td>
 * <td>429, {@code Retry-After} when known</td>
 * </tr>
 * <tr>
 * <td>{@link AuthenticationException}, {@link PermissionDeniedException} (401, 403,
 * LinkAI 408)</td>
 * <td>{@link #CREDENTIAL_REJECTED}</td>
 * <td>502</td>
 * </tr>
 * <tr>
 * <td>{@link QuotaExceededException} (LinkAI 406, Jijyun/OpenAI 402)</td>
 * <td>{@link #QUOTA_EXHAUSTED}</td>
 * <td>502</td>
 * </tr>
 * <tr>
 * <td>other {@link ClientErrorException}s (404, LinkAI 402 app not found, any other 4xx)
 * and {@link RedirectNotFollowedException} (3xx)</td>
 * <td>{@link #PROVIDER_REFUSED}</td>
 * <td>502</td>
 * </tr>
 * <tr>
 * <td>{@link ServiceUnavailableException} (503), {@link ChatTransportException}
 * (connection refused, reset, closed)</td>
 * <td>{@link #PROVIDER_UNAVAILABLE}</td>
 * <td>503, {@code Retry-After} when known</td>
 * </tr>
 * <tr>
 * <td>{@link CallRejectedException} (this application refused the call, nothing sent: its
 * connection pool full)</td>
 * <td>{@link #APPLICATION_BUSY}</td>
 * <td>503, {@code Retry-After} (1 s unless the limit knows better)</td>
 * </tr>
 * <tr>
 * <td>{@link ChatTimeoutException} (connect, read, first-event or idle timeout,
 * deadline)</td>
 * <td>{@link #PROVIDER_TIMEOUT}</td>
 * <td>504</td>
 * </tr>
 * <tr>
 * <td>other {@link ServerErrorException}s (5xx), {@link StreamException}s such as an
 * error event in a stream</td>
 * <td>{@link #PROVIDER_ERROR}</td>
 * <td>502</td>
 * </tr>
 * <tr>
 * <td>{@link StreamTruncatedException} (the stream ended before its end marker)</td>
 * <td>{@link #STREAM_TRUNCATED}</td>
 * <td>502</td>
 * </tr>
 * <tr>
 * <td>{@link ResponseDecodingException}, a {@link ProviderApiException} with an
 * unexpected status</td>
 * <td>{@link #BAD_RESPONSE}</td>
 * <td>502</td>
 * </tr>
 * <tr>
 * <td>anything else, e.g.
 * {@link io.github.linkai.spring.client.error.BlockingCallException}</td>
 * <td>{@link #INTERNAL_ERROR}</td>
 * <td>500</td>
 * </tr>
 * </table>
 */
public enum ChatProblemType {

	/**
	 * The request failed the starter's own checks before anything was sent; {@code field}
	 * names the field.
	 */
	INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid chat request"),

	/** The provider rejected the request's format or content (its HTTP 400). */
	REQUEST_REJECTED(HttpStatus.BAD_REQUEST, "request-rejected", "Chat request rejected by the AI provider"),

	/**
	 * The provider's moderation rejected the question, the answer or retrieved knowledge.
	 */
	CONTENT_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT, "content-rejected", "Content rejected by moderation"),

	/**
	 * The provider throttles this application; {@code Retry-After} says when to try
	 * again, if it said.
	 */
	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "AI provider rate limit reached"),

	/**
	 * The provider rejects this application's credential or its permission for the app.
	 */
	CREDENTIAL_REJECTED(HttpStatus.BAD_GATEWAY, "credential-rejected", "AI provider rejected the credential"),

	/** This application's credit or call quota at the provider is used up. */
	QUOTA_EXHAUSTED(HttpStatus.BAD_GATEWAY, "quota-exhausted", "AI provider quota exhausted"),

	/**
	 * The provider refused the call for a reason of this application's setup (base URL,
	 * app code, redirect).
	 */
	PROVIDER_REFUSED(HttpStatus.BAD_GATEWAY, "provider-refused", "AI provider refused the call"),

	/** The provider could not be reached or says it is unavailable. */
	PROVIDER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "provider-unavailable", "AI provider unavailable"),

	/**
	 * This application is too busy to ask the provider now (its connections are all in
	 * use); the provider was not asked. Worth trying again shortly.
	 */
	APPLICATION_BUSY(HttpStatus.SERVICE_UNAVAILABLE, "application-busy", "Application busy"),

	/** The provider did not answer, or stopped answering, within a configured time. */
	PROVIDER_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "provider-timeout", "AI provider timed out"),

	/** The provider failed: a 5xx status or an error reported inside a stream. */
	PROVIDER_ERROR(HttpStatus.BAD_GATEWAY, "provider-error", "AI provider failed"),

	/**
	 * A streamed answer ended before the provider marked its end: the answer is
	 * incomplete.
	 */
	STREAM_TRUNCATED(HttpStatus.BAD_GATEWAY, "stream-truncated", "AI answer incomplete"),

	/**
	 * The provider's reply is not what it documents (malformed JSON, an HTML page, an
	 * oversized event).
	 */
	BAD_RESPONSE(HttpStatus.BAD_GATEWAY, "bad-response", "Unreadable AI provider response"),

	/**
	 * A failure inside this application, e.g. a blocking call on an event-loop thread.
	 */
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Chat call failed");

	/**
	 * A tag URI (RFC 4151), as RFC 9457 suggests for type identifiers that are not meant
	 * to be dereferenced: a caller compares it, it does not fetch it.
	 */
	private static final String TYPE_PREFIX = "tag:linkai.github.io,2026:chat-problem:";

	private final HttpStatus status;

	private final URI type;

	private final String title;

	ChatProblemType(HttpStatus status, String slug, String title) {
		this.status = status;
		this.type = URI.create(TYPE_PREFIX + slug);
		this.title = title;
	}

	/** The HTTP status the web application answers with. */
	public HttpStatus status() {
		return this.status;
	}

	/**
	 * The problem's {@code type}, e.g.
	 * {@code tag:linkai.github.io,2026:chat-problem:rate-limited}.
	 */
	public URI type() {
		return this.type;
	}

	/** The problem's {@code title}: the same for every occurrence of the type. */
	public String title() {
		return this.title;
	}

	/**
	 * The row of the table for an error; {@link #INTERNAL_ERROR} for one that is not a
	 * chat client's.
	 */
	public static ChatProblemType of(Throwable error) {
		if (error instanceof CallRejectedException) {
			return APPLICATION_BUSY;
		}
		if (error instanceof ChatRequestValidationException) {
			return INVALID_REQUEST;
		}
		if (error instanceof BadRequestException) {
			return REQUEST_REJECTED;
		}
		if (error instanceof ContentRejectedException) {
			return CONTENT_REJECTED;
		}
		if (error instanceof RateLimitedException) {
			return RATE_LIMITED;
		}
		if (error instanceof AuthenticationException || error instanceof PermissionDeniedException) {
			return CREDENTIAL_REJECTED;
		}
		if (error instanceof QuotaExceededException) {
			return QUOTA_EXHAUSTED;
		}
		if (error instanceof ClientErrorException || error instanceof RedirectNotFollowedException) {
			return PROVIDER_REFUSED;
		}
		if (error instanceof ServiceUnavailableException) {
			return PROVIDER_UNAVAILABLE;
		}
		if (error instanceof ServerErrorException) {
			return PROVIDER_ERROR;
		}
		// a timeout is a transport failure too: test it first
		if (error instanceof ChatTimeoutException) {
			return PROVIDER_TIMEOUT;
		}
		if (error instanceof ChatTransportException) {
			return PROVIDER_UNAVAILABLE;
		}
		if (error instanceof StreamTruncatedException) {
			return STREAM_TRUNCATED;
		}
		if (error instanceof StreamException) {
			return PROVIDER_ERROR;
		}
		if (error instanceof ResponseDecodingException || error instanceof ProviderApiException) {
			return BAD_RESPONSE;
		}
		return INTERNAL_ERROR;
	}

}
