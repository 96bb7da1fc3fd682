package io.github.linkai.spring.client.error;

import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** One classification of failures: the table of issue 25's design, row by row. */
class FailureKindTests {

	private static final String P = "linkai";

	private static final String C = "assistant";

	static Stream<Arguments> errors() {
		return Stream.of(
				// the provider failing: falls back, the breaker counts it
				Arguments.of(new ChatTransportException(P, C, "Connection refused", new IOException()),
						FailureKind.TRANSPORT),
				Arguments.of(new StreamTruncatedException(P, C, 0, null), FailureKind.TRANSPORT),
				Arguments.of(new ChatTimeoutException(P, C, "first event", null), FailureKind.TIMEOUT),
				Arguments.of(new ServerErrorException(details(500), "server error"), FailureKind.SERVER_ERROR),
				Arguments.of(new ServerErrorException(details(502), "bad gateway"), FailureKind.SERVER_ERROR),
				Arguments.of(new ServiceUnavailableException(details(503), "unavailable"), FailureKind.SERVER_ERROR),
				Arguments.of(new ServerErrorException(details(504), "gateway timeout"), FailureKind.SERVER_ERROR),
				Arguments.of(new ResponseDecodingException(P, C, "Malformed JSON", null), FailureKind.SERVER_ERROR),
				Arguments.of(new StreamErrorEventException(P, C, "server_error", "boom"), FailureKind.SERVER_ERROR),
				Arguments.of(new ProviderApiException(details(200), "with an error object instead of an answer"),
						FailureKind.SERVER_ERROR),
				// the account's side: falls back, the breaker ignores it
				Arguments.of(new RateLimitedException(details(429), "rate limited"), FailureKind.RATE_LIMITED),
				Arguments.of(new RequestRateLimitException(P, C, 60, Duration.ofMinutes(1), null),
						FailureKind.RATE_LIMITED),
				Arguments.of(new TokenRateLimitException(P, C, 1000, Duration.ofMinutes(1), null),
						FailureKind.RATE_LIMITED),
				Arguments.of(new AuthenticationException(details(401), "authentication failed"),
						FailureKind.CREDENTIAL_REJECTED),
				Arguments.of(new PermissionDeniedException(details(403), "permission denied"),
						FailureKind.CREDENTIAL_REJECTED),
				Arguments.of(new ApiAccessDeniedException(details(408), "no API access"),
						FailureKind.CREDENTIAL_REJECTED),
				Arguments.of(new QuotaExceededException(details(406), "insufficient credit"),
						FailureKind.QUOTA_EXHAUSTED),
				Arguments.of(new QuotaExceededException(details(402), "calls used up"), FailureKind.QUOTA_EXHAUSTED),
				Arguments.of(new BudgetExhaustedException(P, C, "2026-12", Duration.ofDays(3)),
						FailureKind.BUDGET_EXHAUSTED),
				Arguments.of(new CircuitOpenException(P, C, Duration.ofSeconds(30)), FailureKind.UNAVAILABLE),
				Arguments.of(new NoUsableKeyException(P, C, 2, Duration.ofSeconds(1)), FailureKind.UNAVAILABLE),
				// the request's own fault: never falls back
				Arguments.of(new BadRequestException(details(400), "bad request"), FailureKind.REQUEST_REJECTED),
				Arguments.of(new NotFoundException(details(404), "not found"), FailureKind.REQUEST_REJECTED),
				Arguments.of(new ClientErrorException(details(422), "client error"), FailureKind.REQUEST_REJECTED),
				Arguments.of(new AppNotFoundException(details(402), "app not found"), FailureKind.REQUEST_REJECTED),
				Arguments.of(new ContentRejectedException(details(409), "content rejected"),
						FailureKind.REQUEST_REJECTED),
				Arguments.of(new ChatRequestValidationException(P, C, "temperature", "must be in [0, 1]"),
						FailureKind.REQUEST_REJECTED),
				Arguments.of(new RedirectNotFollowedException(details(301), "https://elsewhere"),
						FailureKind.REQUEST_REJECTED),
				Arguments.of(new BlockingCallException(P, C, "reactor-http-nio-1"), FailureKind.REQUEST_REJECTED),
				// this instance's own back-pressure: never falls back
				Arguments.of(new InFlightLimitException(P, C, 50, Duration.ofSeconds(2)), FailureKind.LOCAL_SATURATION),
				Arguments.of(new LimiterUnavailableException(P, C), FailureKind.LOCAL_SATURATION),
				Arguments.of(new LocalSaturationException(P, C, "pool full", null), FailureKind.LOCAL_SATURATION),
				// a bug
				Arguments.of(new IllegalStateException("bug"), FailureKind.OTHER),
				Arguments.of(new ChatClientException(P, C, "something else", null), FailureKind.OTHER));
	}

	@ParameterizedTest(name = "{0} is {1}")
	@MethodSource("errors")
	void eachErrorHasOneKind(Throwable error, FailureKind kind) {
		assertThat(FailureKind.of(error)).isEqualTo(kind);
	}

	@Test
	void theProviderFailingAndTheAccountsSideFallBack() {
		assertThat(Stream.of(FailureKind.values()).filter(FailureKind::fallsBack)).containsExactly(
				FailureKind.TRANSPORT, FailureKind.TIMEOUT, FailureKind.SERVER_ERROR, FailureKind.RATE_LIMITED,
				FailureKind.CREDENTIAL_REJECTED, FailureKind.QUOTA_EXHAUSTED, FailureKind.BUDGET_EXHAUSTED,
				FailureKind.UNAVAILABLE);
	}

	@Test
	void onlyTheProviderFailingCountsForTheBreaker() {
		assertThat(Stream.of(FailureKind.values()).filter(FailureKind::isProviderFailure))
			.containsExactly(FailureKind.TRANSPORT, FailureKind.TIMEOUT, FailureKind.SERVER_ERROR);
	}

	@Test
	void localRejectionsSayNothingWasSentAndWhenToTryAgain() {
		CallRejectedException rejected = new BudgetExhaustedException(P, C, "2026-12", Duration.ofDays(3));

		assertThat(rejected)
			.hasMessage("[linkai/assistant] Budget of period 2026-12 spent (budget.*); nothing was sent");
		assertThat(rejected.retryAfter()).isEqualTo(Duration.ofDays(3));
		assertThat(rejected.reason()).isEqualTo("budget");
		assertThat(FailureKind.SERVER_ERROR.tagValue()).isEqualTo("server-error");
	}

	private static ErrorDetails details(int status) {
		return new ErrorDetails(P, C, status, null, "failed", null);
	}

}
