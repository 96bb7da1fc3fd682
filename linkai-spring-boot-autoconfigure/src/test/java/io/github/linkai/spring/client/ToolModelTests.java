package io.github.linkai.spring.client;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tools in the neutral model: schemas parsed once and kept with their problem, tool calls
 * whose arguments stay raw and parse typed, messages that carry calls and results.
 */
class ToolModelTests {

	private static final String CITY_SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
			+ "\"required\":[\"city\"]}";

	@Test
	void schemaIsParsedOnceIntoAnImmutableTree() {
		JsonSchema schema = JsonSchema.parse(CITY_SCHEMA);

		assertThat(schema.problem()).isNull();
		assertThat(schema.isValid()).isTrue();
		assertThat(schema.asMap()).containsEntry("type", "object").containsEntry("required", List.of("city"));
		assertThat(schema).isEqualTo(JsonSchema.of(Map.of("type", "object", "properties",
				Map.of("city", Map.of("type", "string")), "required", List.of("city"))));
		assertThat(JsonSchema.parse(schema.toJson())).isEqualTo(schema);
		assertThat(schema.toString()).isEqualTo("JsonSchema[object, 1 properties]");
		Map<String, Object> tree = schema.asMap();
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> tree.put("x", 1));
	}

	@Test
	void schemaThatIsNoObjectKeepsWhyInsteadOfThrowing() {
		assertThat(JsonSchema.parse("{\"type\":\"object\",").problem()).startsWith("is not valid JSON (line 1");
		assertThat(JsonSchema.parse("[1]").problem()).isEqualTo("must be a JSON object but was an array");
		assertThat(JsonSchema.parse("\"x\"").problem()).isEqualTo("must be a JSON object but was a string");
		assertThat(JsonSchema.parse("{\"type\":\"string\"}").problem())
			.isEqualTo("must describe an object but its \"type\" is \"string\"");
		JsonSchema invalid = JsonSchema.parse("nope");
		assertThat(invalid.isValid()).isFalse();
		assertThat(invalid.toString()).isEqualTo("JsonSchema[invalid]");
		assertThatIllegalStateException().isThrownBy(invalid::asMap);
	}

	@Test
	void emptyObjectSchemaForToolsWithoutParameters() {
		assertThat(ToolDefinition.of("now", "The time").parameters().asMap())
			.isEqualTo(Map.of("type", "object", "properties", Map.of()));
	}

	@Test
	void argumentsStayRawAndParseTyped() {
		ToolCall call = new ToolCall("functions.current_time:0", "current_time", "{\"city\":\"上海\",\"extra\":1}");

		assertThat(call.arguments()).isEqualTo("{\"city\":\"上海\",\"extra\":1}");
		assertThat(call.arguments(CityArgs.class)).isEqualTo(new CityArgs("上海"));
		assertThat(call.argumentsMap()).containsEntry("city", "上海");
		assertThat(new ToolCall("c", "now", "").arguments(NoArgs.class)).isEqualTo(new NoArgs());
	}

	@Test
	void invalidArgumentsFailTypedQuotingNeitherTheArgumentsNorAKey() {
		ToolCall call = new ToolCall("call_1", "current_time", "{\"secret_key\":上海机密}");

		assertThat(call.arguments()).isEqualTo("{\"secret_key\":上海机密}");
		assertThatExceptionOfType(ToolArgumentsException.class).isThrownBy(() -> call.arguments(CityArgs.class))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(ToolArgumentsException.Kind.INVALID_JSON);
				assertThat(ex.toolCallId()).isEqualTo("call_1");
				assertThat(ex.toolName()).isEqualTo("current_time");
				assertThat(ex.line()).isEqualTo(1);
				assertThat(ex.getCause()).isNull();
				assertThat(ex.getMessage())
					.startsWith("Arguments of tool call call_1 (current_time) are not valid JSON")
					.doesNotContain("secret_key")
					.doesNotContain("上海");
			});
		assertThatExceptionOfType(ToolArgumentsException.class).isThrownBy(call::argumentsMap);
	}

	@Test
	void argumentsOfTheWrongShapeFailAsTypeMismatch() {
		ToolCall call = new ToolCall("call_1", "current_time", "{\"hours\":\"机密\"}");

		assertThatExceptionOfType(ToolArgumentsException.class).isThrownBy(() -> call.arguments(Hours.class))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(ToolArgumentsException.Kind.TYPE_MISMATCH);
				assertThat(ex.targetType()).isEqualTo(Hours.class);
				assertThat(ex.getMessage()).contains("do not fit Hours").doesNotContain("机密").doesNotContain("hours");
			});
		assertThatExceptionOfType(ToolArgumentsException.class)
			.isThrownBy(() -> new ToolCall("c", "t", "[1]").argumentsMap());
	}

	@Test
	void assistantMessageCarriesCallsAndReasoningAndToolResultNamesItsCall() {
		ToolCall call = new ToolCall("call_1", "current_time", "{\"city\":\"上海\"}");
		ChatMessage assistant = ChatMessage.assistant(null, List.of(call)).withReasoning("先查时间");
		ChatMessage result = ChatMessage.toolResult("call_1", "14:05");

		assertThat(assistant.parts()).isEmpty();
		assertThat(assistant.hasToolCalls()).isTrue();
		assertThat(assistant.reasoningContent()).isEqualTo("先查时间");
		assertThat(assistant.toString())
			.isEqualTo("ChatMessage[role=assistant, parts=[], toolCalls=[ToolCall[id=call_1, name=current_time, "
					+ "arguments=13 chars, providerFields=[]]], reasoningContent=4 chars]");
		assertThat(result.role()).isEqualTo(Role.TOOL);
		assertThat(result.toolCallId()).isEqualTo("call_1");
		assertThat(result.text()).isEqualTo("14:05");
		assertThat(result.toString()).doesNotContain("14:05");
	}

	@Test
	void shapesThatCannotExistAreRejected() {
		ToolCall call = new ToolCall("call_1", "now", "{}");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ChatMessage(Role.USER, List.of(ContentPart.text("x")), List.of(call), null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ChatMessage(Role.USER, List.of(ContentPart.text("x")), List.of(), "call_1", null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ChatMessage(Role.TOOL, List.of(ContentPart.text("x")), List.of(), null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new ToolChoice(ToolChoice.Kind.AUTO, "now"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ResponseFormat(ResponseFormat.Type.TEXT, "x", null, null));
	}

	@Test
	void answerBecomesTheAssistantMessageToSendBack() {
		ToolCall call = new ToolCall("call_1", "current_time", "{}");
		ChatResponse answer = ChatResponse.builder("openai", "default")
			.reasoningContent("想一想")
			.toolCalls(List.of(call))
			.finishReason("tool_calls")
			.build();

		ChatRequest next = ChatRequest.builder()
			.user("上海几点?")
			.message(answer.message())
			.toolResult("call_1", "14:05")
			.tool(ToolDefinition.of("current_time", null))
			.build();

		assertThat(answer.hasToolCalls()).isTrue();
		assertThat(next.messages().get(1)).isEqualTo(ChatMessage.assistant("", List.of(call)).withReasoning("想一想"));
		assertThat(next.messages().get(2).toolCallId()).isEqualTo("call_1");
		assertThat(next.mutate().build()).isEqualTo(next);
		assertThat(next.toString()).endsWith("tools=[current_time]]");
	}

	@Test
	void usageKeepsItsCachedAndReasoningParts() {
		Usage usage = Usage.of(312, 58, null, 256, 31);

		assertThat(usage.totalTokens()).isEqualTo(370);
		assertThat(usage.toString()).isEqualTo(
				"Usage[inputTokens=312, outputTokens=58, totalTokens=370, cachedInputTokens=256, reasoningOutputTokens=31]");
		assertThat(new Usage(1, 2, 3)).isEqualTo(Usage.of(1, 2, 3));
	}

	@Test
	void mediaKindFromThePathsExtension() {
		assertThat(AnswerMedia.ofUrl("https://cdn.link-ai.tech/a/cat.PNG?x=1.mp4").kind())
			.isEqualTo(AnswerMedia.Kind.IMAGE);
		assertThat(AnswerMedia.ofUrl("https://cdn.link-ai.tech/a/clip.mp4").kind()).isEqualTo(AnswerMedia.Kind.VIDEO);
		assertThat(AnswerMedia.ofUrl("https://cdn.link-ai.tech/a/report.xlsx#p2").kind())
			.isEqualTo(AnswerMedia.Kind.FILE);
		assertThat(AnswerMedia.ofUrl("https://cdn.link-ai.tech/a.b/noext").kind()).isEqualTo(AnswerMedia.Kind.IMAGE);
	}

	record CityArgs(String city) {
	}

	record NoArgs() {
	}

	record Hours(int hours) {
	}

}
