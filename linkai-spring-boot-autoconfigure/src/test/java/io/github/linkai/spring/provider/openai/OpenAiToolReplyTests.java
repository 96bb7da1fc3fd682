package io.github.linkai.spring.provider.openai;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.ToolArgumentsException;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.error.BadRequestException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
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
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.fixture;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Complete replies that call tools or reason: the calls whole, reasoning apart from the
 * text, usage with its cached and reasoning parts, and the answer sent back on the next
 * turn in the shape DeepSeek's thinking mode requires.
 */
class OpenAiToolReplyTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ChatClient client = chatClient(wm);

	@Test
	void openAiReplyWithTwoToolCalls() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, fixture("openai-tool-call-reply.json"))));

		ChatResponse response = this.client.chat(request());

		assertThat(response.content()).isEmpty();
		assertThat(response.reasoningContent()).isNull();
		assertThat(response.finishReason()).isEqualTo("tool_calls");
		assertThat(response.toolCalls()).containsExactly(
				new ToolCall("call_Vq3mJ8n2kP0aTz7L", "current_time", "{\"city\":\"上海\"}"),
				new ToolCall("call_Xk2pW9r4mN1bQs6D", "current_time", "{\"city\":\"东京\"}"));
		assertThat(response.usage()).isEqualTo(new Usage(1187, 52, 1239, 1024, 0));
		assertThat(response.providerFields()).doesNotContainKey("refusal");
	}

	@Test
	void deepSeekThinkingReplyKeepsTheReasoningApartAndSendsItBackNextTurn() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, fixture("deepseek-thinking-tool-call-reply.json"))));
		ChatRequest first = request();

		ChatResponse answer = this.client.chat(first);

		assertThat(answer.content()).isEmpty();
		assertThat(answer.reasoningContent()).isEqualTo("用户问上海现在几点，需要调用 current_time。");
		assertThat(answer.toolCalls())
			.containsExactly(new ToolCall("call_00_Hc5wHxbFGaPv9N1mT2Vb8xQq", "current_time", "{\"city\": \"上海\"}"));
		assertThat(answer.usage()).isEqualTo(new Usage(312, 58, 370, 256, 31));

		ChatRequest next = first.mutate()
			.message(answer.message())
			.toolResult(answer.toolCalls().get(0).id(), "14:05")
			.build();
		this.client.chat(next);

		JsonNode sent = WireJson.mapper()
			.readTree(wm.findAll(anyRequestedFor(anyUrl())).get(1).getBodyAsString())
			.get("messages");
		assertThat(sent.get(1)).isEqualTo(WireJson.mapper()
			.readTree("{\"role\":\"assistant\",\"content\":null,\"reasoning_content\":\"用户问上海现在几点，需要调用 "
					+ "current_time。\",\"tool_calls\":[{\"id\":\"call_00_Hc5wHxbFGaPv9N1mT2Vb8xQq\",\"type\":"
					+ "\"function\",\"function\":{\"name\":\"current_time\",\"arguments\":\"{\\\"city\\\": \\\"上海\\\"}\"}}]}"));
		assertThat(sent.get(2)).isEqualTo(WireJson.mapper()
			.readTree(
					"{\"role\":\"tool\",\"tool_call_id\":\"call_00_Hc5wHxbFGaPv9N1mT2Vb8xQq\",\"content\":\"14:05\"}"));
	}

	@Test
	void deepSeeksCacheHitCountIsReadWhenTheDetailsAreMissing() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200,
				"""
						{"choices":[{"index":0,"message":{"role":"assistant","content":"好"},"finish_reason":"stop"}],
						 "usage":{"prompt_tokens":10,"completion_tokens":1,"total_tokens":11,"prompt_cache_hit_tokens":8}}""")));

		assertThat(this.client.chat(request()).usage()).isEqualTo(new Usage(10, 1, 11, 8, null));
	}

	@Test
	void deepSeeksAnswerWhenReasoningWasNotSentBackIsABadRequestWithItsMessage() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(400, fixture("deepseek-400-reasoning-not-passed-back.json"))));

		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> this.client.chat(request()))
			.satisfies((error) -> assertThat(error.errorMessage())
				.isEqualTo("The `reasoning_content` in the thinking mode must be passed back to the API."));
	}

	@Test
	void argumentsThatAreNotJsonStayRawAndFailTypedWithoutQuotingThem() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, """
				{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1",
				 "type":"function","function":{"name":"current_time","arguments":"{\\"city\\":上海}"}}]},
				 "finish_reason":"tool_calls"}]}""")));

		ToolCall call = this.client.chat(request()).toolCalls().get(0);

		assertThat(call.arguments()).isEqualTo("{\"city\":上海}");
		assertThatExceptionOfType(ToolArgumentsException.class).isThrownBy(() -> call.arguments(City.class))
			.satisfies((error) -> assertThat(printed(error)).doesNotContain("上海")
				.doesNotContain("\"city\"")
				.doesNotContain(API_KEY));
	}

	@Test
	void argumentsSentAsAnObjectAreKeptAsJsonTextAndAMissingIdIsGenerated() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, """
				{"choices":[{"index":0,"message":{"role":"assistant","content":"","tool_calls":[
				 {"type":"function","function":{"name":"current_time","arguments":{"city":"上海"}}},
				 {"type":"function","function":{"name":"now"}}]},"finish_reason":"tool_calls"}]}""")));

		List<ToolCall> calls = this.client.chat(request()).toolCalls();

		assertThat(calls).extracting(ToolCall::arguments).containsExactly("{\"city\":\"上海\"}", "{}");
		assertThat(calls).extracting(ToolCall::id).allMatch((id) -> id.matches("call_[a-z0-9]{24}"));
		assertThat(calls.get(0).arguments(City.class)).isEqualTo(new City("上海"));
	}

	@Test
	void aToolCallWithoutANameIsAMalformedReply() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, """
				{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1",
				 "type":"function","function":{"arguments":"{}"}}]},"finish_reason":"tool_calls"}]}""")));

		assertThatExceptionOfType(ResponseDecodingException.class).isThrownBy(() -> this.client.chat(request()))
			.withMessageContaining("carries no function name");
	}

	@Test
	void aRefusalIsKeptInTheProviderFields() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, """
				{"choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I can't help."},
				 "finish_reason":"stop"}]}""")));

		assertThat(this.client.chat(request()).providerFields()).containsEntry("refusal", "I can't help.");
	}

	private static ChatRequest request() {
		return ChatRequest.builder().user("上海现在几点?").tool(OpenAiToolRequestTests.CURRENT_TIME).build();
	}

	record City(String city) {
	}

}
