package io.github.linkai.spring.provider.linkai;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.error.StreamErrorEventException;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.API_KEY;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.CHAT_PATH;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.chatClient;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.fixture;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.onlyRequestBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LinkAI chat completions ({@code 001}) streamed: the documented event stream, its
 * framing variants, how a stream ends (end marker, finish reason, truncation, error
 * event) and that chunks are handed over as they arrive.
 */
class LinkAiChatStreamTests {

	static final CompletedResponses completed = new CompletedResponses();

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().extensions(completed))
		.build();

	private final ChatClient client = chatClient(wm);

	@Test
	void documentedStreamArrivesChunkByChunkAndCompletesOnDone() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("chat-stream.txt"))));

		StepVerifier.create(this.client.stream("你好"))
			.assertNext((chunk) -> assertDelta(chunk, "你好!"))
			.assertNext((chunk) -> assertDelta(chunk, "我能"))
			.assertNext((chunk) -> assertDelta(chunk, "为你"))
			.assertNext((chunk) -> assertDelta(chunk, "做些什么?"))
			.assertNext((chunk) -> {
				assertThat(chunk.delta()).isEmpty();
				assertThat(chunk.finishReason()).isEqualTo("stop");
				assertThat(chunk.isLast()).isTrue();
				assertThat(chunk.usage()).isEqualTo(new Usage(9, 6, 15));
				assertThat(chunk.sessionId()).isNull();
			})
			.verifyComplete();
	}

	@Test
	void streamAsTheDocumentPrintsItWithoutBlankLinesGivesTheSameChunks() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("chat-stream-as-printed.txt"))));

		StepVerifier.create(this.client.stream("你好").map(ChatChunk::delta))
			.expectNext("你好!", "我能", "为你", "做些什么?", "")
			.verifyComplete();
	}

	@Test
	void slowSubscriberStillReceivesEveryChunkUpToDone() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("chat-stream.txt"))));

		StepVerifier.create(this.client.stream("你好").delayElements(Duration.ofMillis(20)))
			.assertNext((chunk) -> assertDelta(chunk, "你好!"))
			.assertNext((chunk) -> assertDelta(chunk, "我能"))
			.assertNext((chunk) -> assertDelta(chunk, "为你"))
			.assertNext((chunk) -> assertDelta(chunk, "做些什么?"))
			.assertNext((chunk) -> assertThat(chunk.usage()).isEqualTo(new Usage(9, 6, 15)))
			.verifyComplete();
	}

	@Test
	void connectionDroppedAfterAnEventIsATruncatedStream() throws Exception {
		String firstEvent = fixture("chat-stream.txt").lines().findFirst().orElseThrow() + "\n\n";
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread serverThread = new Thread(() -> answerOneEventThenDrop(server, firstEvent));
			serverThread.start();
			ChatClient client = chatClient("http://127.0.0.1:" + server.getLocalPort(), API_KEY,
					new ReactorClientHttpConnector());

			StepVerifier.create(client.stream("你好"))
				.assertNext((chunk) -> assertDelta(chunk, "你好!"))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(StreamTruncatedException.class)
					.hasMessageContaining("failed (")
					.hasMessageContaining("after 1 chunk(s)")
					.cause()
					.isNotNull())
				.verify(Duration.ofSeconds(10));
			serverThread.join(10_000);
		}
	}

	private static void answerOneEventThenDrop(ServerSocket server, String event) {
		try (Socket socket = server.accept()) {
			BufferedReader request = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			String line;
			while ((line = request.readLine()) != null && !line.isEmpty()) {
				// skip the request headers; the body is not needed
			}
			byte[] data = event.getBytes(StandardCharsets.UTF_8);
			OutputStream out = socket.getOutputStream();
			out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
					+ Integer.toHexString(data.length) + "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(data);
			out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			socket.setSoLinger(true, 0); // reset, not a clean end of the chunked body
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void streamRequestSetsStreamTrueAndAcceptsAnEventStream() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("chat-stream.txt"))));

		this.client.stream("你好").blockLast();

		wm.verify(postRequestedFor(urlPathEqualTo(CHAT_PATH)).withHeader("Accept", equalTo("text/event-stream"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY)));
		JsonNode body = onlyRequestBody(wm);
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("messages", "stream");
		assertThat(body.get("stream").isBoolean()).isTrue();
		assertThat(body.get("stream").booleanValue()).isTrue();
	}

	@Test
	void firstChunkIsHandedOverWhileTheServerIsStillSending() {
		wm.stubFor(
				post(CHAT_PATH).willReturn(eventStream(fixture("chat-stream.txt")).withChunkedDribbleDelay(3, 3000)));

		StepVerifier.create(this.client.stream("你好")).assertNext((chunk) -> {
			assertDelta(chunk, "你好!");
			assertThat(completed.contains(onlyServeEvent())).as("server finished the response").isFalse();
		}).thenCancel().verify();
	}

	@Test
	void streamAsTheDocumentPrintsItIsHandedOverWhileTheServerIsStillSending() {
		wm.stubFor(post(CHAT_PATH)
			.willReturn(eventStream(fixture("chat-stream-as-printed.txt")).withChunkedDribbleDelay(3, 3000)));

		StepVerifier.create(this.client.stream("你好")).assertNext((chunk) -> {
			assertDelta(chunk, "你好!");
			assertThat(completed.contains(onlyServeEvent())).as("server finished the response").isFalse();
		}).thenCancel().verify();
	}

	@Test
	void longStreamAsTheDocumentPrintsItIsNotBoundByOneEventsBuffer() {
		String event = fixture("chat-stream-as-printed.txt").lines().findFirst().orElseThrow();
		String last = fixture("chat-stream-as-printed.txt").lines().skip(4).findFirst().orElseThrow();
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 5_000; i++) {
			body.append(event).append('\n');
		}
		body.append(last).append("\ndata: [DONE]\n");
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(body.toString())));

		StepVerifier.create(this.client.stream("你好").count()).expectNext(5_001L).verifyComplete();
	}

	@Test
	void cancellingMidStreamClosesTheExchangeSoTheNextCallGetsAConnection() {
		ConnectionProvider oneConnection = ConnectionProvider.builder("one-connection")
			.maxConnections(1)
			.pendingAcquireTimeout(Duration.ofSeconds(1))
			.build();
		try {
			ChatClient client = chatClient(wm.baseUrl(), API_KEY,
					new ReactorClientHttpConnector(HttpClient.create(oneConnection)));
			wm.stubFor(post(CHAT_PATH).withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("慢")))
				.willReturn(eventStream(fixture("chat-stream.txt")).withChunkedDribbleDelay(3, 3000)));
			wm.stubFor(post(CHAT_PATH).withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("快")))
				.willReturn(okJson(fixture("chat-response.json"))));

			StepVerifier.create(client.stream("慢").take(1))
				.assertNext((chunk) -> assertDelta(chunk, "你好!"))
				.verifyComplete();

			assertThat(client.chat("快")).isEqualTo("你好,请问有什么可以帮助您的吗?");
		}
		finally {
			oneConnection.dispose();
		}
	}

	@Test
	void doneEndsTheStreamEvenWhenTheServerKeepsTheResponseOpen() {
		String events = fixture("chat-stream.txt");
		// the first of the three parts the server sends holds every event, [DONE]
		// included
		String keepAlive = ": keep-alive\n\n".repeat(2 * events.getBytes(StandardCharsets.UTF_8).length / 14 + 1);
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(events + keepAlive).withChunkedDribbleDelay(3, 3000)));

		List<ChatChunk> chunks = this.client.stream("你好").collectList().block();

		assertThat(chunks).hasSize(5);
		assertThat(completed.contains(onlyServeEvent())).as("server finished the response").isFalse();
	}

	@ParameterizedTest
	@EnumSource(Framing.class)
	void framingVariantsGiveTheSameChunks(Framing framing) {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(framing.apply(fixture("chat-stream.txt")))));

		List<ChatChunk> chunks = this.client.stream("你好").collectList().block();

		assertThat(chunks).extracting(ChatChunk::delta).containsExactly("你好!", "我能", "为你", "做些什么?", "");
		assertThat(chunks.get(4).usage()).isEqualTo(new Usage(9, 6, 15));
		assertThat(chunks).extracting(ChatChunk::clientName).containsOnly(this.client.name());
		assertThat(chunks).extracting(ChatChunk::provider).containsOnly("linkai");
	}

	@Test
	void multimodalDeltaGivesItsTextAndKeepsItsParts() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("chat-stream-multimodal.txt"))));

		List<ChatChunk> chunks = this.client.stream("给我一张猫的图片").collectList().block();

		assertThat(chunks).extracting(ChatChunk::delta).containsExactly("这是一张猫的图片:", "", "");
		assertThat(chunks.get(0).providerFields()).isEmpty();
		assertThat(chunks.get(1).providerFields()).containsOnlyKeys("content");
		assertThat(chunks.get(1).providerFields().get("content")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly(
					Map.of("type", "image_url", "image_url", Map.of("url", "https://cdn.link-ai.tech/doc/cat.png")));
	}

	@Test
	void streamWithFinishReasonButWithoutDoneCompletes() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("chat-stream-without-done.txt"))));

		StepVerifier.create(this.client.stream("你好"))
			.expectNextCount(4)
			.assertNext((chunk) -> assertThat(chunk.finishReason()).isEqualTo("stop"))
			.verifyComplete();
	}

	@Test
	void streamEndingWithoutDoneOrFinishReasonIsTruncated() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("chat-stream-truncated.txt"))));

		StepVerifier.create(this.client.stream("你好"))
			.expectNextCount(3)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(StreamTruncatedException.class,
					(truncated) -> assertThat(truncated.chunksReceived()).isEqualTo(3)))
			.verify();
	}

	@Test
	void emptyStreamIsTruncated() {
		wm.stubFor(post(CHAT_PATH).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")));

		StepVerifier.create(this.client.stream("你好")).expectError(StreamTruncatedException.class).verify();
	}

	@Test
	void errorEventInTheStreamFailsWithItsTypeAndMessage() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("chat-stream-error-event.txt"))));

		StepVerifier.create(this.client.stream("你好"))
			.assertNext((chunk) -> assertDelta(chunk, "你好!"))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(StreamErrorEventException.class, (event) -> {
						assertThat(event.errorType()).isEqualTo("content_filter_error");
						assertThat(event.errorMessage()).isEqualTo("内容审核不通过");
					}))
			.verify();
	}

	@Test
	void malformedEventFailsWithADecodingError() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("chat-stream-malformed.txt"))));

		StepVerifier.create(this.client.stream("你好"))
			.expectNextCount(1)
			.expectError(ResponseDecodingException.class)
			.verify();
	}

	@Test
	void jsonReplyToAStreamRequestBecomesOneFinalChunk() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));

		StepVerifier.create(this.client.stream("你好")).assertNext((chunk) -> {
			assertThat(chunk.delta()).isEqualTo("你好,请问有什么可以帮助您的吗?");
			assertThat(chunk.finishReason()).isEqualTo("stop");
			assertThat(chunk.usage()).isEqualTo(new Usage(9, 17, 26));
		}).verifyComplete();
	}

	@Test
	void htmlPageWithStatus200IsADecodingError() {
		wm.stubFor(post(CHAT_PATH).willReturn(
				aResponse().withHeader("Content-Type", "text/html;charset=utf-8").withBody("<html>维护中</html>")));

		StepVerifier.create(this.client.stream("你好")).expectError(ResponseDecodingException.class).verify();
	}

	private static ResponseDefinitionBuilder eventStream(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream;charset=utf-8").withBody(body);
	}

	private static void assertDelta(ChatChunk chunk, String delta) {
		assertThat(chunk.delta()).isEqualTo(delta);
		assertThat(chunk.finishReason()).isNull();
		assertThat(chunk.usage()).isNull();
	}

	private static UUID onlyServeEvent() {
		List<ServeEvent> events = wm.getAllServeEvents();
		assertThat(events).hasSize(1);
		return events.get(0).getId();
	}

	/** Ways to frame the documented events that the SSE format allows. */
	enum Framing implements UnaryOperator<String> {

		/** {@code data:} without the optional space. */
		DATA_WITHOUT_SPACE((events) -> events.replace("data: ", "data:")),

		/** {@code \r\n} line ends. */
		CRLF_LINE_ENDS((events) -> events.replace("\n", "\r\n")),

		/** Keep-alive comments between the events. */
		PING_COMMENTS((events) -> events.replace("\n\n", "\n\n: ping\n\n"));

		private final UnaryOperator<String> change;

		Framing(UnaryOperator<String> change) {
			this.change = change;
		}

		@Override
		public String apply(String events) {
			return this.change.apply(events);
		}

	}

	/** Records which served requests the server finished answering. */
	static final class CompletedResponses implements ServeEventListener {

		private final Set<UUID> completed = ConcurrentHashMap.newKeySet();

		@Override
		public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
			this.completed.add(serveEvent.getId());
		}

		boolean contains(UUID serveEvent) {
			return this.completed.contains(serveEvent);
		}

		@Override
		public String getName() {
			return "completed-responses";
		}

	}

}
