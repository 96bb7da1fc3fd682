package io.github.linkai.spring.provider.lingma;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.StreamErrorEventException;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.WireTestSupport.printed;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.PATH;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.TOKEN;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.client;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Replies and event streams, as the document shows them, mapped onto the neutral model.
 */
class LingmaResponseTests {

	private static final String STREAM_REQUEST_ID = "C0FFEE00-1111-4222-8333-444455556666";

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void chatMapsTheReplyOntoTheResponse() {
		reply("application/json", "reply.json");

		ChatResponse response = client(wm).chat(ChatRequest.of("通义灵码是什么?"));

		assertThat(response.provider()).isEqualTo("lingma");
		assertThat(response.clientName()).isEqualTo("lingma");
		assertThat(response.model()).isNull();
		assertThat(response.content()).isEqualTo("通义灵码是阿里云推出的智能编码助手,可以在 IDE 中续写代码、解释代码和回答研发问题。");
		assertThat(response.finishReason()).isEqualTo("stop");
		assertThat(response.usage()).isEqualTo(new Usage(38, 29, 67));
		assertThat(response.requestId()).isEqualTo("7C5E3A1B-2D4F-4E6A-8B9C-0D1E2F3A4B5C");
		assertThat(response.sessionId()).isNull();
		assertThat(response.sources()).isEmpty();
		assertThat(response.cost()).isNull();
		assertThat(response.providerFields()).isEmpty();
	}

	@Test
	void chatReadsTheDocumentsExampleReplyWithItsEmptyFinishReasonAsNone() {
		reply("application/json", "reply-doc-example.json");

		ChatResponse response = client(wm).chatReactive("你好").block();

		assertThat(response.content()).isEmpty();
		assertThat(response.finishReason()).isNull();
		assertThat(response.usage()).isEqualTo(new Usage(0, 0, 0));
		assertThat(response.requestId()).isEmpty();
	}

	@Test
	void chatKeepsFieldsTheDocumentDoesNotShow() {
		reply("application/json", "reply-extra-fields.json");

		ChatResponse response = client(wm).chat(ChatRequest.of("流水线是什么?"));

		assertThat(response.content()).isEqualTo("流水线由阶段和任务组成");
		assertThat(response.finishReason()).isEqualTo("length");
		assertThat(response.usage()).isEqualTo(new Usage(12, 512, 524));
		assertThat(response.providerFields()).containsOnlyKeys("success", "traceId")
			.containsEntry("success", true)
			.containsEntry("traceId", "0bc3b4a217326234123456789e");
	}

	@Test
	void chatFailsOnAnErrorObjectSentWithASuccessfulStatus() {
		reply("application/json", "error-no-permission.json");

		assertThatExceptionOfType(ProviderApiException.class).isThrownBy(() -> client(wm).chat("你好"))
			.withMessageContaining("[Forbidden.NoPermission]")
			.withMessageContaining("当前用户没有该企业的访问权限");
	}

	@Test
	void streamEmitsEachEventsTextAsADeltaUntilTheFinishEvent() {
		reply("text/event-stream", "stream.txt");

		List<ChatChunk> chunks = client(wm).stream("通义灵码是什么?").collectList().block();

		assertThat(chunks).extracting(ChatChunk::delta).containsExactly("通义灵码", "是智能", "编码助手。", "");
		assertThat(chunks).extracting(ChatChunk::finishReason).containsExactly(null, null, null, "stop");
		assertThat(chunks).extracting(ChatChunk::requestId).containsOnly(STREAM_REQUEST_ID);
		assertThat(chunks).extracting(ChatChunk::clientName).containsOnly("lingma");
		assertThat(chunks).extracting(ChatChunk::provider).containsOnly("lingma");
		assertThat(chunks).extracting(ChatChunk::usage)
			.containsExactly(new Usage(38, 3, 41), new Usage(38, 6, 44), new Usage(38, 10, 48), new Usage(38, 10, 48));
		assertThat(chunks.get(3).isLast()).isTrue();
		assertThat(String.join("", chunks.stream().map(ChatChunk::delta).toList())).isEqualTo("通义灵码是智能编码助手。");
	}

	@Test
	void streamEndsAtDone() {
		reply("text/event-stream", "stream-done.txt");

		StepVerifier.create(client(wm).stream("你好")).assertNext((chunk) -> {
			assertThat(chunk.delta()).isEqualTo("你好");
			assertThat(chunk.finishReason()).isNull();
			assertThat(chunk.usage()).isNull();
			assertThat(chunk.requestId()).isEqualTo("D00D0000-2222-4333-8444-555566667777");
		}).assertNext((chunk) -> assertThat(chunk.delta()).isEqualTo(",我是灵码。")).verifyComplete();
	}

	@Test
	void streamThatEndsWithoutAFinishEventOrDoneIsTruncated() {
		reply("text/event-stream", "stream-truncated.txt");

		StepVerifier.create(client(wm).stream("你好"))
			.expectNextCount(2)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(StreamTruncatedException.class)
				.satisfies((e) -> assertThat(((StreamTruncatedException) e).chunksReceived()).isEqualTo(2)))
			.verify();
	}

	@Test
	void streamFailsOnAnErrorEventWithTheTokenMasked() {
		reply("text/event-stream", "stream-error.txt");

		StepVerifier.create(client(wm).stream("你好"))
			.assertNext((chunk) -> assertThat(chunk.delta()).isEqualTo("通义灵码"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(StreamErrorEventException.class);
				StreamErrorEventException event = (StreamErrorEventException) error;
				assertThat(event.errorType()).isEqualTo("Throttling.Model");
				assertThat(event.errorMessage()).isEqualTo("模型调用超过限额 ******");
				assertThat(printed(error)).doesNotContain(TOKEN);
			})
			.verify();
	}

	@Test
	void streamAnsweredWithAWholeReplyEmitsItAsOneFinalChunk() {
		reply("application/json", "reply.json");

		StepVerifier.create(client(wm).stream("通义灵码是什么?")).assertNext((chunk) -> {
			assertThat(chunk.delta()).startsWith("通义灵码是阿里云推出的智能编码助手");
			assertThat(chunk.finishReason()).isEqualTo("stop");
			assertThat(chunk.usage()).isEqualTo(new Usage(38, 29, 67));
			assertThat(chunk.requestId()).isEqualTo("7C5E3A1B-2D4F-4E6A-8B9C-0D1E2F3A4B5C");
		}).verifyComplete();
	}

	private static void reply(String contentType, String fixture) {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(
				aResponse().withHeader("Content-Type", contentType + ";charset=UTF-8").withBody(fixture(fixture))));
	}

}
