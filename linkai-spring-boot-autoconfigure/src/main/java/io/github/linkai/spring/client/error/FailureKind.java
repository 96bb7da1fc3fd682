package io.github.linkai.spring.client.error;

import java.util.Locale;

/**
 * What a failed call means for what follows it: whether another client of a fallback
 * chain may answer instead, and whether the client's circuit breaker counts it as the
 * provider failing. One place decides, from the error's type: each provider's status
 * mapping already turned its statuses into these types (a 402 is "quota used up" for one,
 * "no such app" for another).
 *
 * <table>
 * <caption>Kinds and what follows them</caption>
 * <tr>
 * <th>Kind</th>
 * <th>Falls back</th>
 * <th>Breaker</th>
 * </tr>
 * <tr>
 * <td>{@link #TRANSPORT}, {@link #TIMEOUT}, {@link #SERVER_ERROR}</td>
 * <td>yes</td>
 * <td>a failure</td>
 * </tr>
 * <tr>
 * <td>{@link #RATE_LIMITED}, {@link #CREDENTIAL_REJECTED}, {@link #QUOTA_EXHAUSTED},
 * {@link #BUDGET_EXHAUSTED}, {@link #UNAVAILABLE}</td>
 * <td>yes</td>
 * <td>ignored</td>
 * </tr>
 * <tr>
 * <td>{@link #REQUEST_REJECTED}, {@link #LOCAL_SATURATION}, {@link #OTHER}</td>
 * <td>no</td>
 * <td>ignored</td>
 * </tr>
 * </table>
 * A stream falls back only before its first chunk, whatever the kind: two answers are
 * never spliced.
 */
public enum FailureKind {

	/**
	 * The exchange failed at the network level: refused, reset, closed early
	 * ({@link ChatTransportException}, a {@link StreamTruncatedException}).
	 */
	TRANSPORT,

	/**
	 * No data within a timeout: connect, first event, idle, deadline
	 * ({@link ChatTimeoutException}).
	 */
	TIMEOUT,

	/**
	 * The provider failed: a 5xx ({@link ServerErrorException}), an error object instead
	 * of an answer, in a stream ({@link StreamErrorEventException}) or a reply, a reply
	 * that is not what the provider documents ({@link ResponseDecodingException}).
	 */
	SERVER_ERROR,

	/**
	 * Too many requests: a 429 once its retries are spent ({@link RateLimitedException}),
	 * or a local request or token rate mirroring the account's
	 * ({@link RequestRateLimitException}, {@link TokenRateLimitException}).
	 */
	RATE_LIMITED,

	/**
	 * The credential or the account was refused: 401 ({@link AuthenticationException}),
	 * 403 and LinkAI's 408 ({@link PermissionDeniedException}).
	 */
	CREDENTIAL_REJECTED,

	/**
	 * The account's credit or call quota is used up ({@link QuotaExceededException}:
	 * LinkAI 406, Jijyun 402, DeepSeek 402).
	 */
	QUOTA_EXHAUSTED,

	/**
	 * The client's own budget for the period is spent ({@link BudgetExhaustedException}).
	 */
	BUDGET_EXHAUSTED,

	/**
	 * The client is not usable for now: its breaker is open
	 * ({@link CircuitOpenException}) or every key rests ({@link NoUsableKeyException}).
	 */
	UNAVAILABLE,

	/**
	 * The request itself was refused and would be refused again, or must not be sent
	 * elsewhere: validation ({@link ChatRequestValidationException}), any other 4xx (bad
	 * request, not found, LinkAI's 402 "no such app", content moderation's 409), a
	 * redirect not followed, a blocking call on an event loop.
	 */
	REQUEST_REJECTED,

	/**
	 * This instance's own back-pressure: calls in flight
	 * ({@link InFlightLimitException}), a shared limit that cannot decide and fails
	 * closed ({@link LimiterUnavailableException}).
	 */
	LOCAL_SATURATION,

	/**
	 * Anything else, such as an error that is not a {@link ChatClientException}: a bug.
	 */
	OTHER;

	/** The kind of {@code error}, judged by its type. */
	public static FailureKind of(Throwable error) {
		if (error instanceof CallRejectedException rejected) {
			return ofRejection(rejected);
		}
		if (error instanceof ChatTimeoutException) {
			return TIMEOUT;
		}
		if (error instanceof ChatTransportException || error instanceof StreamTruncatedException) {
			return TRANSPORT;
		}
		if (error instanceof ProviderApiException api) {
			return ofStatus(api);
		}
		if (error instanceof ResponseDecodingException || error instanceof StreamException) {
			return SERVER_ERROR;
		}
		if (error instanceof ChatRequestValidationException || error instanceof BlockingCallException) {
			return REQUEST_REJECTED;
		}
		return OTHER;
	}

	private static FailureKind ofRejection(CallRejectedException rejected) {
		if (!rejected.isAccountSide()) {
			return LOCAL_SATURATION;
		}
		if (rejected instanceof RequestRateLimitException || rejected instanceof TokenRateLimitException) {
			return RATE_LIMITED;
		}
		if (rejected instanceof BudgetExhaustedException) {
			return BUDGET_EXHAUSTED;
		}
		return UNAVAILABLE;
	}

	private static FailureKind ofStatus(ProviderApiException error) {
		if (error instanceof RateLimitedException) {
			return RATE_LIMITED;
		}
		if (error instanceof AuthenticationException || error instanceof PermissionDeniedException) {
			return CREDENTIAL_REJECTED;
		}
		if (error instanceof QuotaExceededException) {
			return QUOTA_EXHAUSTED;
		}
		if (error instanceof ServerErrorException) {
			return SERVER_ERROR;
		}
		if (error instanceof ClientErrorException || error instanceof RedirectNotFollowedException) {
			return REQUEST_REJECTED;
		}
		// an error object with a success status, or an unexpected status
		return SERVER_ERROR;
	}

	/**
	 * Whether another client of a fallback chain may answer instead (before the first
	 * chunk only): the failure is on the provider's or the account's side.
	 */
	public boolean fallsBack() {
		return this != REQUEST_REJECTED && this != LOCAL_SATURATION && this != OTHER;
	}

	/**
	 * Whether it says the provider is failing: counted by the client's circuit breaker.
	 */
	public boolean isProviderFailure() {
		return this == TRANSPORT || this == TIMEOUT || this == SERVER_ERROR;
	}

	/**
	 * The kind as meters and logs name it: lower case with dashes, e.g.
	 * {@code server-error}.
	 */
	public String tagValue() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
