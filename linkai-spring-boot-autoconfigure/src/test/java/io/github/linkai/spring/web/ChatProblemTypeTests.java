package io.github.linkai.spring.web;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.linkai.spring.client.error.ApiAccessDeniedException;
import io.github.linkai.spring.client.error.AppNotFoundException;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.BadRequestException;
import io.github.linkai.spring.client.error.BlockingCallException;
import io.github.linkai.spring.client.error.BudgetExhaustedException;
import io.github.linkai.spring.client.error.CallRejectedException;
import io.github.linkai.spring.client.error.ChatClientException;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.error.ChatTransportException;
import io.github.linkai.spring.client.error.CircuitOpenException;
import io.github.linkai.spring.client.error.ClientErrorException;
import io.github.linkai.spring.client.error.ContentRejectedException;
import io.github.linkai.spring.client.error.ErrorDetails;
import io.github.linkai.spring.client.error.InFlightLimitException;
import io.github.linkai.spring.client.error.LimiterUnavailableException;
import io.github.linkai.spring.client.error.LocalSaturationException;
import io.github.linkai.spring.client.error.NoUsableKeyException;
import io.github.linkai.spring.client.error.NotFoundException;
import io.github.linkai.spring.client.error.PermissionDeniedException;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.QuotaExceededException;
import io.github.linkai.spring.client.error.RateLimitedException;
import io.github.linkai.spring.client.error.RedirectNotFollowedException;
import io.github.linkai.spring.client.error.RequestRateLimitException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.error.ServerErrorException;
import io.github.linkai.spring.client.error.ServiceUnavailableException;
import io.github.linkai.spring.client.error.StreamErrorEventException;
import io.github.linkai.spring.client.error.StreamException;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import io.github.linkai.spring.client.error.TokenRateLimitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static io.github.linkai.spring.web.ChatProblemType.APPLICATION_BUSY;
import static io.github.linkai.spring.web.ChatProblemType.BAD_RESPONSE;
import static io.github.linkai.spring.web.ChatProblemType.CONTENT_REJECTED;
import static io.github.linkai.spring.web.ChatProblemType.CREDENTIAL_REJECTED;
import static io.github.linkai.spring.web.ChatProblemType.INTERNAL_ERROR;
import static io.github.linkai.spring.web.ChatProblemType.INVALID_REQUEST;
import static io.github.linkai.spring.web.ChatProblemType.PROVIDER_ERROR;
import static io.github.linkai.spring.web.ChatProblemType.PROVIDER_REFUSED;
import static io.github.linkai.spring.web.ChatProblemType.PROVIDER_TIMEOUT;
import static io.github.linkai.spring.web.ChatProblemType.PROVIDER_UNAVAILABLE;
import static io.github.linkai.spring.web.ChatProblemType.QUOTA_EXHAUSTED;
import static io.github.linkai.spring.web.ChatProblemType.RATE_LIMITED;
import static io.github.linkai.spring.web.ChatProblemType.REQUEST_REJECTED;
import static io.github.linkai.spring.web.ChatProblemType.STREAM_TRUNCATED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status table decided for every exception type in {@code client/error}: a new
 * exception type fails this test until it has a row. Also what does not come over HTTP in
 * the web tests: base types, a foreign error, {@code Retry-After} rounding and where it
 * is never given.
 */
class ChatProblemTypeTests {

	private static final ErrorDetails DETAILS = new ErrorDetails("linkai", "default", 400, "code", "message", null);

