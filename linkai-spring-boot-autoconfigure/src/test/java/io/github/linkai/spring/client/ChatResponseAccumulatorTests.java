package io.github.linkai.spring.client;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.linkai.spring.client.error.ResponseDecodingException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The merge rules for streamed answers, fed with fragments as the providers send them.
 * The providers' own streams, end to end, are in each provider's stream tests.
 */
class ChatResponseAccumulatorTests {

	private final AtomicInteger generated = new AtomicInteger();

	private final ChatResponseAccumulator whole = new ChatResponseAccumulator("openai", "default",
			() -> "call_gen_" + this.generated.getAndIncrement());

	@Test
	void idAndNameOnlyInTheFirstFragmentArgumentsInPieces() {
		add(null, calls(new ToolCallDelta(0, "call_1", "current_time", "")));
		add(null, calls(new ToolCallDelta(0, null, null, "{\"ci")));
		add(null, calls(new ToolCallDelta(0, "", "", "ty\":\"上海\"}")));
		this.whole.add(ChatChunk.builder().finishReason("tool_calls").build());

		ChatResponse response = this.whole.response();
		assertThat(response.toolCalls()).containsExactly(new ToolCall("call_1", "current_time", "{\"city\":\"上海\"}"));
		assertThat(response.finishReason()).isEqualTo("tool_calls");
		assertThat(response.content()).isEmpty();
		assertThat(response.reasoningContent()).isNull();
	}

	@Test
	void interleavedCallsKeepTheOrderTheyStartedIn() {
		add(null, calls(new ToolCallDelta(0, "call_A", "current_time", "{\"city\":")));
		add(null, calls(new ToolCallDelta(1, "call_B", "current_time", "{\"city\":")));
		add(null, calls(new ToolCallDelta(0, null, null, "\"上海\"}"), new ToolCallDelta(1, null, null, "\"东京\"}")));

		assertThat(this.whole.response().toolCalls()).containsExactly(
				new ToolCall("call_A", "current_time", "{\"city\":\"上海\"}"),
				new ToolCall("call_B", "current_time", "{\"city\":\"东京\"}"));
	}

	@Test
	void laterNullOrOtherNameAndRepeatedIdNeverOverwrite() {
		add(null, calls(new ToolCallDelta(0, "call_q", "current_time", "{")));
		add(null, calls(new ToolCallDelta(0, "call_q", null, "}")));
		add(null, calls(new ToolCallDelta(0, null, "other", null)));

		assertThat(this.whole.response().toolCalls()).containsExactly(new ToolCall("call_q", "current_time", "{}"));
	}

	@Test
	void aNewIdAtATakenIndexStartsANewCall() {
		add(null, calls(new ToolCallDelta(0, "call_1", "current_time", "{\"city\":\"上海\"}")));
		add(null, calls(new ToolCallDelta(0, "call_2", "current_time", "{\"city\":\"东京\"}")));

		assertThat(this.whole.response().toolCalls()).extracting(ToolCall::id).containsExactly("call_1", "call_2");
	}

	@Test
	void withoutIndexByIdThenTheLastCall() {
		add(null, calls(new ToolCallDelta(null, "0", "current_time", "{")));
		add(null, calls(new ToolCallDelta(null, null, null, "}")));
		add(null, calls(new ToolCallDelta(null, "1", "current_time", "{}")));

		assertThat(this.whole.response().toolCalls()).containsExactly(new ToolCall("0", "current_time", "{}"),
				new ToolCall("1", "current_time", "{}"));
	}

	@Test
	void missingIdIsGeneratedOnceAndMissingArgumentsAreAnEmptyObject() {
		add(null, calls(new ToolCallDelta(0, null, "now", null)));

		assertThat(this.whole.response().toolCalls()).containsExactly(new ToolCall("call_gen_0", "now", "{}"));
		assertThat(this.whole.response().toolCalls()).containsExactly(new ToolCall("call_gen_0", "now", "{}"));
		assertThat(ChatResponseAccumulator.generateId()).matches("call_[a-z0-9]{24}");
	}

	@Test
	void aCallThatNeverNamesItsToolIsAMalformedAnswer() {
		add(null, calls(new ToolCallDelta(3, "call_1", null, "{}")));

		assertThatExceptionOfType(ResponseDecodingException.class).isThrownBy(this.whole::response)
			.withMessageContaining("Tool call at index 3 carries no function name");
	}

