package io.github.linkai.spring;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.linkai.spring.client.ChatEndpoint;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.JsonSchema;
import io.github.linkai.spring.client.ResponseFormat;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.ToolChoice;
import io.github.linkai.spring.client.ToolDefinition;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import org.junit.jupiter.params.provider.Arguments;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Requests using tools or a response format, for the suites of endpoints that send
 * neither: each names the field the validation error must name; and the assertion those
 * suites share.
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

	/**
	 * Asserts that a blocking call and a stream of the request both fail validation
	 * naming the field and the provider; the blocking call's problem is checked further
	 * by {@code problem}. The suites check that nothing was sent.
	 */
	public static void assertRejected(ChatEndpoint endpoint, String field, ChatRequest request, String provider,
			Consumer<String> problem) {
		assertThatExceptionOfType(ChatRequestValidationException.class).isThrownBy(() -> endpoint.chat(request))
			.satisfies((error) -> {
				assertThat(error.field()).isEqualTo(field);
				assertThat(error.provider()).isEqualTo(provider);
				problem.accept(error.problem());
			});
		StepVerifier.create(endpoint.stream(request))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(ChatRequestValidationException.class, (e) -> {
						assertThat(e.field()).isEqualTo(field);
						assertThat(e.provider()).isEqualTo(provider);
					}))
			.verify();
	}

	private static ChatRequest.Builder user() {
		return ChatRequest.builder().user("上海现在几点?");
	}

}
