package io.github.linkai.spring.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.MisbehavingServer;
import io.github.linkai.spring.client.ChatClientRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host application's endpoints failing, on a real Spring MVC and a real WebFlux server
 * with the provider on WireMock, so the starter's own exceptions reach the host's
 * controller: every row of the status table ({@link ChatClientExceptionHandler},
 * {@link ChatProblemDetails}) with its status, {@code Retry-After} and members;
 * server-sent event streams ({@link ChatServerSentEvents}) that complete, fail mid-way or
 * fail before the first chunk; and neither the key nor the question in any answer even
 * when the provider echoes both.
 */
class WebErrorHandlingTests {

	private static final String KEY = "Link_tOCJYmHxxm55eA1xs";

	/** A question no answer to the host's caller may quote. */
	private static final String QUESTION = "我的银行卡密码是 314159";

	private static final String CHAT = "/v1/chat/completions";

	private static final String TYPE = "tag:linkai.github.io,2026:chat-problem:";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private static final Map<WebStack, ConfigurableApplicationContext> applications = new EnumMap<>(WebStack.class);

	/**
	 * The provider of the {@code busy} client: reads each request and never answers, so
	 * one call holds that client's only connection.
	 */
	private static final MisbehavingServer silent = MisbehavingServer.start((exchange) -> {
		exchange.readRequest();
		exchange.hold();
	});

	@BeforeAll
	static void startApplications() throws InterruptedException {
		for (WebStack stack : WebStack.values()) {
			applications.put(stack,
					stack.start("linkai.api-key=" + KEY, "linkai.base-url=" + wireMock.baseUrl(),
							"linkai.retry.max-retries=0",
							"linkai.clients.down.base-url=http://127.0.0.1:" + WebStack.closedPort(),
							"linkai.clients.slow.deadline=300ms", "linkai.clients.busy.base-url=" + silent.baseUrl(),
							"linkai.clients.busy.pool.max-connections=1",
							"linkai.clients.busy.pool.pending-acquire-timeout=200ms"));
			applications.get(stack).getBean(ChatClientRegistry.class).get("busy").stream("holds it").subscribe();
		}
		for (int i = 0; i < 200 && silent.requests() < applications.size(); i++) {
			Thread.sleep(50);
		}
		assertThat(silent.requests()).as("the busy clients' held calls").isEqualTo(applications.size());
	}

	@AfterAll
	static void stopApplications() {
		applications.values().forEach(ConfigurableApplicationContext::close);
		applications.clear();
		silent.close();
	}

	@BeforeEach
	void resetProvider() {
		wireMock.resetAll();
	}

