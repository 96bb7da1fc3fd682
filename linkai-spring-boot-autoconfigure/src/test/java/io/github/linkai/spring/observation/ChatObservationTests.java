package io.github.linkai.spring.observation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.provider.linkai.LinkAi;
import io.github.linkai.spring.provider.linkai.LinkAiOptions;
import io.github.linkai.spring.provider.linkai.LinkAiSettings;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Calls observed over their whole life with the OpenTelemetry GenAI names: the
 * observation, its span-level values, and the meters beside its timer, for success,
 * failure, complete, truncated and cancelled streams.
 */
class ChatObservationTests {

	private static final String KEY = "Link_tOCJYmHxxm55eA1xs";

	private static final String PATH = "/v1/chat/completions";

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private final DefaultChatObservationConvention convention = new DefaultChatObservationConvention();

	/**
	 * Every observation stopped, ours and the HTTP client's: what a tracer would export.
	 */
	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	@BeforeEach
	void handlers() {
		this.meters.config().meterFilter(ChatMeterObservationHandler.durationBuckets(this.convention));
		this.observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(this.meters))
			.observationHandler(new ChatMeterObservationHandler(this.meters, this.convention))
			.observationHandler(new ObservationHandler<>() {
				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}

				@Override
				public void onStop(Observation.Context context) {
					ChatObservationTests.this.stopped.add(context);
				}
			});
	}

	@Test
	void aCallIsObservedWithTheConventionsNamesAndItsTokenUsageIsRecorded() {
		wm.stubFor(post(PATH).willReturn(okJson(fixture("chat-response.json"))));

		client(false).chat(ChatRequest.builder().user("你好").model("LinkAI-4o-mini").temperature(0.3).build());

		TestObservationRegistryAssert.assertThat(this.observations)
			.hasObservationWithNameEqualTo("gen_ai.client.operation.duration")
			.that()
			.hasContextualNameEqualTo("chat LinkAI-4o-mini")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("gen_ai.provider.name", "linkai")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "LinkAI-4o-mini")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "LinkAI-4o-mini")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasLowCardinalityKeyValue("server.address", "localhost")
			.hasLowCardinalityKeyValue("server.port", Integer.toString(wm.getPort()))
			.hasLowCardinalityKeyValue("linkai.client.name", "support")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "9")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "17")
			.hasHighCardinalityKeyValue("gen_ai.request.temperature", "0.3")
			.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.input.messages")
			.hasBeenStopped();
		Timer duration = this.meters.get("gen_ai.client.operation.duration").tag("error.type", "none").timer();
		assertThat(duration.count()).isOne();
		assertThat(
				this.meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "input").summary().totalAmount())
			.isEqualTo(9);
		assertThat(
				this.meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "output").summary().totalAmount())
			.isEqualTo(17);
		assertThat(duration.takeSnapshot().histogramCounts()).hasSize(14);
		assertThat(this.meters.find("gen_ai.client.operation.time_to_first_chunk").timer()).isNull();
	}

	@Test
	void aCallIsOneObservationWithNoHttpClientObservationBeside() {
		wm.stubFor(post(PATH).willReturn(okJson(fixture("chat-response.json"))));

		client(false).chat("你好");

		TestObservationRegistryAssert.assertThat(this.observations)
			.hasNumberOfObservationsEqualTo(1)
			.hasSingleObservationThat()
			.hasContextualNameEqualTo("chat")
			.hasBeenStopped();
	}

	@Test
	void aCallAndAStreamAreChildrenOfTheObservationInTheSubscribersReactorContext() {
		// where WebFlux puts its server observation and Spring AI its model's: not in a
		// thread local
		wm.stubFor(post(PATH).willReturn(okJson(fixture("chat-response.json"))));
		Observation server = Observation.start("http.server.requests", this.observations);

		client(false).chatReactive("你好")
			.contextWrite((reactor) -> reactor.put(ObservationThreadLocalAccessor.KEY, server))
			.block();
		wm.stubFor(post(PATH).willReturn(
				aResponse().withHeader("Content-Type", "text/event-stream").withBody(fixture("chat-stream.txt"))));
		client(false).stream("你好")
			.contextWrite((reactor) -> reactor.put(ObservationThreadLocalAccessor.KEY, server))
			.blockLast();
		server.stop();

		assertThat(this.stopped).filteredOn((context) -> context instanceof ChatObservationContext)
			.hasSize(2)
			.allSatisfy((context) -> assertThat(context.getParentObservation()).isSameAs(server));
	}

	@Test
	void aFailedCallCarriesItsErrorType() {
		wm.stubFor(post(PATH).willReturn(aResponse().withStatus(401)));

		assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> client(false).chat("你好"));

		TestObservationRegistryAssert.assertThat(this.observations)
			.hasObservationWithNameEqualTo("gen_ai.client.operation.duration")
			.that()
			.hasLowCardinalityKeyValue("error.type", "AuthenticationException")
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "error")
			.hasError();
		assertThat(this.meters.get("gen_ai.client.operation.duration")
			.tag("error.type", "AuthenticationException")
			.timer()
			.count()).isOne();
	}

	@Test
	void aStreamIsTimedToItsLastEventAndItsChunksAreMeasured() {
		wm.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(fixture("chat-stream.txt"))
			.withChunkedDribbleDelay(6, 600)));

		List<ChatChunk> chunks = client(false).stream(ChatRequest.builder().user("你好").model("LinkAI-4o-mini").build())
			.collectList()
			.block();

		assertThat(chunks).hasSize(5);
		Timer duration = this.meters.get("gen_ai.client.operation.duration").timer();
		assertThat(duration.count()).isOne();
		// the whole stream, not only its response headers
		assertThat(duration.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(400);
		Timer firstChunk = this.meters.get("gen_ai.client.operation.time_to_first_chunk").timer();
		assertThat(firstChunk.count()).isOne();
		assertThat(firstChunk.totalTime(TimeUnit.NANOSECONDS)).isLessThan(duration.totalTime(TimeUnit.NANOSECONDS));
		assertThat(this.meters.get("gen_ai.client.operation.time_per_output_chunk").timer().count()).isEqualTo(4);
		assertThat(this.meters.get("linkai.client.stream.chunks").summary().totalAmount()).isEqualTo(5);
		assertThat(this.meters.get("linkai.client.active_streams").gauge().value()).isZero();
		assertThat(
				this.meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "output").summary().totalAmount())
			.isEqualTo(6);
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasObservationWithNameEqualTo("gen_ai.client.operation.duration")
			.that()
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "stop")
			.hasHighCardinalityKeyValue("linkai.stream.chunks", "5")
			// the chunks name no model: the one asked for, as for a reply without one
			.hasLowCardinalityKeyValue("gen_ai.response.model", "LinkAI-4o-mini")
			.hasLowCardinalityKeyValue("error.type", "none");
	}

	@Test
	void anOpenStreamIsCountedUntilItEnds() {
		wm.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(fixture("chat-stream.txt"))
			.withChunkedDribbleDelay(6, 600)));

		ChatChunk first = client(false).stream("你好")
			.doOnNext((chunk) -> assertThat(this.meters.get("linkai.client.active_streams").gauge().value()).isOne())
			.blockFirst();

		assertThat(first).isNotNull();
		assertThat(this.meters.get("linkai.client.active_streams").gauge().value()).isZero();
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasObservationWithNameEqualTo("gen_ai.client.operation.duration")
			.that()
			.hasLowCardinalityKeyValue("error.type", "cancelled")
			.hasBeenStopped();
	}

	@Test
	void aTruncatedStreamIsAnErrorWithFinishReasonError() {
		wm.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(fixture("chat-stream-truncated.txt"))));

		assertThatExceptionOfType(StreamTruncatedException.class)
			.isThrownBy(() -> client(false).stream("你好").blockLast());

		TestObservationRegistryAssert.assertThat(this.observations)
			.hasObservationWithNameEqualTo("gen_ai.client.operation.duration")
			.that()
			.hasLowCardinalityKeyValue("error.type", "StreamTruncatedException")
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "error")
			.hasHighCardinalityKeyValue("linkai.stream.chunks", "3");
		assertThat(this.meters.get("linkai.client.active_streams").gauge().value()).isZero();
		assertThat(this.meters.get("gen_ai.client.operation.duration")
			.tag("error.type", "StreamTruncatedException")
			.timer()
			.count()).isOne();
	}

	@Test
	void contentIsRecordedOnlyWhenAskedFor() {
		wm.stubFor(post(PATH).willReturn(okJson(fixture("chat-response.json"))));

		client(true).chat("你好");

		TestObservationRegistryAssert.assertThat(this.observations)
			.hasObservationWithNameEqualTo("gen_ai.client.operation.duration")
			.that()
			.hasHighCardinalityKeyValue("gen_ai.input.messages",
					"[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"你好\"}]}]")
			.hasHighCardinalityKeyValue("gen_ai.output.messages",
					"[{\"role\":\"assistant\",\"parts\":[{\"type\":" + "\"text\",\"content\":\"你好,请问有什么可以帮助您的吗?\"}]}]");
	}

	@Test
	void noTagHoldsACredentialAQuestionOrASessionId() {
		wm.stubFor(post(PATH).willReturn(okJson(fixture("chat-response.json"))));
		wm.stubFor(post("/v1/chat/memory/completions").willReturn(okJson(fixture("memory-response.json"))));

		client(false).chat("秘密问题 secret-question");
		LinkAi.memoryChatClient(new LinkAiSettings(KEY, wm.baseUrl(), LinkAiOptions.none()), factory(false))
			.chat("session-abc-123", "秘密问题 secret-question");

		for (Meter meter : this.meters.getMeters()) {
			for (Tag tag : meter.getId().getTags()) {
				assertThat(tag.getValue()).doesNotContain(KEY)
					.doesNotContain("secret-question")
					.doesNotContain("session-abc-123")
					.doesNotContain("?");
			}
		}
		assertThat(this.stopped).hasSize(2);
		for (Observation.Context context : this.stopped) {
			context.getAllKeyValues()
				.forEach((keyValue) -> assertThat(keyValue.getValue()).as(keyValue.getKey())
					.doesNotContain(KEY)
					.doesNotContain("secret-question")
					.doesNotContain("session-abc-123"));
		}
	}

	@Test
	void aClientWithoutARegistryIsNotObserved() {
		wm.stubFor(post(PATH).willReturn(okJson(fixture("chat-response.json"))));
		ChatClient client = LinkAi.chatClient(new LinkAiSettings(KEY, wm.baseUrl(), LinkAiOptions.none()),
				new HttpChatClientFactory(new ReactorClientHttpConnector(), ClientSettings.of("plain")));

		assertThat(client.chat("你好")).isNotBlank();

		TestObservationRegistryAssert.assertThat(this.observations).doesNotHaveAnyObservation();
	}

	private ChatClient client(boolean recordContent) {
		return LinkAi.chatClient(new LinkAiSettings(KEY, wm.baseUrl(), LinkAiOptions.none()), factory(recordContent));
	}

	private ChatClientFactory factory(boolean recordContent) {
		return new HttpChatClientFactory(new ReactorClientHttpConnector(),
				ClientSettings.builder("support")
					.observer(new ChatCallObserver(this.observations, null, recordContent))
					.build());
	}

	private static String fixture(String name) {
		try (InputStream in = ChatObservationTests.class
			.getResourceAsStream("/io/github/linkai/spring/provider/linkai/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
