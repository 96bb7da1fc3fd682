package io.github.linkai.spring.provider.openai;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.ChatResponseAccumulator;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.ToolCallDelta;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.CHAT_PATH;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.chatClient;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.eventStream;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams of tool calls and reasoning as OpenAI and the compatible servers really send
 * them, from recorded shapes: the chunks carry the raw fragments and reasoning apart from
 * the text, and the accumulated answer has the calls merged and the usage once.
 */
class OpenAiToolStreamTests {

	private static final ToolCall SHANGHAI = new ToolCall("call_Vq3mJ8n2kP0aTz7L", "current_time", "{\"city\":\"上海\"}");

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ChatClient client = chatClient(wm);

	@Test
	void openAiIdAndNameOnlyInTheFirstFragment() {
		List<ChatChunk> chunks = stream("openai-tool-call-stream.sse");
		ChatResponse response = merged(chunks);

		assertThat(chunks.get(0).toolCalls())
			.containsExactly(new ToolCallDelta(0, "call_Vq3mJ8n2kP0aTz7L", "current_time", ""));
		assertThat(chunks.get(1).toolCalls()).containsExactly(new ToolCallDelta(0, null, null, "{\""));
		assertThat(response.toolCalls()).containsExactly(SHANGHAI);
		assertThat(response.finishReason()).isEqualTo("tool_calls");
		assertThat(response.content()).isEmpty();
		assertThat(response.usage()).isEqualTo(new Usage(1187, 17, 1204, 1024, 0));
	}

	@Test
	void interleavedParallelCallsByIndex() {
		assertThat(merged(stream("openai-parallel-interleaved-stream.sse")).toolCalls()).containsExactly(
				new ToolCall("call_A1", "current_time", "{\"city\":\"上海\"}"),
				new ToolCall("call_B2", "current_time", "{\"city\":\"东京\"}"));
	}

	@Test
	void deepSeekReasoningNeverInTheTextAndEmptyIdsOnContinuations() {
		List<ChatChunk> chunks = stream("deepseek-thinking-tool-call-stream.sse");
		ChatResponse response = merged(chunks);

		assertThat(chunks).extracting(ChatChunk::delta).allMatch(String::isEmpty);
		assertThat(chunks).extracting(ChatChunk::reasoningDelta)
			.containsSubsequence("用户问上海", "现在几点，需要调用 current_time。");
		assertThat(response.reasoningContent()).isEqualTo("用户问上海现在几点，需要调用 current_time。");
		assertThat(response.toolCalls())
			.containsExactly(new ToolCall("call_00_Hc5wHxbFGaPv9N1mT2Vb8xQq", "current_time", "{\"city\": \"上海\"}"));
		assertThat(response.usage()).isEqualTo(new Usage(312, 58, 370, 256, 31));
		assertThat(response.message().reasoningContent()).isEqualTo(response.reasoningContent());
	}

	@Test
	void qwenUsageOnlyOnTheLastChunkWithNoChoices() {
		List<ChatChunk> chunks = stream("qwen-tool-call-stream.sse");
		ChatResponse response = merged(chunks);

		assertThat(chunks.subList(0, chunks.size() - 1)).extracting(ChatChunk::usage).containsOnlyNulls();
		assertThat(chunks.get(chunks.size() - 1).usage()).isEqualTo(new Usage(250, 41, 291, 0, 12));
		assertThat(response.toolCalls())
			.containsExactly(new ToolCall("call_6a1c8e3f0b9d4e2a8c7f51", "current_time", "{\"city\": \"上海\"}"));
		assertThat(response.reasoningContent()).isEqualTo("用户想知道上海的时间，调用工具。");
	}

	@Test
	void qwenRepeatingTheIdWithANullNameIsOneCall() {
		assertThat(merged(stream("qwen-repeated-id-name-null-stream.sse")).toolCalls())
			.containsExactly(new ToolCall("call_e314f59d4cb245e1a1eda5", "current_time", "{\"city\": \"上海\"}"));
	}

	@Test
	void kimiFunctionsStyleIdAndUsageReportedTwiceCountedOnce() {
		List<ChatChunk> chunks = stream("kimi-tool-call-stream.sse");
		ChatResponse response = merged(chunks);

		assertThat(chunks).filteredOn((chunk) -> chunk.usage() != null).hasSize(2);
		assertThat(response.usage()).isEqualTo(new Usage(120, 21, 141, 96, null));
		assertThat(response.content()).isEqualTo("我来查一下。");
		assertThat(response.toolCalls())
			.containsExactly(new ToolCall("functions.current_time:0", "current_time", "{\"city\": \"上海\"}"));
	}

