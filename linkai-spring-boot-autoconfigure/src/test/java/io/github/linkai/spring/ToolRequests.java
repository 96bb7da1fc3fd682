package io.github.linkai.spring;

import java.util.List;
import java.util.stream.Stream;

import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.JsonSchema;
import io.github.linkai.spring.client.ResponseFormat;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.ToolChoice;
import io.github.linkai.spring.client.ToolDefinition;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Requests using tools or a response format, for the suites of endpoints that send
 * neither: each names the field the validation error must name.
 */
public final class ToolRequests {

	/** The tool the suites use. */
	public static final ToolDefinition CURRENT_TIME = ToolDefinition
		.of("current_time", "The current time in a city", JsonSchema.parse(
				"{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}," + "\"required\":[\"city\"]}"));

	/** A call of {@link #CURRENT_TIME}. */
	public static final ToolCall CALL = new ToolCall("call_1", "current_time", "{\"city\":\"上海\"}");

	private ToolRequests() {
	}

	/** (field, request) pairs: every way a request can use tools or a response format. */
	public static Stream<Arguments> usingToolsOrResponseFormat() {
		return Stream.of(Arguments.of("tools", user().tool(CURRENT_TIME).build()),
				Arguments.of("toolChoice", user().toolChoice(ToolChoice.auto()).build()),
				Arguments.of("parallelToolCalls", user().parallelToolCalls(false).build()),
				Arguments.of("responseFormat", user().responseFormat(ResponseFormat.jsonObject()).build()),
				Arguments.of("responseFormat", user().responseFormat(ResponseFormat.text()).build()),
				Arguments.of("messages[1].toolCalls",
						user().message(ChatMessage.assistant(null, List.of(CALL)))
							.toolResult("call_1", "14:05")
							.build()),
				Arguments.of("messages[1]", user().toolResult("call_1", "14:05").build()));
	}

	private static ChatRequest.Builder user() {
		return ChatRequest.builder().user("上海现在几点?");
	}

}