	private static Map<Class<?>, ChatProblemType> table() {
		Map<Class<?>, ChatProblemType> table = new LinkedHashMap<>();
		table.put(ChatRequestValidationException.class, INVALID_REQUEST);
		table.put(BadRequestException.class, REQUEST_REJECTED);
		table.put(ContentRejectedException.class, CONTENT_REJECTED);
		table.put(RateLimitedException.class, RATE_LIMITED);
		table.put(AuthenticationException.class, CREDENTIAL_REJECTED);
		table.put(PermissionDeniedException.class, CREDENTIAL_REJECTED);
		table.put(ApiAccessDeniedException.class, CREDENTIAL_REJECTED);
		table.put(QuotaExceededException.class, QUOTA_EXHAUSTED);
		table.put(AppNotFoundException.class, PROVIDER_REFUSED);
		table.put(NotFoundException.class, PROVIDER_REFUSED);
		table.put(ClientErrorException.class, PROVIDER_REFUSED);
		table.put(RedirectNotFollowedException.class, PROVIDER_REFUSED);
		table.put(ServiceUnavailableException.class, PROVIDER_UNAVAILABLE);
		table.put(ChatTransportException.class, PROVIDER_UNAVAILABLE);
		table.put(ChatTimeoutException.class, PROVIDER_TIMEOUT);
		table.put(CallRejectedException.class, APPLICATION_BUSY);
		table.put(LocalSaturationException.class, APPLICATION_BUSY);
		table.put(InFlightLimitException.class, APPLICATION_BUSY);
		table.put(RequestRateLimitException.class, APPLICATION_BUSY);
		table.put(TokenRateLimitException.class, APPLICATION_BUSY);
		table.put(BudgetExhaustedException.class, APPLICATION_BUSY);
		table.put(CircuitOpenException.class, APPLICATION_BUSY);
		table.put(NoUsableKeyException.class, APPLICATION_BUSY);
		table.put(LimiterUnavailableException.class, APPLICATION_BUSY);
		table.put(ServerErrorException.class, PROVIDER_ERROR);
		table.put(StreamErrorEventException.class, PROVIDER_ERROR);
		table.put(StreamException.class, PROVIDER_ERROR);
		table.put(StreamTruncatedException.class, STREAM_TRUNCATED);
		table.put(ResponseDecodingException.class, BAD_RESPONSE);
		table.put(ProviderApiException.class, BAD_RESPONSE);
		table.put(BlockingCallException.class, INTERNAL_ERROR);
		table.put(ChatClientException.class, INTERNAL_ERROR);
		return table;
	}

	private static List<ChatClientException> oneOfEach() {
		List<ChatClientException> each = new ArrayList<>(List.of(
				new ChatRequestValidationException("linkai", "default", "temperature", "must be in [0, 1] but was 5"),
				new BadRequestException(DETAILS, "bad request"), new ContentRejectedException(DETAILS, "rejected"),
				new RateLimitedException(DETAILS, "rate limited"), new AuthenticationException(DETAILS, "auth"),
				new PermissionDeniedException(DETAILS, "denied"), new ApiAccessDeniedException(DETAILS, "no access"),
				new QuotaExceededException(DETAILS, "quota"), new AppNotFoundException(DETAILS, "no app"),
				new NotFoundException(DETAILS, "not found"), new ClientErrorException(DETAILS, "client error"),
				new RedirectNotFollowedException(DETAILS, "https://elsewhere.example"),
				new ServiceUnavailableException(DETAILS, "unavailable"),
				new ChatTransportException("linkai", "default", "refused", new ConnectException()),
				new ChatTimeoutException("linkai", "default", "timed out", null)));
		each.add(
				new CallRejectedException("linkai", "default", "budget", "over budget", Duration.ofMillis(2500), null));
		each.addAll(rejections());
		each.addAll(List.of(new ServerErrorException(DETAILS, "server error"),
				new StreamErrorEventException("linkai", "default", "content_filter_error", "内容审核不通过"),
				new StreamException("linkai", "default", "failed", null),
				new StreamTruncatedException("linkai", "default", 3, null),
				new ResponseDecodingException("linkai", "default", "malformed", null),
				new ProviderApiException(DETAILS, "unexpected status"),
				new BlockingCallException("linkai", "default", "reactor-http-epoll-1"),
				new ChatClientException("linkai", "default", "failed", null)));
		return each;
	}

