package io.github.linkai.spring.provider.openai;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.ToolArgumentsException;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.spi.WireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A streamed answer taken whole ({@code streamAndCollect}) and sent back as the next
 * turn, as a tool loop over streams does: the reasoning and the ids exactly as they came,
 * the usage once and the last reported, arguments that are not JSON kept raw.
 */
class OpenAiStreamedTurnTests {

	private static final String KIMI_HEAD = "data: {\"id\":\"chatcmpl-6936\",\"object\":\"chat.completion.chunk\","
			+ "\"model\":\"kimi-k2-0905-preview\",\"choices\":";

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ChatClient client = chatClient(wm);

	@Test
	void deepSeeksStreamedReasoningIsSentBackOnTheToolCallTurn() {
		ChatResponse answer = streamed("deepseek-thinking-tool-call-stream.sse");

		JsonNode sent = nextTurn(answer);

		assertThat(sent.get(1).get("reasoning_content").asString()).isEqualTo("用户问上海现在几点，需要调用 current_time。");
		assertThat(sent.get(1).get("tool_calls").get(0).get("id").asString())
			.isEqualTo("call_00_Hc5wHxbFGaPv9N1mT2Vb8xQq");
		assertThat(sent.get(2).get("tool_call_id").asString()).isEqualTo("call_00_Hc5wHxbFGaPv9N1mT2Vb8xQq");
		assertThat(sent.get(1).get("content").isNull()).as("no reasoning token became text").isTrue();
	}

	@Test
	void kimisFunctionsStyleIdGoesBackAsItCameWithTheTextBeforeTheCall() {
		ChatResponse answer = streamed("kimi-tool-call-stream.sse");

		JsonNode sent = nextTurn(answer);

		assertThat(sent.get(1).get("content").asString()).isEqualTo("我来查一下。");
		assertThat(sent.get(1).get("tool_calls").get(0).get("id").asString()).isEqualTo("functions.current_time:0");
		assertThat(sent.get(2).get("tool_call_id").asString()).isEqualTo("functions.current_time:0");
	}

	@Test
	void kimisUsageInTheFinishChunkAndATrailingChunkIsTheLastOneNeverASum() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(KIMI_HEAD
				+ "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"好\"},\"finish_reason\":null}]}\n\n"
				+ KIMI_HEAD + "[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\",\"usage\":{\"prompt_tokens\":120,"
				+ "\"completion_tokens\":20,\"total_tokens\":140}}]}\n\n" + KIMI_HEAD
				+ "[],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":21,\"total_tokens\":141,"
				+ "\"cached_tokens\":96}}\n\ndata: [DONE]\n\n")));

		List<ChatChunk> chunks = this.client.stream(request()).collectList().block();
		ChatResponse whole = this.client.streamAndCollect(request()).block();

		assertThat(chunks).isNotNull().extracting(ChatChunk::usage).filteredOn((usage) -> usage != null).hasSize(2);
		assertThat(whole).isNotNull();
		assertThat(whole.usage()).isEqualTo(new Usage(120, 21, 141, 96, null));
		assertThat(whole.content()).isEqualTo("好");
	}

	@Test
	void streamedArgumentsThatAreNotJsonStayRawAndFailTypedWithoutQuotingThem() {
		String head = "data: {\"choices\":[{\"index\":0,\"delta\":";
		String tail = ",\"finish_reason\":null}]}\n\n";
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(head
				+ "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":"
				+ "\"function\",\"function\":{\"name\":\"current_time\",\"arguments\":\"\"}}]}" + tail + head
				+ "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}" + tail + head
				+ "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"上海}\"}}]}" + tail + head
				+ "{},\"finish_reason\":\"tool_calls\"}]}\n\ndata: [DONE]\n\n")));

		ChatResponse whole = this.client.streamAndCollect(request()).block();

		assertThat(whole).isNotNull();
		ToolCall call = whole.toolCalls().get(0);
		assertThat(call.arguments()).isEqualTo("{\"city\":上海}");
		assertThatExceptionOfType(ToolArgumentsException.class).isThrownBy(() -> call.arguments(City.class))
			.satisfies((error) -> assertThat(printed(error)).doesNotContain("上海")
				.doesNotContain("\"city\"")
				.doesNotContain(API_KEY));
	}

	private ChatResponse streamed(String fixture) {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture(fixture))));
		ChatResponse answer = this.client.streamAndCollect(request()).block();
		assertThat(answer).isNotNull();
		assertThat(answer.hasToolCalls()).isTrue();
		return answer;
	}

	/** Sends the answer and its calls' results as the next turn; the messages sent. */
	private JsonNode nextTurn(ChatResponse answer) {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, fixture("reply.json"))));
		ChatRequest.Builder next = request().mutate().message(answer.message());
		answer.toolCalls().forEach((call) -> next.toolResult(call.id(), "14:05"));
		this.client.chat(next.build());
		return WireJson.mapper()
			.readTree(wm.findAll(anyRequestedFor(anyUrl())).get(1).getBodyAsString())
			.get("messages");
	}

	private static ChatRequest request() {
		return ChatRequest.builder().user("上海现在几点?").tool(OpenAiToolRequestTests.CURRENT_TIME).build();
	}

	record City(String city) {
	}

}
