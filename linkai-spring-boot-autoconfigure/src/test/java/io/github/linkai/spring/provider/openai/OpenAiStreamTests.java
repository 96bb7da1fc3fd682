package io.github.linkai.spring.provider.openai;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.RateLimitedException;
import io.github.linkai.spring.client.error.StreamErrorEventException;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.WireTestSupport.printed;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.API_KEY;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.CHAT_PATH;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.chatClient;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.eventStream;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.fixture;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * A chat completions stream with {@code include_usage}: the deltas, the finish reason on
 * the last content event, the usage event after it ({@code "choices":[]}),
 * {@code [DONE]}; and streams that end early or carry an error.
 */
class OpenAiStreamTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ChatClient client = chatClient(wm);

	@Test
	void deltasThenFinishReasonThenUsageChunkThenDone() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("stream.sse"))));

		StepVerifier.create(this.client.stream("你好"))
			.assertNext((chunk) -> assertDelta(chunk, "")) // the role-only first event
			.assertNext((chunk) -> assertDelta(chunk, "你好"))
			.assertNext((chunk) -> assertDelta(chunk, "!"))
			.assertNext((chunk) -> {
				assertThat(chunk.delta()).isEmpty();
				assertThat(chunk.finishReason()).isEqualTo("stop");
				assertThat(chunk.usage()).isNull();
			})
			// the finish reason does not end the stream: the usage event after it is
			// still handed over
			.assertNext((chunk) -> {
				assertThat(chunk.delta()).isEmpty();
				assertThat(chunk.finishReason()).isNull();
				assertThat(chunk.usage()).isEqualTo(new Usage(16, 2, 18));
			})
			.verifyComplete();
	}

	@Test
	void chunksKeepTheEventsUnmappedFields() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("stream.sse"))));

		List<ChatChunk> chunks = this.client.stream("你好").collectList().block();

		assertThat(chunks).hasSize(5)
			.allSatisfy((chunk) -> assertThat(chunk.providerFields()).containsOnly(entry("id", "chatcmpl-1"),
					entry("object", "chat.completion.chunk"), entry("created", 1705651092)));
		assertThat(String.join("", chunks.stream().map(ChatChunk::delta).toList())).isEqualTo("你好!");
		assertThat(chunks).extracting(ChatChunk::clientName).containsOnly(this.client.name());
		assertThat(chunks).extracting(ChatChunk::provider).containsOnly("openai");
	}

	@Test
	void bodyEndingAfterTheFinishReasonButBeforeDoneCompletesWithoutUsage() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("stream-without-usage-and-done.sse"))));

		StepVerifier.create(this.client.stream("你好")).expectNextCount(3).assertNext((chunk) -> {
			assertThat(chunk.finishReason()).isEqualTo("stop");
			assertThat(chunk.usage()).isNull();
		}).verifyComplete();
	}

	@Test
	void bodyEndingBeforeTheFinishReasonIsATruncatedStream() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("stream-truncated.sse"))));

		StepVerifier.create(this.client.stream("你好"))
			.expectNextCount(3)
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(StreamTruncatedException.class, (truncated) -> {
						assertThat(truncated.chunksReceived()).isEqualTo(3);
						assertThat(truncated.provider()).isEqualTo("openai");
					}))
			.verify();
	}

	@Test
	void usageChunkWithoutDoneCompletes() {
		String events = fixture("stream.sse").replace("data: [DONE]\n", "");
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(events)));

		StepVerifier.create(this.client.stream("你好").last())
			.assertNext((chunk) -> assertThat(chunk.usage()).isEqualTo(new Usage(16, 2, 18)))
			.verifyComplete();
	}

	@Test
	void errorObjectInTheStreamFailsWithItsTypeAndMessage() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("stream-error.sse"))));

		StepVerifier.create(this.client.stream("你好"))
			.assertNext((chunk) -> assertDelta(chunk, "你好"))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(StreamErrorEventException.class, (event) -> {
						assertThat(event.errorType()).isEqualTo("content_filter");
						assertThat(event.errorMessage()).isEqualTo("Content Exists Risk");
					}))
			.verify();
	}

	@Test
	void keyEchoedInAStreamErrorIsMasked() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(
				"data: {\"error\":{\"message\":\"bad key " + API_KEY + "\",\"type\":\"authentication_error\"}}\n\n")));

		StepVerifier.create(this.client.stream("你好"))
			.expectErrorSatisfies((error) -> assertThat(printed(error)).contains("bad key").doesNotContain(API_KEY))
			.verify();
	}

	@Test
	void errorStatusOnAStreamIsItsTypedException() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(429, fixture("error.json")).withHeader("Retry-After", "3")));

		StepVerifier.create(this.client.stream("你好"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(RateLimitedException.class,
					(limited) -> assertThat(limited.retryAfter()).hasSeconds(3)))
			.verify();
	}

	@Test
	void errorObjectAsAJsonReplyToAStreamIsAnError() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, fixture("error.json"))));

		StepVerifier.create(this.client.stream("你好"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(ProviderApiException.class,
					(api) -> assertThat(api.errorMessage()).isEqualTo("Insufficient Balance")))
			.verify();
	}

	@Test
	void jsonReplyToAStreamRequestBecomesOneFinalChunk() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, fixture("reply.json"))));

		StepVerifier.create(this.client.stream("你好")).assertNext((chunk) -> {
			assertThat(chunk.delta()).isEqualTo("你好!有什么可以帮你的吗?");
			assertThat(chunk.finishReason()).isEqualTo("stop");
			assertThat(chunk.usage()).isEqualTo(new Usage(16, 10, 26));
		}).verifyComplete();
	}

	private static void assertDelta(ChatChunk chunk, String delta) {
		assertThat(chunk.delta()).isEqualTo(delta);
		assertThat(chunk.finishReason()).isNull();
		assertThat(chunk.usage()).isNull();
	}

}