	/** One of each local rejection, in the table's order. */
	private static List<CallRejectedException> rejections() {
		return List.of(new LocalSaturationException("linkai", "default", "pool full", null),
				new InFlightLimitException("linkai", "default", 4, Duration.ofSeconds(1)),
				new RequestRateLimitException("linkai", "default", 60, Duration.ofMinutes(1), Duration.ofMillis(1500)),
				new TokenRateLimitException("linkai", "default", 1000, Duration.ofMinutes(1), Duration.ofSeconds(7)),
				new BudgetExhaustedException("linkai", "default", "2026-12", Duration.ofHours(1)),
				new CircuitOpenException("linkai", "default", Duration.ofSeconds(30)),
				new NoUsableKeyException("linkai", "default", 2, Duration.ofSeconds(10)),
				new LimiterUnavailableException("linkai", "default"));
	}

	@Test
	void aLocalRejectionsProblemSaysWhyAndNamesItsReason() {
		for (CallRejectedException rejection : rejections()) {
			ProblemDetail problem = ChatProblemDetails.forError(rejection);
			assertThat(problem.getProperties()).as(rejection.reason()).containsEntry("reason", rejection.reason());
			String detail = problem.getDetail();
			assertThat(detail).as(rejection.reason()).isNotNull();
			switch (rejection.reason()) {
				case "circuit-open" -> assertThat(detail).contains("kept failing").contains("circuit breaker is open");
				case "budget" -> assertThat(detail).contains("budget").contains("spent");
				case "request-rate", "token-rate" -> assertThat(detail).contains("own rate limit");
				case "no-usable-key" -> assertThat(detail).contains("Every key");
				case "store-unavailable" -> assertThat(detail).contains("fail closed");
				default -> assertThat(detail).contains("too busy").contains("not at fault");
			}
		}
	}