	@Test
	void reasoningApartFromContentAndUsageLastReportedNeverSummed() {
		this.whole.add(ChatChunk.builder().reasoningDelta("先想").build());
		this.whole.add(ChatChunk.builder().reasoningDelta("一想").build());
		this.whole.add(ChatChunk.builder().delta("你好").build());
		this.whole.add(ChatChunk.builder().finishReason("stop").usage(new Usage(10, 5, 15)).build());
		this.whole.add(ChatChunk.builder().usage(new Usage(10, 5, 15)).build());

		ChatResponse response = this.whole.response();
		assertThat(response.content()).isEqualTo("你好");
		assertThat(response.reasoningContent()).isEqualTo("先想一想");
		assertThat(response.usage()).isEqualTo(new Usage(10, 5, 15));
		assertThat(response.finishReason()).isEqualTo("stop");
		assertThat(response.message().reasoningContent()).isEqualTo("先想一想");
	}

	@Test
	void mediaOnceByUrlAndTheRestLastWins() {
		AnswerMedia cat = AnswerMedia.ofUrl("https://cdn/cat.png");
		this.whole.add(ChatChunk.builder().media(List.of(cat)).sessionId("s-1").build());
		this.whole.add(ChatChunk.builder().media(List.of(cat, AnswerMedia.ofUrl("https://cdn/a.mp4"))).build());

		ChatResponse response = this.whole.response();
		assertThat(response.media()).extracting(AnswerMedia::kind)
			.containsExactly(AnswerMedia.Kind.IMAGE, AnswerMedia.Kind.VIDEO);
		assertThat(response.sessionId()).isEqualTo("s-1");
	}

	@Test
	void aWholeReplyAsOneChunkMergesBackIntoTheSameAnswer() {
		ChatResponse reply = ChatResponse.builder("openai", "default")
			.reasoningContent("想")
			.toolCalls(List.of(new ToolCall("call_1", "now", "{}"), new ToolCall("call_2", "now", "{}")))
			.finishReason("tool_calls")
			.build();

		this.whole.add(ChatChunk.of(reply));

		assertThat(this.whole.response()).isEqualTo(reply);
	}

	@Test
	void theAnswerNamesTheProviderAndClientTheChunksName() {
		this.whole.add(ChatChunk.builder().provider("lingma").clientName("backup").delta("你").build());
		this.whole.add(ChatChunk.builder().delta("好").finishReason("stop").build());

		ChatResponse response = this.whole.response();
		assertThat(response.provider()).isEqualTo("lingma");
		assertThat(response.clientName()).isEqualTo("backup");
		assertThat(response.content()).isEqualTo("你好");
	}

	@Test
	void chunksThatNameNoneLeaveTheProviderAndClientItWasMadeWith() {
		this.whole.add(ChatChunk.builder().delta("你好").finishReason("stop").build());

		ChatResponse response = this.whole.response();
		assertThat(response.provider()).isEqualTo("openai");
		assertThat(response.clientName()).isEqualTo("default");
	}

	@Test
	void aMalformedToolCallNamesTheClientThatServedIt() {
		this.whole.add(ChatChunk.builder()
			.provider("linkai")
			.clientName("backup")
			.toolCalls(calls(new ToolCallDelta(0, "call_1", null, "{}")))
			.build());

		assertThatExceptionOfType(ResponseDecodingException.class).isThrownBy(this.whole::response)
			.satisfies((error) -> {
				assertThat(error.provider()).isEqualTo("linkai");
				assertThat(error.clientName()).isEqualTo("backup");
			});
	}

	@Test
	void streamAndCollectMergesTheStreamOfAnEndpoint() {
		ChatEndpoint endpoint = new ChatEndpoint() {

			@Override
			public String name() {
				return "default";
			}

			@Override
			public String provider() {
				return "openai";
			}

			@Override
			public Mono<ChatResponse> chatReactive(ChatRequest request) {
				return Mono.error(new UnsupportedOperationException());
			}

			@Override
			public Flux<ChatChunk> stream(ChatRequest request) {
				return Flux.just(ChatChunk.builder().delta("你").build(), ChatChunk.builder().delta("好").build(),
						ChatChunk.builder().finishReason("stop").build());
			}

		};

		ChatResponse response = endpoint.streamAndCollect(ChatRequest.builder().user("hi").model("m").build()).block();

		assertThat(response).isNotNull();
		assertThat(response.content()).isEqualTo("你好");
		assertThat(response.model()).isEqualTo("m");
		assertThat(response.provider()).isEqualTo("openai");
	}

	private void add(String delta, List<ToolCallDelta> calls) {
		this.whole.add(ChatChunk.builder().delta((delta != null) ? delta : "").toolCalls(calls).build());
	}

	private static List<ToolCallDelta> calls(ToolCallDelta... deltas) {
		return List.of(deltas);
	}

}