	@Test
	void glmWholeCallInTheFinishChunk() {
		List<ChatChunk> chunks = stream("glm-tool-call-stream.sse");
		ChatChunk last = chunks.get(chunks.size() - 1);

		assertThat(last.finishReason()).isEqualTo("tool_calls");
		assertThat(last.toolCalls()).hasSize(1);
		ChatResponse response = merged(chunks);
		assertThat(response.toolCalls())
			.containsExactly(new ToolCall("call_-8120843749651870842", "current_time", "{\"city\":\"上海\"}"));
		assertThat(response.reasoningContent()).isEqualTo("用户询问上海时间，调用 current_time。");
	}

	@Test
	void vllmAndOpenRouterReasoningField() {
		ChatResponse vllm = merged(stream("vllm-reasoning-field-stream.sse"));
		assertThat(vllm.reasoningContent()).isEqualTo("Shanghai is UTC+8, so answer directly.");
		assertThat(vllm.content()).isEqualTo("上海是东八区。");

		ChatResponse openRouter = merged(stream("openrouter-reasoning-stream.sse"));
		assertThat(openRouter.reasoningContent()).isEqualTo("Shanghai is UTC+8.");
		assertThat(openRouter.content()).isEqualTo("上海现在是东八区时间。");
		assertThat(openRouter.usage().reasoningOutputTokens()).isEqualTo(12);
	}

	@Test
	void sequentialCallsReusingIndexZeroWithNewIds() {
		assertThat(merged(stream("vllm-index-reuse-stream.sse")).toolCalls()).containsExactly(
				new ToolCall("chatcmpl-tool-c9ZCzB9b9NikK5kjPBXpFG", "current_time", "{\"city\": \"上海\"}"),
				new ToolCall("chatcmpl-tool-HfzZPEVfQgvgpSJccb8Vr8", "current_time", "{\"city\": \"东京\"}"));
	}

	@Test
	void missingIndexFallsBackToTheIdThenTheLastCall() {
		assertThat(merged(stream("missing-index-stream.sse")).toolCalls()).containsExactly(
				new ToolCall("0", "current_time", "{\"city\":\"上海\"}"),
				new ToolCall("1", "current_time", "{\"city\":\"东京\"}"));
	}

	@Test
	void missingIdIsGenerated() {
		ToolCall call = merged(stream("missing-id-stream.sse")).toolCalls().get(0);

		assertThat(call.id()).matches("call_[a-z0-9]{24}");
		assertThat(call.arguments()).isEqualTo("{\"city\":\"上海\"}");
	}

	@Test
	void jsonAnswerStreamedInPieces() {
		assertThat(merged(stream("openai-json-schema-answer-stream.sse")).content())
			.isEqualTo("{\"city\":\"上海\",\"time\":\"14:05\"}");
	}

	@Test
	void streamAndCollectGivesTheWholeAnswer() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("openai-tool-call-stream.sse"))));

		ChatResponse response = this.client
			.streamAndCollect(ChatRequest.builder().user("上海几点?").model("gpt-4.1-mini").build())
			.block();

		assertThat(response).isNotNull();
		assertThat(response.toolCalls()).containsExactly(SHANGHAI);
		assertThat(response.model()).isEqualTo("gpt-4.1-mini");
	}

	@Test
	void aStreamCutInTheMiddleOfTheArgumentsFailsAndSurfacesNoHalfCall() {
		String fixture = fixture("openai-tool-call-stream.sse");
		String cut = fixture.substring(0, fixture.indexOf("data:", fixture.indexOf("上海")));
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(cut)));
		ChatResponseAccumulator whole = ChatResponseAccumulator.of(this.client);

		StepVerifier.create(this.client.stream("上海几点?").doOnNext(whole::add))
			.expectNextCount(5)
			.expectError(StreamTruncatedException.class)
			.verify();
		assertThat(whole.response().finishReason()).isNull();
	}

	private List<ChatChunk> stream(String fixture) {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture(fixture))));
		List<ChatChunk> chunks = this.client.stream("上海几点?").collectList().block();
		assertThat(chunks).isNotNull();
		return chunks;
	}

	private ChatResponse merged(List<ChatChunk> chunks) {
		ChatResponseAccumulator whole = ChatResponseAccumulator.of(this.client);
		chunks.forEach(whole::add);
		return whole.response();
	}

}