	@Test
	void everyExceptionTypeInClientErrorHasItsRow() throws IOException {
		Path errors = Path.of("src/main/java/io/github/linkai/spring/client/error");
		try (Stream<Path> files = Files.list(errors)) {
			List<String> exceptionTypes = files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith("Exception.java"))
				.map((name) -> name.substring(0, name.length() - ".java".length()))
				.toList();
			assertThat(table().keySet().stream().map(Class::getSimpleName))
				.containsExactlyInAnyOrderElementsOf(exceptionTypes);
		}
		List<ChatClientException> errorsOfEachType = oneOfEach();
		assertThat(errorsOfEachType.stream().map(Object::getClass)).containsExactlyElementsOf(table().keySet());
		for (ChatClientException error : errorsOfEachType) {
			assertThat(ChatProblemType.of(error)).as(error.getClass().getSimpleName())
				.isEqualTo(table().get(error.getClass()));
		}
	}

	@Test
	void statusesAreTheDocumentedOnes() {
		assertThat(INVALID_REQUEST.status().value()).isEqualTo(400);
		assertThat(REQUEST_REJECTED.status().value()).isEqualTo(400);
		assertThat(CONTENT_REJECTED.status().value()).isEqualTo(422);
		assertThat(RATE_LIMITED.status().value()).isEqualTo(429);
		assertThat(PROVIDER_UNAVAILABLE.status().value()).isEqualTo(503);
		assertThat(APPLICATION_BUSY.status().value()).isEqualTo(503);
		assertThat(PROVIDER_TIMEOUT.status().value()).isEqualTo(504);
		assertThat(INTERNAL_ERROR.status().value()).isEqualTo(500);
		assertThat(List.of(CREDENTIAL_REJECTED, QUOTA_EXHAUSTED, PROVIDER_REFUSED, PROVIDER_ERROR, STREAM_TRUNCATED,
				BAD_RESPONSE))
			.allSatisfy((type) -> assertThat(type.status().value()).isEqualTo(502));
		assertThat(RATE_LIMITED.type()).hasToString("tag:linkai.github.io,2026:chat-problem:rate-limited");
	}

	@Test
	void errorThatIsNotAChatClientsIsAnInternalErrorWithNothingOfItsMessage() {
		ProblemDetail problem = ChatProblemDetails.forError(new IllegalStateException("问题: 我的银行卡密码"));

		assertThat(problem.getStatus()).isEqualTo(500);
		assertThat(problem.getType()).isEqualTo(INTERNAL_ERROR.type());
		assertThat(problem.getDetail()).isEqualTo("The chat call failed inside this application.");
		assertThat(problem.getProperties()).isNull();
	}

	@Test
	void noDetailOrMemberQuotesTheExceptionOrTheProvidersMessage() {
		for (ChatClientException error : oneOfEach()) {
			ProblemDetail problem = ChatProblemDetails.forError(error);
			assertThat(problem.getDetail()).as(error.getClass().getSimpleName())
				.doesNotContain("message")
				.doesNotContain("内容审核不通过")
				.doesNotContain("[linkai/default]");
			assertThat(String.valueOf(problem.getProperties())).doesNotContain("message").doesNotContain("内容审核不通过");
		}
	}

	@Test
	void retryAfterIsRoundedUpToWholeSecondsAndGivenOnlyWhereRetryingHelps() {
		ErrorDetails wait = new ErrorDetails("linkai", "default", 429, null, null, Duration.ofMillis(6200));

		ResponseEntity<ProblemDetail> throttled = ChatProblemDetails
			.toResponseEntity(new RateLimitedException(wait, "rate limited"));
		ResponseEntity<ProblemDetail> unavailable = ChatProblemDetails
			.toResponseEntity(new ServiceUnavailableException(wait, "unavailable"));
		ResponseEntity<ProblemDetail> failed = ChatProblemDetails
			.toResponseEntity(new ServerErrorException(wait, "server error"));

		assertThat(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
		assertThat(throttled.getBody()).isNotNull();
		assertThat(throttled.getBody().getProperties()).containsEntry("retryAfter", 7L);
		assertThat(throttled.getBody().getDetail()).endsWith("try again in 7 s.");
		assertThat(unavailable.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
		assertThat(failed.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
		assertThat(ChatProblemDetails.forError(new RateLimitedException(DETAILS, "rate limited")).getDetail())
			.endsWith("try again later.");
	}

	@Test
	void aCallThisApplicationRefusedItselfIsBusyNotTheProviderWithAShortRetryAfter() {
		ResponseEntity<ProblemDetail> saturated = ChatProblemDetails
			.toResponseEntity(new LocalSaturationException("linkai", "default", "pool full", null));
		ResponseEntity<ProblemDetail> overBudget = ChatProblemDetails.toResponseEntity(
				new CallRejectedException("linkai", "default", "budget", "over budget", Duration.ofMillis(2500), null));

		assertThat(saturated.getStatusCode().value()).isEqualTo(503);
		assertThat(saturated.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(saturated.getBody()).isNotNull();
		assertThat(saturated.getBody().getType()).isEqualTo(APPLICATION_BUSY.type());
		assertThat(saturated.getBody().getDetail()).contains("This application is too busy")
			.contains("the provider was not asked")
			.endsWith("try again in 1 s.");
		assertThat(overBudget.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyRejection")
	void everyCallThisApplicationRefusedIsBusyWithItsOwnRetryAfterAndSaysNothingWasSent(CallRejectedException error,
			String retryAfter) {
		ResponseEntity<ProblemDetail> answer = ChatProblemDetails.toResponseEntity(error);

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getBody()).isNotNull();
		assertThat(answer.getBody().getType()).isEqualTo(APPLICATION_BUSY.type());
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(retryAfter);
		assertThat(error.getMessage()).endsWith("; nothing was sent");
		assertThat(error.reason()).isNotBlank();
	}

	static Stream<Arguments> everyRejection() {
		List<String> retryAfters = List.of("1", "1", "2", "7", "3600", "30", "10", "1");
		List<CallRejectedException> rejections = rejections();
		return IntStream.range(0, rejections.size())
			.mapToObj((i) -> Arguments.of(rejections.get(i), retryAfters.get(i)));
	}

}
