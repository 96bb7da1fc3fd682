package io.github.linkai.spring.provider.linkai;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.error.AppNotFoundException;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.BadRequestException;
import io.github.linkai.spring.client.error.ChatClientException;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.error.ChatTransportException;
import io.github.linkai.spring.client.error.ClientErrorException;
import io.github.linkai.spring.client.error.ContentRejectedException;
import io.github.linkai.spring.client.error.NotFoundException;
import io.github.linkai.spring.client.error.PermissionDeniedException;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.QuotaExceededException;
import io.github.linkai.spring.client.error.RateLimitedException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.error.ServerErrorException;
import io.github.linkai.spring.client.error.ServiceUnavailableException;
import io.github.linkai.spring.client.error.StreamErrorEventException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.WireTestSupport.printed;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.API_KEY;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.CHAT_PATH;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.KEY_WITH_APP_CODE;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.chatClient;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * LinkAI chat completions ({@code 001}) failing: every documented status and a few
 * undocumented ones map to typed exceptions carrying the error body, bodies that are not
 * JSON, replies that cannot be decoded, network faults and timeouts, and the API key kept
 * out of every exception even when the provider echoes it.
 */
class LinkAiChatErrorTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ChatClient client = chatClient(wm);

	static Stream<Arguments> statuses() {
		return Stream.of(Arguments.of(400, BadRequestException.class), Arguments.of(401, AuthenticationException.class),
				Arguments.of(402, AppNotFoundException.class), Arguments.of(403, PermissionDeniedException.class),
				Arguments.of(404, NotFoundException.class), Arguments.of(406, QuotaExceededException.class),
				Arguments.of(409, ContentRejectedException.class), Arguments.of(418, ClientErrorException.class),
				Arguments.of(429, RateLimitedException.class), Arguments.of(500, ServerErrorException.class),
				Arguments.of(502, ServerErrorException.class), Arguments.of(503, ServiceUnavailableException.class));
	}

	@ParameterizedTest
	@MethodSource("statuses")
	void errorStatusMapsToItsTypedExceptionWithTheErrorBody(int status, Class<? extends ProviderApiException> type) {
		wm.stubFor(post(CHAT_PATH).willReturn(json(status, fixture("error.json"))));

		ProviderApiException error = catchThrowableOfType(type, () -> this.client.chat("你好"));

		assertDocumentedErrorBody(error, status, type);
	}

	@ParameterizedTest
	@MethodSource("statuses")
	void errorStatusOfAStreamRequestMapsToTheSameTypedException(int status,
			Class<? extends ProviderApiException> type) {
		wm.stubFor(post(CHAT_PATH).willReturn(json(status, fixture("error.json"))));

		ProviderApiException error = catchThrowableOfType(type, () -> this.client.stream("你好").blockLast());

		assertDocumentedErrorBody(error, status, type);
	}

	@Test
	void retryAfterSecondsOfA429AreKept() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(429, fixture("error.json")).withHeader("Retry-After", "7")));

		RateLimitedException error = catchThrowableOfType(RateLimitedException.class, () -> this.client.chat("你好"));

		assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void errorWithoutRetryAfterHasNone() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(429, fixture("error.json"))));

		RateLimitedException error = catchThrowableOfType(RateLimitedException.class, () -> this.client.chat("你好"));

		assertThat(error.retryAfter()).isNull();
	}

	@Test
	void errorBodyThatIsNotJsonBecomesTheErrorMessage() {
		wm.stubFor(post(CHAT_PATH).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>502 Bad Gateway</h1></body></html>\n")));

		ServerErrorException error = catchThrowableOfType(ServerErrorException.class, () -> this.client.chat("你好"));

		assertThat(error.statusCode()).isEqualTo(502);
		assertThat(error.errorType()).isNull();
		assertThat(error.errorMessage()).isEqualTo("<html><body><h1>502 Bad Gateway</h1></body></html>");
	}

	@Test
	void errorWithoutBodyHasOnlyItsStatus() {
		wm.stubFor(post(CHAT_PATH).willReturn(aResponse().withStatus(503)));

		ServiceUnavailableException error = catchThrowableOfType(ServiceUnavailableException.class,
				() -> this.client.chat("你好"));

		assertThat(error.statusCode()).isEqualTo(503);
		assertThat(error.errorType()).isNull();
		assertThat(error.errorMessage()).isNull();
		assertThat(error.getMessage()).contains("HTTP 503");
	}

	@Test
	void apiKeyEchoedInAnErrorBodyIsMasked() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(401,
				"{\"error\":{\"message\":\"Invalid API key: " + API_KEY + "\",\"type\":\"authentication_error\"}}")));

		AuthenticationException error = catchThrowableOfType(AuthenticationException.class,
				() -> this.client.chat("你好"));

		assertThat(error.errorType()).isEqualTo("authentication_error");
		assertThat(error.errorMessage()).isEqualTo("Invalid API key: ******");
		assertThat(printed(error)).doesNotContain(API_KEY);
	}

	@Test
	void apiKeyWithAppCodeEchoedInAnErrorBodyThatIsNotJsonIsMasked() {
		ChatClient client = chatClient(wm.baseUrl(), KEY_WITH_APP_CODE, new ReactorClientHttpConnector());
		wm.stubFor(post(CHAT_PATH).willReturn(aResponse().withStatus(401).withBody("bad key " + KEY_WITH_APP_CODE)));

		AuthenticationException error = catchThrowableOfType(AuthenticationException.class, () -> client.chat("你好"));

		assertThat(printed(error)).doesNotContain(API_KEY);
	}

	@Test
	void apiKeyEchoedInAStreamErrorEventIsMasked() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream("data: {\"error\":{\"message\":\"API key " + API_KEY
				+ " has no credit\",\"type\":\"insufficient_quota\"}}\n\n")));

		StreamErrorEventException error = catchThrowableOfType(StreamErrorEventException.class,
				() -> this.client.stream("你好").blockLast());

		assertThat(error.errorType()).isEqualTo("insufficient_quota");
		assertThat(error.errorMessage()).isEqualTo("API key ****** has no credit");
		assertThat(printed(error)).doesNotContain(API_KEY);
	}

	@Test
	void apiKeyInAMalformedStreamEventIsMasked() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream("data: {\"error\": " + API_KEY + "}\n\n")));

		ResponseDecodingException error = catchThrowableOfType(ResponseDecodingException.class,
				() -> this.client.stream("你好").blockLast());

		assertThat(printed(error)).doesNotContain(API_KEY);
	}

	@Test
	void apiKeyInAMalformedReplyIsMasked() {
		wm.stubFor(post(CHAT_PATH).willReturn(
				aResponse().withHeader("Content-Type", "application/json").withBody("{\"choices\": " + API_KEY + "}")));

		ResponseDecodingException error = catchThrowableOfType(ResponseDecodingException.class,
				() -> this.client.chat("你好"));

		assertThat(printed(error)).doesNotContain(API_KEY);
	}

	@Test
	void errorObjectInASuccessfulReplyIsAnErrorNotAnEmptyAnswer() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, fixture("error.json"))));

		ProviderApiException error = catchThrowableOfType(ProviderApiException.class, () -> this.client.chat("你好"));

		assertThat(error.statusCode()).isEqualTo(200);
		assertThat(error.errorType()).isEqualTo("invalid_request_error");
		assertThat(error.errorMessage()).isEqualTo("Invalid request: user message content is empty");
	}

	@Test
	void errorObjectInAJsonReplyToAStreamRequestIsAnErrorNotAnEmptyFinalChunk() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, fixture("error.json"))));

		ProviderApiException error = catchThrowableOfType(ProviderApiException.class,
				() -> this.client.stream("你好").blockLast());

		assertThat(error.errorType()).isEqualTo("invalid_request_error");
	}

	@Test
	void apiKeyEchoedInAnErrorObjectOfASuccessfulReplyIsMasked() {
		wm.stubFor(post(CHAT_PATH)
			.willReturn(json(200, "{\"error\":{\"message\":\"key " + API_KEY + " disabled\",\"type\":\"auth\"}}")));

		ProviderApiException error = catchThrowableOfType(ProviderApiException.class, () -> this.client.chat("你好"));

		assertThat(error.errorMessage()).isEqualTo("key ****** disabled");
		assertThat(printed(error)).doesNotContain(API_KEY);
	}

	@Test
	void htmlPageWithStatus200IsADecodingError() {
		wm.stubFor(post(CHAT_PATH).willReturn(
				aResponse().withHeader("Content-Type", "text/html;charset=utf-8").withBody("<html>维护中</html>")));

		ResponseDecodingException error = catchThrowableOfType(ResponseDecodingException.class,
				() -> this.client.chat("你好"));

		assertThat(error.getMessage()).contains("text/html");
	}

	@Test
	void emptyReplyWithStatus200IsADecodingError() {
		wm.stubFor(post(CHAT_PATH).willReturn(aResponse().withHeader("Content-Type", "application/json")));

		assertThatExceptionOfType(ResponseDecodingException.class).isThrownBy(() -> this.client.chat("你好"))
			.withMessageContaining("Empty response body");
	}

	@Test
	void refusedConnectionIsATransportError() throws IOException {
		ChatClient client = chatClient("http://127.0.0.1:" + unusedPort(), API_KEY, new ReactorClientHttpConnector());

		ChatTransportException error = catchThrowableOfType(ChatTransportException.class, () -> client.chat("你好"));

		assertThat(error).isNotInstanceOf(ChatTimeoutException.class);
		assertThat(printed(error)).doesNotContain(API_KEY);
	}

	@Test
	void connectionResetIsATransportError() {
		wm.stubFor(post(CHAT_PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(ChatTransportException.class).isThrownBy(() -> this.client.chat("你好"));
	}

	@Test
	void connectionClosedMidStreamIsATransportError() {
		wm.stubFor(post(CHAT_PATH).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

		assertThatExceptionOfType(ChatTransportException.class).isThrownBy(() -> this.client.stream("你好").blockLast());
	}

	@Test
	void replyStallingBeyondTheResponseTimeoutIsATimeout() {
		ChatClient client = chatClient(wm.baseUrl(), API_KEY, shortResponseTimeout());
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, fixture("chat-response.json")).withFixedDelay(2000)));

		ChatTimeoutException error = catchThrowableOfType(ChatTimeoutException.class, () -> client.chat("你好"));

		assertThat(printed(error)).doesNotContain(API_KEY);
	}

	@Test
	void streamStallingBeyondTheResponseTimeoutIsATimeout() {
		ChatClient client = chatClient(wm.baseUrl(), API_KEY, shortResponseTimeout());
		wm.stubFor(
				post(CHAT_PATH).willReturn(eventStream(fixture("chat-stream.txt")).withChunkedDribbleDelay(2, 2000)));

		assertThatExceptionOfType(ChatTimeoutException.class).isThrownBy(() -> client.stream("你好").blockLast());
	}

	private static void assertDocumentedErrorBody(ProviderApiException error, int status,
			Class<? extends ProviderApiException> type) {
		assertThat(error).isExactlyInstanceOf(type);
		assertThat(error.statusCode()).isEqualTo(status);
		assertThat(error.errorType()).isEqualTo("invalid_request_error");
		assertThat(error.errorMessage()).isEqualTo("Invalid request: user message content is empty");
		assertThat(error.provider()).isEqualTo("linkai");
		assertThat(error.clientName()).isEqualTo("test");
		assertThat(error.getMessage()).startsWith("[linkai/test] HTTP " + status)
			.contains("invalid_request_error", "Invalid request: user message content is empty");
		assertThat(error).isInstanceOf(ChatClientException.class);
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	private static ResponseDefinitionBuilder eventStream(String body) {
		return aResponse().withHeader("Content-Type", "text/event-stream").withBody(body);
	}

	private static ReactorClientHttpConnector shortResponseTimeout() {
		return new ReactorClientHttpConnector(HttpClient.create().responseTimeout(Duration.ofMillis(300)));
	}

	private static int unusedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
