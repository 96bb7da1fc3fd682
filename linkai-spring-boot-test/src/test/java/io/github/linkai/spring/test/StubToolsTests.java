package io.github.linkai.spring.test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.github.linkai.spring.client.AnswerMedia;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.JsonSchema;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.ToolDefinition;
import io.github.linkai.spring.client.error.BadRequestException;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.client.http.RetryPolicy;
import io.github.linkai.spring.provider.linkai.LinkAi;
import io.github.linkai.spring.provider.linkai.LinkAiOptions;
import io.github.linkai.spring.provider.linkai.LinkAiSettings;
import io.github.linkai.spring.provider.openai.OpenAi;
import io.github.linkai.spring.provider.openai.OpenAiOptions;
import io.github.linkai.spring.provider.openai.OpenAiSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tool calls, reasoning and JSON answers scripted on the stub, as a host application's
 * tests use them: the starter's own clients merge the stub's fragments in every wire
 * style, run a tool loop against it, and meet OpenAI's and DeepSeek's 400s.
 */
class StubToolsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ToolDefinition CURRENT_TIME = ToolDefinition.of("current_time", "The time in a city",
			JsonSchema.parse("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"));

	private static final StubToolCall SHANGHAI = StubToolCall.of("current_time", "{\"city\":\"上海\"}");

	private static ProviderStub stub;

	private static ProviderStub strict;

	@BeforeAll
	static void startStubs() {
		stub = ProviderStub.start();
		strict = ProviderStub.builder().requireReasoningReplay(true).start();
	}

	@AfterAll
	static void stopStubs() {
		stub.close();
		strict.close();
	}

	@BeforeEach
	void reset() {
		stub.reset();
		strict.reset();
	}

	@ParameterizedTest
	@EnumSource
	void streamedToolCallsMergeIntoTheScriptedCallsInEveryWireStyle(StubWireStyle style) {
		stub.enqueue(StubAnswer.toolCalls(SHANGHAI, StubToolCall.of("current_time", "{\"city\":\"东京\"}"))
			.withReasoning("用户问两个城市,各查一次。")
			.withWireStyle(style));

		ChatResponse answer = openAi(stub).streamAndCollect(request()).block();

		assertThat(answer).isNotNull();
		assertThat(answer.toolCalls()).extracting(ToolCall::name, ToolCall::arguments)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("current_time", "{\"city\":\"上海\"}"),
					org.assertj.core.groups.Tuple.tuple("current_time", "{\"city\":\"东京\"}"));
		assertThat(answer.finishReason()).isEqualTo("tool_calls");
		assertThat(answer.reasoningContent()).isEqualTo("用户问两个城市,各查一次。");
		assertThat(answer.content()).isEmpty();
		assertThat(answer.usage()).isNotNull();
		assertThat(answer.usage().reasoningOutputTokens()).isPositive();
		if (style == StubWireStyle.KIMI) {
			assertThat(answer.toolCalls()).extracting(ToolCall::id)
				.containsExactly("functions.current_time:0", "functions.current_time:1");
		}
	}

	@Test
	void fragmentsHaveEachStylesShape() {
		List<JsonNode> openAi = events(StubWireStyle.OPENAI);
		assertThat(openAi.get(1).at("/choices/0/delta/tool_calls/0/function/name").asString())
			.isEqualTo("current_time");
		assertThat(openAi.get(2).at("/choices/0/delta/tool_calls/0").propertyNames()).containsExactly("index",
				"function");

		List<JsonNode> deepSeek = events(StubWireStyle.DEEPSEEK);
		assertThat(deepSeek.get(2).at("/choices/0/delta/tool_calls/0/id").asString()).isEmpty();

		List<JsonNode> qwen = events(StubWireStyle.QWEN);
		assertThat(qwen.get(2).at("/choices/0/delta/tool_calls/0/function/name").isNull()).isTrue();
		assertThat(qwen.get(2).at("/choices/0/delta/tool_calls/0/id").asString())
			.isEqualTo(qwen.get(1).at("/choices/0/delta/tool_calls/0/id").asString());

		List<JsonNode> kimi = events(StubWireStyle.KIMI);
		assertThat(kimi.get(kimi.size() - 2).at("/choices/0/usage/total_tokens").isNumber()).isTrue();
		assertThat(kimi.get(kimi.size() - 1).at("/usage/total_tokens").isNumber()).isTrue();

		List<JsonNode> glm = events(StubWireStyle.GLM);
		JsonNode finish = glm.get(glm.size() - 1);
		assertThat(finish.at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
		assertThat(finish.at("/choices/0/delta/tool_calls/0/function/arguments").asString())
			.isEqualTo("{\"city\":\"上海\"}");
		assertThat(finish.at("/usage/total_tokens").isNumber()).isTrue();
	}

	@Test
	void aToolLoopRunsAgainstTheStubWithAnAnswerComputedFromTheRequest() {
		stub.on(StubRequests.hasTools())
			.answerWith((request) -> StubRequests.lastMessageRole("tool").test(request) ? StubAnswer.text("上海现在 14:05。")
					: StubAnswer.toolCalls(SHANGHAI).withReasoning("先查时间"));
		ChatClient client = openAi(stub);
		ChatRequest request = request();

		ChatResponse first = client.chat(request);
		assertThat(first.toolCalls()).hasSize(1);
		ChatRequest.Builder next = request.mutate().message(first.message());
		for (ToolCall call : first.toolCalls()) {
			next.toolResult(call.id(), "14:05");
		}
		ChatResponse second = client.chat(next.build());

		assertThat(second.content()).isEqualTo("上海现在 14:05。");
		assertThat(stub.requests()).hasSize(2);
		assertThat(stub.lastRequest().toolNames()).containsExactly("current_time");
		assertThat(stub.lastRequest().lastMessageRole()).isEqualTo("tool");
		assertThat(stub.lastRequest().bodyText("/messages/1/reasoning_content")).isEqualTo("先查时间");
	}

	@Test
	void theStubsOwnAnswerAfterToolResultsQuotesThem() {
		ChatResponse answer = openAi(stub).chat(request().mutate()
			.message(ChatMessage.assistant(null, List.of(new ToolCall("call_1", "current_time", "{}"))))
			.toolResult("call_1", "14:05")
			.build());

		assertThat(answer.content()).isEqualTo("根据工具结果:“14:05”。");
	}

	@Test
	void reasoningNotSentBackIsDeepSeeksBadRequestWhenTheStubRequiresIt() {
		ChatRequest history = request().mutate()
			.message(ChatMessage.assistant(null, List.of(new ToolCall("call_1", "current_time", "{}"))))
			.toolResult("call_1", "14:05")
			.build();

		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> openAi(strict).chat(history))
			.satisfies((ex) -> assertThat(ex.errorMessage()).isEqualTo(ToolBodies.REASONING_NOT_PASSED_BACK));

		ChatRequest withReasoning = request().mutate()
			.message(ChatMessage.assistant(null, List.of(new ToolCall("call_1", "current_time", "{}")))
				.withReasoning("查一下"))
			.toolResult("call_1", "14:05")
			.build();
		assertThat(openAi(strict).chat(withReasoning).content()).isNotEmpty();
	}

	@Test
	void openAisOwnBadRequestsForWhatAClientShouldNeverSend() {
		String url = stub.baseUrl("openai") + "/chat/completions";
		String auth = "Bearer " + stub.apiKey();
		assertRejected(url, auth,
				"{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]," + "\"tool_choice\":\"auto\"}",
				"'tool_choice' is only allowed when 'tools' are specified");
		assertRejected(url, auth,
				"{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\","
						+ "\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":"
						+ "{\"name\":\"now\",\"arguments\":\"{}\"}}]},{\"role\":\"user\",\"content\":\"?\"}]}",
				"did not have response messages: call_1");
		assertRejected(url, auth,
				"{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
						+ "{\"role\":\"tool\",\"tool_call_id\":\"call_9\",\"content\":\"x\"}]}",
				"must be a response to a preceeding message with 'tool_calls'");
		assertRejected(url, auth, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
				+ "\"response_format\":{\"type\":\"json_object\"}}", "must contain the word 'json'");
		assertRejected(url, auth,
				"{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"type\":"
						+ "\"function\",\"function\":{\"name\":\"now\"}}],\"tool_choice\":{\"type\":\"function\","
						+ "\"function\":{\"name\":\"later\"}}}",
				"no function named 'later'");
	}

	@Test
	void aJsonAnswerStreamsItsTextInPiecesAndBrokenJsonIsRefusedWhenScripted() {
		stub.enqueue(StubAnswer.json("{\"city\":\"上海\",\"time\":\"14:05\"}"));

		List<ChatChunk> chunks = openAi(stub).stream(ChatRequest.of("上海几点? 用 JSON 回答")).collectList().block();

		assertThat(chunks).hasSizeGreaterThan(3);
		assertThat(String.join("", chunks.stream().map(ChatChunk::delta).toList()))
			.isEqualTo("{\"city\":\"上海\",\"time\":\"14:05\"}");
		assertThatIllegalArgumentException().isThrownBy(() -> StubAnswer.json("{\"city\":"));
	}

	@Test
	void linkAiChatAnswersToolCallsReasoningAndMedia() {
		stub.enqueue(StubAnswer.toolCalls(SHANGHAI).withReasoning("先查时间"),
				StubAnswer.text("海报做好了").withMedia("https://cdn.example.com/poster.png"));
		ChatClient client = linkAi();

		ChatResponse first = client.streamAndCollect(request()).block();
		assertThat(first).isNotNull();
		assertThat(first.toolCalls()).extracting(ToolCall::arguments).containsExactly("{\"city\":\"上海\"}");
		assertThat(first.reasoningContent()).isEqualTo("先查时间");

		ChatResponse second = client.chat(
				request().mutate().message(first.message()).toolResult(first.toolCalls().get(0).id(), "14:05").build());
		assertThat(second.content()).isEqualTo("海报做好了");
		assertThat(second.media()).containsExactly(AnswerMedia.ofUrl("https://cdn.example.com/poster.png"));
		assertThat(stub.lastRequest().bodyText("/messages/2/role")).isEqualTo("tool");
	}

	private static void assertRejected(String url, String auth, String body, String message) {
		HttpResponse<String> response = RawHttp.post(url, body, "Authorization", auth);
		assertThat(response.statusCode()).as(body).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).at("/error/message").asString()).contains(message);
	}

	private static List<JsonNode> events(StubWireStyle style) {
		stub.enqueue(StubAnswer.toolCalls(SHANGHAI).withWireStyle(style));
		HttpResponse<String> response = RawHttp.post(stub.baseUrl("openai") + "/chat/completions",
				"{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"几点?\"}],"
						+ "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"current_time\"}}]}",
				"Authorization", "Bearer " + stub.apiKey());
		List<JsonNode> events = new ArrayList<>();
		for (String block : response.body().split("\n\n")) {
			String data = block.strip().substring("data:".length()).strip();
			if (!data.equals("[DONE]")) {
				events.add(JSON.readTree(data));
			}
		}
		return events;
	}

	private static ChatRequest request() {
		return ChatRequest.builder().user("上海现在几点?").tool(CURRENT_TIME).build();
	}

	private static ChatClient openAi(ProviderStub target) {
		return OpenAi.chatClient(new OpenAiSettings(target.apiKey(), target.baseUrl("openai"), OpenAiOptions.none()),
				new HttpChatClientFactory(new ReactorClientHttpConnector(),
						ClientSettings.builder("test")
							.defaults(new ChatOptions("deepseek-chat", null, null, null))
							.retry(RetryPolicy.none())
							.build()));
	}

	private static ChatClient linkAi() {
		return LinkAi.chatClient(new LinkAiSettings(stub.apiKey(), stub.baseUrl(), LinkAiOptions.none()),
				new HttpChatClientFactory(new ReactorClientHttpConnector(),
						ClientSettings.builder("test").retry(RetryPolicy.none()).build()));
	}

}
