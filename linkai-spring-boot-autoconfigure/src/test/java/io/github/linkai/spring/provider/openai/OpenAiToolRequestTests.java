package io.github.linkai.spring.provider.openai;

import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.JsonSchema;
import io.github.linkai.spring.client.ResponseFormat;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.ToolChoice;
import io.github.linkai.spring.client.ToolDefinition;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.spi.WireJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.WireTestSupport.assertTextMessage;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.CHAT_PATH;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.assertNoRequestSent;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.chatClient;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.eventStream;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.fixture;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.json;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.onlyRequestBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What an OpenAI-compatible client sends for tools, tool-call turns, reasoning and
 * response formats: the documented shapes, reasoning sent back as DeepSeek's thinking
 * mode needs it, and requests breaking the rules rejected before anything is sent.
 */
class OpenAiToolRequestTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final ToolDefinition CURRENT_TIME = ToolDefinition.of("current_time", "The current local time in a city",
			JsonSchema.parse("""
					{"type": "object", "properties": {"city": {"type": "string", "description": "The city's name"}},
					 "required": ["city"], "additionalProperties": false}"""));

	static final ToolCall SHANGHAI = new ToolCall("call_00_Hc5wHxbFGaPv9N1mT2Vb8xQq", "current_time",
			"{\"city\": \"上海\"}");

	static final ToolCall TOKYO = new ToolCall("call_01_Qm8tLr3Zx0Yv5Nc2Pd7Ws4Ke", "current_time",
			"{\"city\": \"东京\"}");

	private final ChatClient client = chatClient(wm);

	@BeforeEach
	void stubReplies() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, fixture("reply.json"))));
	}

	@Test
	void toolCallTurnAndToolResultsInTheDocumentedShape() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("stream.sse"))));
		ChatRequest request = ChatRequest.builder()
			.model("deepseek-v4-flash")
			.system("你是一个助手。")
			.user("上海和东京现在几点？")
			.message(
					ChatMessage.assistant(null, List.of(SHANGHAI, TOKYO)).withReasoning("用户问两个城市，需要两次调用 current_time。"))
			.toolResult(SHANGHAI.id(), "2026-01-01T14:05:00+08:00")
			.toolResult(TOKYO.id(), "2026-01-01T15:05:00+09:00")
			.tool(CURRENT_TIME.withStrict(true))
			.toolChoice(ToolChoice.auto())
			.parallelToolCalls(true)
			.providerOptions(OpenAiOptions.builder().reasoningEffort("high").build())
			.build();

		this.client.stream(request).blockLast();

		assertThat(onlyRequestBody(wm)).isEqualTo(tree(fixture("openai-request-tool-turn.json")));
	}

	@Test
	void jsonSchemaResponseFormatInTheDocumentedShape() {
		this.client.chat(ChatRequest.builder()
			.model("gpt-4.1-mini")
			.user("上海现在几点？")
			.responseFormat(ResponseFormat.jsonSchema("city_time", JsonSchema.parse("""
					{"type": "object", "properties": {"city": {"type": "string"}, "time": {"type": "string"}},
					 "required": ["city", "time"], "additionalProperties": false}""")).withStrict(true))
			.build());

		assertThat(onlyRequestBody(wm)).isEqualTo(tree(fixture("openai-request-json-schema.json")));
	}

	static Stream<Arguments> toolChoices() {
		return Stream.of(Arguments.of(ToolChoice.auto(), "\"auto\""), Arguments.of(ToolChoice.none(), "\"none\""),
				Arguments.of(ToolChoice.required(), "\"required\""), Arguments.of(ToolChoice.function("current_time"),
						"{\"type\":\"function\",\"function\":{\"name\":\"current_time\"}}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("toolChoices")
	void toolChoiceInEachShape(ToolChoice choice, String expected) {
		this.client.chat(ChatRequest.builder().user("几点了?").tool(CURRENT_TIME).toolChoice(choice).build());

		assertThat(onlyRequestBody(wm).get("tool_choice")).isEqualTo(tree(expected));
	}

	static Stream<Arguments> responseFormats() {
		return Stream.of(Arguments.of(ResponseFormat.text(), "{\"type\":\"text\"}"),
				Arguments.of(ResponseFormat.jsonObject(), "{\"type\":\"json_object\"}"),
				Arguments.of(ResponseFormat.jsonSchema("answer", JsonSchema.emptyObject()),
						"{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"answer\","
								+ "\"schema\":{\"type\":\"object\",\"properties\":{}}}}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("responseFormats")
	void responseFormatInEachShape(ResponseFormat format, String expected) {
		this.client.chat(ChatRequest.builder().user("answer in JSON").responseFormat(format).build());

		assertThat(onlyRequestBody(wm).get("response_format")).isEqualTo(tree(expected));
	}

	@Test
	void toolWithoutStrictOrDescriptionAndWithoutParametersLeavesThemOutOrSendsAnEmptyObject() {
		this.client.chat(ChatRequest.builder().user("几点了?").tool(ToolDefinition.of("now", null)).build());

		JsonNode body = onlyRequestBody(wm);
		assertThat(body.get("tools"))
			.isEqualTo(tree("[{\"type\":\"function\",\"function\":{\"name\":\"now\",\"parameters\":"
					+ "{\"type\":\"object\",\"properties\":{}}}}]"));
		assertThat(body.has("tool_choice")).isFalse();
		assertThat(body.has("parallel_tool_calls")).isFalse();
		assertThat(body.has("reasoning_effort")).isFalse();
	}

	@Test
	void reasoningIsSentBackAndOtherAssistantMessagesGetAnEmptyOneOnceToolsAndReasoningMeet() {
		this.client.chat(ChatRequest.builder()
			.user("你好")
			.assistant("你好!")
			.user("上海几点?")
			.message(ChatMessage.assistant(null, List.of(SHANGHAI)).withReasoning("查一下"))
			.toolResult(SHANGHAI.id(), "14:05")
			.tool(CURRENT_TIME)
			.build());

		JsonNode messages = onlyRequestBody(wm).get("messages");
		assertThat(messages.get(1).get("reasoning_content").asString()).isEmpty();
		assertThat(messages.get(3).get("reasoning_content").asString()).isEqualTo("查一下");
		assertThat(messages.get(3).get("content").isNull()).isTrue();
		assertThat(messages.get(4).propertyNames()).containsExactly("role", "content", "tool_call_id");
		assertThat(messages.get(0).has("reasoning_content")).isFalse();
	}

	@Test
	void aConversationWithoutReasoningNeverSendsTheField() {
		this.client.chat(ChatRequest.builder()
			.user("上海几点?")
			.message(ChatMessage.assistant("我查一下。", List.of(SHANGHAI)))
			.toolResult(SHANGHAI.id(), "14:05")
			.tool(CURRENT_TIME)
			.build());

		JsonNode assistant = onlyRequestBody(wm).get("messages").get(1);
		assertThat(assistant.propertyNames()).containsExactly("role", "content", "tool_calls");
		assertThat(assistant.get("content").asString()).isEqualTo("我查一下。");
	}

	@Test
	void reasoningIsNotSentBackWhenTurnedOff() {
		ChatClient noReplay = chatClient(wm, OpenAiOptions.builder().replayReasoning(false).build());

		noReplay.chat(ChatRequest.builder()
			.user("上海几点?")
			.message(ChatMessage.assistant(null, List.of(SHANGHAI)).withReasoning("查一下"))
			.toolResult(SHANGHAI.id(), "14:05")
			.tool(CURRENT_TIME)
			.build());

		assertThat(onlyRequestBody(wm).get("messages").get(1).has("reasoning_content")).isFalse();
	}

	@Test
	void plainMessagesKeepTheirShape() {
		this.client.chat(ChatRequest.builder().user("你好").assistant("你好!").user("再见").build());

		JsonNode messages = onlyRequestBody(wm).get("messages");
		assertTextMessage(messages.get(1), "assistant", "你好!");
	}

	@Test
	void extraBodyMayStillCarryAResponseFormatAlone() {
		ChatClient withExtra = chatClient(wm,
				OpenAiOptions.builder().extraBody("response_format", java.util.Map.of("type", "json_object")).build());

		withExtra.chat("你好");

		assertThat(onlyRequestBody(wm).get("response_format")).isEqualTo(tree("{\"type\":\"json_object\"}"));
	}

	static Stream<Arguments> invalidRequests() {
		ToolDefinition brokenSchema = ToolDefinition.of("current_time", null, JsonSchema.parse("{\"type\":"));
		return Stream
			.of(invalid("tools[0].name", "must not be blank", user().tool(ToolDefinition.of(" ", null))),
					invalid("tools[0].name", "must be at most 64 characters but was 65",
							user().tool(ToolDefinition.of("t".repeat(65), null))),
					invalid("tools[0].name", "(当前时间) must match [a-zA-Z0-9_-]{1,64}",
							user().tool(ToolDefinition.of("当前时间", null))),
					invalid("tools[1].name", "duplicates tools[0].name (current_time)",
							user().tool(CURRENT_TIME).tool(CURRENT_TIME)),
					invalid("tools[0].description", "must not be blank when set",
							user().tool(ToolDefinition.of("now", " "))),
					invalid("tools[0].parameters", "is not valid JSON (line 1, column 9)", user().tool(brokenSchema)),
					invalid("tools[0].parameters", "must be a JSON object but was an array",
							user().tool(ToolDefinition.of("now", null, JsonSchema.parse("[]")))),
					invalid("toolChoice", "is set but tools is empty", user().toolChoice(ToolChoice.required())),
					invalid("toolChoice", "names current_tim, which is not one of tools [current_time]",
							user().tool(CURRENT_TIME).toolChoice(ToolChoice.function("current_tim"))),
					invalid("parallelToolCalls", "is set but tools is empty", user().parallelToolCalls(true)),
					invalid("messages[2].toolCallId", "must be set: a tool result answers one tool call",
							user().message(ChatMessage.assistant(null, List.of(SHANGHAI))).toolResult(" ", "14:05")),
					invalid("messages[3].toolCallId",
							"(call_x) matches no tool call of the assistant message before it",
							user().message(ChatMessage.assistant(null, List.of(SHANGHAI)))
								.toolResult(SHANGHAI.id(), "14:05")
								.toolResult("call_x", "15:05")),
					invalid("messages[1].toolCallId", "matches no tool call of the assistant message before it",
							user().toolResult(SHANGHAI.id(), "14:05")),
					invalid("messages[1].toolCalls[1]", "has no tool result before the next message that is not one",
							user().message(ChatMessage.assistant(null, List.of(SHANGHAI, TOKYO)))
								.toolResult(SHANGHAI.id(), "14:05")
								.user("还有东京?")),
					invalid("messages[1].toolCalls[0].id", "must not be blank",
							user()
								.message(ChatMessage.assistant(null, List.of(new ToolCall(" ", "current_time", "{}"))))
								.toolResult("x", "14:05")),
					invalid("messages[2].content", "must not be blank",
							user().message(ChatMessage.assistant(null, List.of(SHANGHAI)))
								.toolResult(SHANGHAI.id(), " ")),
					invalid("responseFormat.name", "must not be blank",
							user().responseFormat(ResponseFormat.jsonSchema(" ", JsonSchema.emptyObject()))),
					invalid("responseFormat.name", "must match [a-zA-Z0-9_-]{1,64}",
							user().responseFormat(ResponseFormat.jsonSchema("城市", JsonSchema.emptyObject()))),
					invalid("responseFormat.schema", "must be a JSON object but was a number",
							user().responseFormat(ResponseFormat.jsonSchema("answer", JsonSchema.parse("1")))),
					invalid("responseFormat", "requires the word \"json\" in a system or user message",
							user().responseFormat(ResponseFormat.jsonObject())),
					invalid("extraBody.response_format", "is set and so is responseFormat: set it once",
							ChatRequest.builder()
								.user("answer in json")
								.responseFormat(ResponseFormat.jsonObject())
								.providerOptions(OpenAiOptions.builder().extraBody("response_format", "x").build())),
					invalid("extraBody.tools", "is set and so is tools: set it once",
							user().tool(CURRENT_TIME)
								.providerOptions(OpenAiOptions.builder().extraBody("tools", List.of()).build())),
					invalid("extraBody.reasoning_effort", "is set and so is reasoningEffort: set it once",
							user().providerOptions(OpenAiOptions.builder()
								.reasoningEffort("high")
								.extraBody("reasoning_effort", "low")
								.build())),
					invalid("reasoningEffort", "must not be blank when set",
							user().providerOptions(OpenAiOptions.builder().reasoningEffort(" ").build())));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("invalidRequests")
	void chatRejectsTheRequestWithoutSendingIt(String field, String problem, ChatRequest request) {
		assertThatExceptionOfType(ChatRequestValidationException.class).isThrownBy(() -> this.client.chat(request))
			.satisfies((error) -> {
				assertThat(error.field()).isEqualTo(field);
				assertThat(error.provider()).isEqualTo("openai");
				assertThat(error.problem()).contains(problem).doesNotContain("上海").doesNotContain("14:05");
			});
		assertNoRequestSent(wm);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("invalidRequests")
	void streamRejectsTheRequestWithoutSendingIt(String field, String problem, ChatRequest request) {
		StepVerifier.create(this.client.stream(request))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(
					ChatRequestValidationException.class, (e) -> assertThat(e.field()).isEqualTo(field)))
			.verify();
		assertNoRequestSent(wm);
	}

	private static ChatRequest.Builder user() {
		return ChatRequest.builder().user("上海现在几点?");
	}

	private static Arguments invalid(String field, String problem, ChatRequest.Builder request) {
		return Arguments.of(field, problem, request.build());
	}

	private static JsonNode tree(String json) {
		return WireJson.mapper().readTree(json);
	}

}