	static Stream<Arguments> rows() {
		List<Row> rows = List.of(
				new Row("our validation", "default", "5", null, 400, "invalid-request", Map.of("field", "temperature")),
				new Row("provider 400", "default", null, error(400), 400, "request-rejected",
						Map.of("providerStatus", 400, "providerErrorCode", "invalid_request_error")),
				new Row("moderation 409", "default", null, error(409), 422, "content-rejected",
						Map.of("providerStatus", 409)),
				new Row("throttled 429", "default", null, error(429).withHeader("Retry-After", "7"), 429,
						"rate-limited", Map.of("providerStatus", 429, "retryAfter", 7)),
				new Row("key rejected 401", "default", null, error(401), 502, "credential-rejected",
						Map.of("providerStatus", 401)),
				new Row("no access to the app 403", "default", null, error(403), 502, "credential-rejected",
						Map.of("providerStatus", 403)),
				new Row("plan without API access 408", "default", null, error(408), 502, "credential-rejected",
						Map.of("providerStatus", 408)),
				new Row("credit used up 406", "default", null, error(406), 502, "quota-exhausted",
						Map.of("providerStatus", 406)),
				new Row("app not found 402", "default", null, error(402), 502, "provider-refused",
						Map.of("providerStatus", 402)),
				new Row("not found 404", "default", null, error(404), 502, "provider-refused",
						Map.of("providerStatus", 404)),
				new Row("other 4xx", "default", null, error(418), 502, "provider-refused",
						Map.of("providerStatus", 418)),
				new Row("redirect", "default", null,
						aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example/v1"), 502,
						"provider-refused", Map.of("providerStatus", 302)),
				new Row("unavailable 503", "default", null, error(503).withHeader("Retry-After", "3"), 503,
						"provider-unavailable", Map.of("providerStatus", 503, "retryAfter", 3)),
				new Row("connection refused", "down", null, null, 503, "provider-unavailable", Map.of()),
				new Row("no free connection", "busy", null, null, 503, "application-busy", Map.of("retryAfter", 1)),
				new Row("deadline", "slow", null, okJson("{}").withFixedDelay(3000), 504, "provider-timeout", Map.of()),
				new Row("server error 500", "default", null, error(500), 502, "provider-error",
						Map.of("providerStatus", 500)),
				new Row("bad gateway 502", "default", null, error(502), 502, "provider-error",
						Map.of("providerStatus", 502)),
				new Row("malformed reply", "default", null,
						aResponse().withStatus(200)
							.withHeader("Content-Type", "application/json")
							.withBody("{\"choices\":"),
						502, "bad-response", Map.of()));
		List<Arguments> arguments = new ArrayList<>();
		for (WebStack stack : WebStack.values()) {
			rows.forEach((row) -> arguments.add(Arguments.of(stack, row)));
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("rows")
	void failedCallIsAnsweredWithTheProblemDetailOfItsRow(WebStack stack, Row row) {
		if (row.provider() != null) {
			wireMock.stubFor(post(CHAT).willReturn(row.provider()));
		}

		EntityExchangeResult<byte[]> result = get(stack, "/chat", row.client(), row.temperature());

		assertThat(result.getStatus().value()).isEqualTo(row.status());
		assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json(result);
		assertThat(problem.get("type").asString()).isEqualTo(TYPE + row.type());
		assertThat(problem.get("title").asString())
			.isEqualTo(ChatProblemType.valueOf(row.type().toUpperCase(Locale.ROOT).replace('-', '_')).title());
		assertThat(problem.get("status").asInt()).isEqualTo(row.status());
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("instance").asString()).isEqualTo("/chat");
		assertThat(problem.get("provider").asString()).isEqualTo("linkai");
		assertThat(problem.get("client").asString()).isEqualTo(row.client());
		row.extensions()
			.forEach((name, value) -> assertThat(problem.get(name).asString()).as(name)
				.isEqualTo(String.valueOf(value)));
		Object retryAfter = row.extensions().get("retryAfter");
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
			.isEqualTo((retryAfter != null) ? String.valueOf(retryAfter) : null);
		assertNoSecret(result);
		if (row.type().equals("invalid-request")) {
			assertThat(problem.get("detail").asString())
				.isEqualTo("The request's temperature must be in [0, 1] but was 5.0.");
			wireMock.verify(0, anyRequestedFor(anyUrl()));
		}
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void blockingChatFailsAtOnceOnAnEventLoopAndWorksOnAServletThread(WebStack stack) {
		wireMock.stubFor(post(CHAT).willReturn(
				okJson("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\"," + "\"content\":\"你好\"}}]}")));

		EntityExchangeResult<byte[]> result = get(stack, "/chat/blocking", "default", null);

		if (stack == WebStack.REACTIVE) {
			assertThat(result.getStatus().value()).isEqualTo(500);
			JsonNode problem = json(result);
			assertThat(problem.get("type").asString()).isEqualTo(TYPE + "internal-error");
			assertThat(problem.get("detail").asString()).isEqualTo("The chat call failed inside this application.");
			wireMock.verify(0, anyRequestedFor(anyUrl()));
		}
		else {
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(json(result).get("content").asString()).isEqualTo("你好");
		}
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void streamIsOneEventPerChunkThenDone(WebStack stack) throws IOException {
		wireMock.stubFor(post(CHAT).willReturn(eventStream("memory-stream.txt")));

		List<ServerSentEvent<String>> events = stream(stack);

		assertThat(events).hasSize(6);
		List<ServerSentEvent<String>> data = events.subList(0, 5);
		assertThat(data).allSatisfy((event) -> assertThat(event.event()).isNull());
		assertThat(data.subList(0, 4).stream().map((event) -> json(event).get("delta").asString()))
			.containsExactly("你好!", "我能", "为你", "做些什么?");
		assertThat(json(data.get(0)).propertyNames()).containsExactly("delta", "sessionId", "provider", "client");
		assertThat(data.stream().map((event) -> json(event).get("provider").asString())).containsOnly("linkai");
		assertThat(data.stream().map((event) -> json(event).get("client").asString())).containsOnly("default");
		JsonNode last = json(data.get(4));
		assertThat(last.has("delta")).as("the finish chunk's event has no empty delta").isFalse();
		assertThat(last.get("finishReason").asString()).isEqualTo("stop");
		assertThat(last.get("sessionId").asString()).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
		assertThat(last.get("usage").get("inputTokens").asInt()).isEqualTo(9);
		assertThat(last.get("usage").get("outputTokens").asInt()).isEqualTo(6);
		assertThat(last.get("usage").get("totalTokens").asInt()).isEqualTo(15);
		assertThat(events.get(5).event()).isEqualTo("done");
		assertThat(events.get(5).data()).isEqualTo("{}");
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void streamCutShortEndsInAnErrorEventInsteadOfACutConnection(WebStack stack) throws IOException {
		wireMock.stubFor(post(CHAT).willReturn(eventStream("chat-stream-truncated.txt")));

		List<ServerSentEvent<String>> events = stream(stack);

		assertThat(events).hasSize(4);
		assertThat(events.subList(0, 3)).allSatisfy((event) -> assertThat(event.event()).isNull());
		ServerSentEvent<String> error = events.get(3);
		assertThat(error.event()).isEqualTo("error");
		JsonNode problem = json(error);
		assertThat(problem.get("type").asString()).isEqualTo(TYPE + "stream-truncated");
		assertThat(problem.get("status").asInt()).isEqualTo(502);
		assertThat(problem.get("chunksReceived").asInt()).isEqualTo(3);
		assertThat(problem.get("client").asString()).isEqualTo("default");
		assertThat(events.subList(0, 3)).as("the chunks' events name the provider and client as the problem does")
			.allSatisfy((event) -> {
				assertThat(json(event).get("provider").asString()).isEqualTo(problem.get("provider").asString());
				assertThat(json(event).get("client").asString()).isEqualTo("default");
			});
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void errorObjectInTheStreamEndsInAnErrorEventWithTheProviderCodeButNotItsMessage(WebStack stack)
			throws IOException {
		wireMock.stubFor(post(CHAT).willReturn(eventStream("chat-stream-error-event.txt")));

		List<ServerSentEvent<String>> events = stream(stack);

		assertThat(events).hasSize(2);
		assertThat(json(events.get(0)).get("delta").asString()).isEqualTo("你好!");
		assertThat(events.get(1).event()).isEqualTo("error");
		JsonNode problem = json(events.get(1));
		assertThat(problem.get("type").asString()).isEqualTo(TYPE + "provider-error");
		assertThat(problem.get("providerErrorCode").asString()).isEqualTo("content_filter_error");
		assertThat(events.get(1).data()).doesNotContain("内容审核不通过");
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void failureBeforeTheFirstChunkIsAnErrorEventOfAnOkStream(WebStack stack) {
		wireMock.stubFor(post(CHAT).willReturn(error(429).withHeader("Retry-After", "7")));

		FluxExchangeResult<ServerSentEvent<String>> result = streamResult(stack, null);
		List<ServerSentEvent<String>> events = events(result);

		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(events).hasSize(1);
		assertThat(events.get(0).event()).isEqualTo("error");
		JsonNode problem = json(events.get(0));
		assertThat(problem.get("type").asString()).isEqualTo(TYPE + "rate-limited");
		assertThat(problem.get("status").asInt()).isEqualTo(429);
		assertThat(problem.get("retryAfter").asInt()).isEqualTo(7);
		assertThat(events.get(0).data()).doesNotContain(KEY).doesNotContain(QUESTION);
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void invalidStreamRequestIsAnErrorEventWithNothingSent(WebStack stack) {
		List<ServerSentEvent<String>> events = events(streamResult(stack, "5"));

		assertThat(events).hasSize(1);
		assertThat(json(events.get(0)).get("type").asString()).isEqualTo(TYPE + "invalid-request");
		assertThat(json(events.get(0)).get("field").asString()).isEqualTo("temperature");
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	private static List<ServerSentEvent<String>> stream(WebStack stack) {
		FluxExchangeResult<ServerSentEvent<String>> result = streamResult(stack, null);
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseHeaders().getContentType()).isNotNull()
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM)).isTrue());
		return events(result);
	}

	private static FluxExchangeResult<ServerSentEvent<String>> streamResult(WebStack stack,
			@Nullable String temperature) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/chat/stream").queryParam("q", QUESTION);
		if (temperature != null) {
			uri.queryParam("temperature", temperature);
		}
		return WebStack.client(applications.get(stack))
			.get()
			.uri(uri.encode().build().toUriString())
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			});
	}

	private static List<ServerSentEvent<String>> events(FluxExchangeResult<ServerSentEvent<String>> result) {
		List<ServerSentEvent<String>> events = result.getResponseBody().collectList().block(Duration.ofSeconds(10));
		assertThat(events).isNotNull();
		return events;
	}

	private static JsonNode json(ServerSentEvent<String> event) {
		assertThat(event.data()).isNotNull();
		return JsonMapper.builder().build().readTree(event.data());
	}

	/** A LinkAI event stream transcript from the provider tests' fixtures. */
	private static ResponseDefinitionBuilder eventStream(String fixture) throws IOException {
		try (InputStream in = WebErrorHandlingTests.class
			.getResourceAsStream("/io/github/linkai/spring/provider/linkai/" + fixture)) {
			assertThat(in).as(fixture).isNotNull();
			return aResponse().withStatus(200)
				.withHeader("Content-Type", "text/event-stream")
				.withBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	private static EntityExchangeResult<byte[]> get(WebStack stack, String path, String client,
			@Nullable String temperature) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path)
			.queryParam("q", QUESTION)
			.queryParam("client", client);
		if (temperature != null) {
			uri.queryParam("temperature", temperature);
		}
		return WebStack.client(applications.get(stack))
			.get()
			.uri(uri.encode().build().toUriString())
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectBody()
			.returnResult();
	}

	private static JsonNode json(EntityExchangeResult<byte[]> result) {
		return JsonMapper.builder().build().readTree(result.getResponseBodyContent());
	}

	private static void assertNoSecret(EntityExchangeResult<byte[]> result) {
		String everything = result.getResponseHeaders() + "\n"
				+ new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
		assertThat(everything).doesNotContain(KEY)
			.doesNotContain("tOCJYmHxxm55eA1xs")
			.doesNotContain(QUESTION)
			.doesNotContain("314159");
	}

	/**
	 * An error answer whose message echoes the key and the question, as a careless
	 * provider might.
	 */
	private static ResponseDefinitionBuilder error(int status) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"key " + KEY + " may not ask " + QUESTION
					+ "\",\"type\":\"invalid_request_error\"}}");
	}

	/**
	 * One row: what the provider answers, and what the host's caller gets.
	 */
	record Row(String name, String client, @Nullable String temperature, @Nullable ResponseDefinitionBuilder provider,
			int status, String type, Map<String, Object> extensions) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
