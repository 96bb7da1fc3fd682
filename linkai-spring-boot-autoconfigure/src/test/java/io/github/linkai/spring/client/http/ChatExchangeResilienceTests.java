package io.github.linkai.spring.client.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.BadRequestException;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.error.ChatTransportException;
import io.github.linkai.spring.client.error.ClientErrorException;
import io.github.linkai.spring.client.error.ContentRejectedException;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.RateLimitedException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.error.ServerErrorException;
import io.github.linkai.spring.client.error.ServiceUnavailableException;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.observation.ChatCallObserver;
import io.github.linkai.spring.observation.ChatMeterObservationHandler;
import io.github.linkai.spring.observation.DefaultChatObservationConvention;
import io.github.linkai.spring.provider.linkai.LinkAi;
import io.github.linkai.spring.provider.linkai.LinkAiOptions;
import io.github.linkai.spring.provider.linkai.LinkAiSettings;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Retries, deadlines and limits on the one exchange path. Backoffs are checked without
 * waiting: the scheduler records each short wait and runs it at once.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatExchangeResilienceTests {

	private static final String KEY = "Link_tOCJYmHxxm55eA1xs";

	private static final String PATH = "/v1/chat/completions";

	private static final String MEMORY_PATH = "/v1/chat/memory/completions";

	private static final String REPLY = """
			{"choices":[{"index":0,"message":{"role":"assistant","content":"好"},"finish_reason":"stop"}]}""";

	private static final String STREAM = """
			data: {"choices":[{"index":0,"delta":{"content":"你"},"finish_reason":null}]}

			data: {"choices":[{"index":0,"delta":{"content":"好"},"finish_reason":"stop"}]}

			data: [DONE]

			""";

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final RecordingScheduler scheduler = new RecordingScheduler();

	@Test
	void a503ThatPassesASecondLaterIsRetriedWithBackoff() {
		failThenSucceed(aResponse().withStatus(503), okJson(REPLY));

		assertThat(client(new RetryPolicy()).chat("你好")).isEqualTo("好");

		wm.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
		assertThat(this.scheduler.waits).singleElement()
			.satisfies((wait) -> assertThat(wait).isBetween(Duration.ofMillis(375), Duration.ofMillis(625)));
	}

	@Test
	void aRetryAfterIsWaitedForInsteadOfTheBackoff() {
		failThenSucceed(aResponse().withStatus(429).withHeader("Retry-After", "1"), okJson(REPLY));

		assertThat(client(new RetryPolicy()).chat("你好")).isEqualTo("好");

		assertThat(this.scheduler.waits).containsExactly(Duration.ofSeconds(1));
	}

	@Test
	void aRetryAfterMsIsWaitedFor() {
		failThenSucceed(aResponse().withStatus(429).withHeader("Retry-After-Ms", "250").withHeader("Retry-After", "9"),
				okJson(REPLY));

		client(new RetryPolicy()).chat("你好");

		assertThat(this.scheduler.waits).containsExactly(Duration.ofMillis(250));
	}

	@Test
	void aServerAskingForLongerThanTheCapIsNotWaitedForAndTheCallerLearnsHowLong() {
		wm.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

		assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> client(new RetryPolicy()).chat("你好"))
			.satisfies((error) -> assertThat(error.retryAfter()).isEqualTo(Duration.ofHours(1)));

		wm.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
		assertThat(this.scheduler.waits).isEmpty();
	}

	@Test
	void aRetryAfterLongerThanTheTimeLeftBeforeTheDeadlineFailsAtOnceWithTheRateLimit() {
		// 50 s is under max-retry-after (60 s) but over the 45 s deadline: waiting would
		// only end in a timeout, which health would count against the provider
		wm.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "50")));
		ChatClient client = client(ClientSettings.builder("test")
			.retry(new RetryPolicy())
			.deadline(Duration.ofSeconds(45))
			.scheduler(this.scheduler));

		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> client.chatReactive("你好").block(Duration.ofSeconds(10)))
			.satisfies((error) -> assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(50)));
		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> client.stream("你好").blockLast(Duration.ofSeconds(10)));

		wm.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
		assertThat(this.scheduler.waits).isEmpty();
	}

	@Test
	void aBackoffLongerThanTheTimeLeftBeforeTheDeadlineIsNotWaitedOut() {
		wm.stubFor(post(PATH).willReturn(aResponse().withStatus(503)));
		ChatClient client = client(ClientSettings.builder("test")
			.retry(retries(2, Duration.ofSeconds(40), Duration.ofSeconds(40), 0))
			.deadline(Duration.ofSeconds(35))
			.scheduler(this.scheduler));

		assertThatExceptionOfType(ServiceUnavailableException.class)
			.isThrownBy(() -> client.chatReactive("你好").block(Duration.ofSeconds(10)));

		wm.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
	}

	@Test
	void retriesStopAfterTheConfiguredNumberWithGrowingBackoffs() {
		wm.stubFor(post(PATH).willReturn(aResponse().withStatus(502)));
		RetryPolicy policy = retries(3, Duration.ofMillis(100), Duration.ofMillis(300), 0);

		assertThatExceptionOfType(ServerErrorException.class).isThrownBy(() -> client(policy).chat("你好"))
			.satisfies((error) -> assertThat(error.statusCode()).isEqualTo(502));

		wm.verify(4, postRequestedFor(urlPathEqualTo(PATH)));
		assertThat(this.scheduler.waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
				Duration.ofMillis(300));
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 402, 403, 404, 406, 408, 409, 422 })
	void statusesThatDoNotGetBetterAreNotRetried(int status) {
		wm.stubFor(post(PATH).willReturn(aResponse().withStatus(status)));

		assertThatExceptionOfType(ProviderApiException.class).isThrownBy(() -> client(new RetryPolicy()).chat("你好"))
			.satisfies((error) -> assertThat(error.statusCode()).isEqualTo(status));

		wm.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
	}

	@Test
	void aRefusedConnectionIsRetriedEvenForMemoryChat() throws Exception {
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		MemoryChatClient memory = LinkAi.memoryChatClient(
				new LinkAiSettings(KEY, "http://127.0.0.1:" + closedPort, LinkAiOptions.none()),
				factory(new RetryPolicy(), ObservationRegistry.NOOP));

		assertThatExceptionOfType(ChatTransportException.class).isThrownBy(() -> memory.chat(null, "你好"));

		assertThat(this.scheduler.waits).hasSize(2);
	}

	@Test
	void aResetAfterTheRequestWasSentIsRetriedForPlainChatButNotForMemoryChat() {
		failThenSucceed(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(REPLY));
		assertThat(client(new RetryPolicy()).chat("你好")).isEqualTo("好");
		wm.verify(2, postRequestedFor(urlPathEqualTo(PATH)));

		wm.stubFor(post(MEMORY_PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		MemoryChatClient memory = LinkAi.memoryChatClient(new LinkAiSettings(KEY, wm.baseUrl(), LinkAiOptions.none()),
				factory(new RetryPolicy(), ObservationRegistry.NOOP));
		assertThatExceptionOfType(ChatTransportException.class).isThrownBy(() -> memory.chat(null, "你好"));
		// the server may have stored the turn: asking again would store it twice
		wm.verify(1, postRequestedFor(urlPathEqualTo(MEMORY_PATH)));
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 504 })
	void aServerErrorToAMemoryChatTurnIsNotRetriedItMayHaveBeenStored(int status) {
		wm.stubFor(post(MEMORY_PATH).willReturn(aResponse().withStatus(status)));
		MemoryChatClient memory = LinkAi.memoryChatClient(new LinkAiSettings(KEY, wm.baseUrl(), LinkAiOptions.none()),
				factory(new RetryPolicy(), ObservationRegistry.NOOP));

		assertThatExceptionOfType(ServerErrorException.class).isThrownBy(() -> memory.chat(null, "你好"))
			.satisfies((error) -> assertThat(error.statusCode()).isEqualTo(status));

		wm.verify(1, postRequestedFor(urlPathEqualTo(MEMORY_PATH)));
		assertThat(this.scheduler.waits).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 429, 503 })
	void aMemoryChatTurnTheServerRefusedIsRetried(int status) {
		wm.stubFor(post(MEMORY_PATH).inScenario("refused")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(status))
			.willSetStateTo("refused"));
		wm.stubFor(post(MEMORY_PATH).inScenario("refused")
			.whenScenarioStateIs("refused")
			.willReturn(okJson(
					"{\"session_id\":\"s-1\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"好\"}}]}")));
		MemoryChatClient memory = LinkAi.memoryChatClient(new LinkAiSettings(KEY, wm.baseUrl(), LinkAiOptions.none()),
				factory(new RetryPolicy(), ObservationRegistry.NOOP));

		assertThat(memory.chat(null, "你好").content()).isEqualTo("好");

		wm.verify(2, postRequestedFor(urlPathEqualTo(MEMORY_PATH)));
	}

	@Test
	void aStreamThatFailsBeforeItsFirstChunkIsRetried() {
		failThenSucceed(aResponse().withStatus(503),
				aResponse().withHeader("Content-Type", "text/event-stream").withBody(STREAM));

		List<ChatChunk> chunks = client(new RetryPolicy()).stream("你好").collectList().block();

		assertThat(chunks).extracting(ChatChunk::delta).containsExactly("你", "好");
		wm.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
	}

	@Test
	void aStreamThatFailsAfterAChunkIsNeverRetried() {
		wm.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"你\"},\"finish_reason\":null}]}\n\n")));

		List<ChatChunk> received = new CopyOnWriteArrayList<>();
		assertThatExceptionOfType(StreamTruncatedException.class)
			.isThrownBy(() -> client(new RetryPolicy()).stream("你好").doOnNext(received::add).blockLast());

		assertThat(received).hasSize(1);
		wm.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
	}

	@Test
	void retriesAreCountedInTheCallsObservation() {
		failThenSucceed(aResponse().withStatus(500), okJson(REPLY));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		DefaultChatObservationConvention convention = new DefaultChatObservationConvention();
		meters.config().meterFilter(ChatMeterObservationHandler.retryEventCounter(convention));
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(meters))
			.observationHandler(new ChatMeterObservationHandler(meters, convention));

		LinkAi
			.chatClient(new LinkAiSettings(KEY, wm.baseUrl(), LinkAiOptions.none()),
					factory(new RetryPolicy(), observations))
			.chat("你好");

		assertThat(meters.get("linkai.client.retries").counter().count()).isEqualTo(1);
		// the retry event is not counted a second time, as Micrometer's meter handler
		// would
		assertThat(meters.find("gen_ai.client.operation.duration.linkai.retry").counter()).isNull();
	}

	@Test
	void aStreamWithNoDataEventWithinTheFirstEventTimeoutFails() {
		wm.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(": keep-alive\n\n: keep-alive\n\n")
			.withChunkedDribbleDelay(2, 3000)));
		ChatClient client = client(
				ClientSettings.builder("test").retry(RetryPolicy.none()).firstEventTimeout(Duration.ofMillis(300)));

		assertThatExceptionOfType(ChatTimeoutException.class).isThrownBy(() -> client.stream("你好").blockLast())
			.withMessageContaining("first-event-timeout");
	}

	@Test
	void keepAlivesDoNotResetTheIdleTimeoutAndTheErrorSaysTheAnswerIsIncomplete() {
		StringBuilder body = new StringBuilder(
				"data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"你\"},\"finish_reason\":null}]}\n\n");
		for (int i = 0; i < 20; i++) {
			body.append(": ping\n\n");
		}
		wm.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(body.toString())
			.withChunkedDribbleDelay(21, 4000)));
		ChatClient client = client(
				ClientSettings.builder("test").retry(RetryPolicy.none()).idleTimeout(Duration.ofMillis(700)));

		assertThatExceptionOfType(ChatTimeoutException.class).isThrownBy(() -> client.stream("你好").blockLast())
			.withMessageContaining("idle-timeout")
			.withMessageContaining("after 1 chunk(s); the answer is incomplete");
	}

	@Test
	void aDripFedReplyIsCutAtTheDeadline() {
		wm.stubFor(post(PATH).willReturn(okJson(REPLY).withChunkedDribbleDelay(20, 5000)));
		ChatClient client = client(
				ClientSettings.builder("test").retry(RetryPolicy.none()).deadline(Duration.ofMillis(500)));

		long start = System.nanoTime();
		assertThatExceptionOfType(ChatTimeoutException.class).isThrownBy(() -> client.chat("你好"))
			.withMessageContaining("(deadline)");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void aHugeErrorBodyKeepsItsStatus() {
		wm.stubFor(post(PATH).willReturn(aResponse().withStatus(500).withBody("x".repeat(2 * 1024 * 1024))));

		assertThatExceptionOfType(ServerErrorException.class).isThrownBy(() -> client(RetryPolicy.none()).chat("你好"))
			.satisfies((error) -> assertThat(error.statusCode()).isEqualTo(500));
	}

	@Test
	void anErrorBodyThatDribblesIsReadOnlyForItsOwnShortTimeAndTheErrorKeepsItsStatus() {
		// a minute to send its error page: the 5 s bound on reading it runs at once here
		wm.stubFor(post(PATH).willReturn(aResponse().withStatus(503)
			.withHeader("Retry-After", "7")
			.withBody("{\"error\":{\"message\":\"" + "busy ".repeat(200) + "\"}}")
			.withChunkedDribbleDelay(60, 60_000)));
		RecordingScheduler everythingShort = RecordingScheduler.runningEverythingShortAtOnce();
		ChatClient client = client(ClientSettings.builder("test").retry(RetryPolicy.none()).scheduler(everythingShort));

		assertThatExceptionOfType(ServiceUnavailableException.class)
			.isThrownBy(() -> client.chatReactive("你好").block(Duration.ofSeconds(10)))
			.satisfies((error) -> assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
		assertThat(everythingShort.waits).contains(ErrorResponses.BODY_TIMEOUT);
	}

	@Test
	void anEventOverTheLimitIsATypedErrorNamingThePropertyAndReleasesItsBuffersOnce(CapturedOutput output) {
		wm.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + "x".repeat(4096)
					+ "\"},\"finish_reason\":null}]}\n\n")));
		ChatClient client = client(ClientSettings.builder("test").retry(RetryPolicy.none()).maxEventBytes(1024));

		assertThatExceptionOfType(ResponseDecodingException.class).isThrownBy(() -> client.stream("你好").blockLast())
			.withMessageContaining("max-event-size");
		// Reactor Netty logs a second release as an IllegalReferenceCountException after
		// the stream ended
		assertThat(output).doesNotContain("IllegalReferenceCountException");
	}

	@Test
	void anEventOfSeveralMegabytesFitsTheDefaultLimit() {
		String big = "x".repeat(3 * 1024 * 1024);
		wm.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + big
					+ "\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")));

		List<ChatChunk> chunks = client(RetryPolicy.none()).stream("你好").collectList().block();

		assertThat(chunks).singleElement().satisfies((chunk) -> assertThat(chunk.delta()).hasSize(big.length()));
	}

	@Test
	void unretriedTypesStayTyped() {
		wm.stubFor(post(PATH).willReturn(aResponse().withStatus(409)));
		assertThatExceptionOfType(ContentRejectedException.class)
			.isThrownBy(() -> client(new RetryPolicy()).chat("你好"));
		wm.stubFor(post(PATH).willReturn(aResponse().withStatus(401)));
		assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> client(new RetryPolicy()).chat("你好"));
		wm.stubFor(post(PATH).willReturn(aResponse().withStatus(400)));
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> client(new RetryPolicy()).chat("你好"));
		wm.stubFor(post(PATH).willReturn(aResponse().withStatus(418)));
		assertThatExceptionOfType(ClientErrorException.class).isThrownBy(() -> client(new RetryPolicy()).chat("你好"));
		assertThat(this.scheduler.waits).isEmpty();
	}

	@Test
	void aBodyThatGoesOnAfterTheEndMarkerIsCutOffAndTheAnswerStillCompletes() {
		wm.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(STREAM + ": more\n\n".repeat(10))
			.withChunkedDribbleDelay(11, 6000)));

		long start = System.nanoTime();
		List<ChatChunk> chunks = client(RetryPolicy.none()).stream("你好").collectList().block();

		assertThat(chunks).extracting(ChatChunk::delta).containsExactly("你", "好");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void aMalformedContentTypeIsOneOfOursAndDoesNotQuoteTheHeader() {
		wm.stubFor(post(PATH).willReturn(
				aResponse().withHeader("Content-Type", "text/event-stream; charset=\"" + KEY).withBody(STREAM)));

		assertThatExceptionOfType(ResponseDecodingException.class)
			.isThrownBy(() -> client(RetryPolicy.none()).stream("你好").blockLast())
			.satisfies((error) -> assertThat(error.getMessage()).doesNotContain(KEY));
		assertThatExceptionOfType(ResponseDecodingException.class)
			.isThrownBy(() -> client(RetryPolicy.none()).chat("你好"));
	}

	@Test
	void aMalformedChunkIsOneOfOurs() {
		wm.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

		assertThatExceptionOfType(io.github.linkai.spring.client.error.ChatClientException.class)
			.isThrownBy(() -> client(RetryPolicy.none()).chat("你好"));
		assertThatExceptionOfType(io.github.linkai.spring.client.error.ChatClientException.class)
			.isThrownBy(() -> client(RetryPolicy.none()).stream("你好").blockLast());
	}

	@Test
	void randomDataThenCloseIsOneOfOurs() {
		wm.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

		assertThatExceptionOfType(io.github.linkai.spring.client.error.ChatClientException.class)
			.isThrownBy(() -> client(RetryPolicy.none()).chat("你好"));
	}

	private void failThenSucceed(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure,
			com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder success) {
		wm.stubFor(post(PATH).inScenario("retry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(failure)
			.willSetStateTo("failed"));
		wm.stubFor(post(PATH).inScenario("retry").whenScenarioStateIs("failed").willReturn(success));
	}

	@Test
	void aReplyWithAMalformedContentTypeFailsAndLeavesItsConnectionFree() {
		wm.stubFor(post(PATH).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "garbage").withBody("{\"choices\":[]}")));
		ConnectionProvider pool = ConnectionProvider.builder("one")
			.maxConnections(1)
			.pendingAcquireTimeout(Duration.ofSeconds(2))
			.build();
		try {
			ChatClient client = LinkAi.chatClient(new LinkAiSettings(KEY, wm.baseUrl(), LinkAiOptions.none()),
					new HttpChatClientFactory(new ReactorClientHttpConnector(HttpClient.create(pool)),
							ClientSettings.builder("test").retry(RetryPolicy.none()).build()));

			// an unread body would hold the pool's one connection: the second call would
			// wait for it and time out
			for (int i = 0; i < 3; i++) {
				assertThatExceptionOfType(ResponseDecodingException.class).isThrownBy(() -> client.chat("你好"))
					.withMessageContaining("Malformed Content-Type header");
				assertThatExceptionOfType(ResponseDecodingException.class)
					.isThrownBy(() -> client.stream("你好").blockLast())
					.withMessageContaining("Malformed Content-Type header");
			}
		}
		finally {
			pool.dispose();
		}
	}

	static RetryPolicy retries(int maxRetries, Duration initialBackoff, Duration maxBackoff, double jitter) {
		RetryPolicy policy = new RetryPolicy();
		policy.setMaxRetries(maxRetries);
		policy.setInitialBackoff(initialBackoff);
		policy.setMaxBackoff(maxBackoff);
		policy.setJitter(jitter);
		return policy;
	}

	private ChatClient client(RetryPolicy policy) {
		return LinkAi.chatClient(new LinkAiSettings(KEY, wm.baseUrl(), LinkAiOptions.none()),
				factory(policy, ObservationRegistry.NOOP));
	}

	private ChatClient client(ClientSettings.Builder settings) {
		return LinkAi.chatClient(new LinkAiSettings(KEY, wm.baseUrl(), LinkAiOptions.none()),
				new HttpChatClientFactory(new ReactorClientHttpConnector(), settings.build()));
	}

	private ChatClientFactory factory(RetryPolicy policy, ObservationRegistry observations) {
		return new HttpChatClientFactory(new ReactorClientHttpConnector(),
				ClientSettings.builder("test")
					.retry(policy)
					.scheduler(this.scheduler)
					.observer(new ChatCallObserver(observations, null, false))
					.build());
	}

}
