package io.github.linkai.spring.provider.linkai;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.ToolRequests;
import io.github.linkai.spring.client.AnswerMedia;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.ChatResponseAccumulator;
import io.github.linkai.spring.client.JsonSchema;
import io.github.linkai.spring.client.ResponseFormat;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.ToolChoice;
import io.github.linkai.spring.client.ToolDefinition;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.spi.WireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.CHAT_PATH;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.assertNoRequestSent;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.chatClient;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.fixture;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.onlyRequestBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * LinkAI chat with tools, reasoning, a response format and media: OpenAI's shapes (the
 * document calls the endpoint fully compatible; LinkAI's own bot sends tools and reads
 * tool calls and reasoning so), with LinkAI's own body fields kept and the choice's
 * {@code img_urls} read as the answer's media.
 */
class LinkAiChatToolsTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ChatClient client = chatClient(wm);

	@Test
	void toolsToolChoiceAndToolTurnInOpenAisShapeBesideLinkAisOwnFields() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));
		ToolCall call = ToolRequests.CALL;

		this.client.chat(ChatRequest.builder()
			.user("上海现在几点?")
			.message(ChatMessage.assistant(null, List.of(call)).withReasoning("需要先查时间"))
			.toolResult(call.id(), "14:05")
			.tool(ToolRequests.CURRENT_TIME)
			.toolChoice(ToolChoice.function("current_time"))
			.parallelToolCalls(false)
			.topP(1.0)
			.providerOptions(LinkAiOptions.appCode("G7z6vKwp"))
			.build());

		assertThat(onlyRequestBody(wm)).isEqualTo(WireJson.mapper().readTree("""
				{"app_code": "G7z6vKwp", "top_p": 1,
				 "messages": [
				   {"role": "user", "content": "上海现在几点?"},
				   {"role": "assistant", "content": null, "reasoning_content": "需要先查时间",
				    "tool_calls": [{"id": "call_1", "type": "function",
				                    "function": {"name": "current_time", "arguments": "{\\"city\\":\\"上海\\"}"}}]},
				   {"role": "tool", "tool_call_id": "call_1", "content": "14:05"}],
				 "tools": [{"type": "function", "function": {"name": "current_time",
				            "description": "The current time in a city",
				            "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
				                           "required": ["city"]}}}],
				 "tool_choice": {"type": "function", "function": {"name": "current_time"}},
				 "parallel_tool_calls": false}"""));
	}

	@Test
	void responseFormatInOpenAisShape() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));

		this.client.chat(ChatRequest.builder()
			.user("上海现在几点?")
			.responseFormat(ResponseFormat.jsonSchema("city_time", JsonSchema.emptyObject()).withStrict(true))
			.build());

		assertThat(onlyRequestBody(wm).get("response_format")).isEqualTo(WireJson.mapper()
			.readTree("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"city_time\",\"strict\":true,"
					+ "\"schema\":{\"type\":\"object\",\"properties\":{}}}}"));
	}

	@Test
	void toolCallStreamMergedWithUsageFromTheFinishChoice() {
		wm.stubFor(post(CHAT_PATH).willReturn(
				aResponse().withHeader("Content-Type", "text/event-stream").withBody(fixture("tool-call-stream.sse"))));
		ChatResponseAccumulator whole = ChatResponseAccumulator.of(this.client);

		List<ChatChunk> chunks = this.client
			.stream(ChatRequest.builder().user("上海几点?").tool(ToolRequests.CURRENT_TIME).build())
			.doOnNext(whole::add)
			.collectList()
			.block();

		assertThat(chunks).extracting(ChatChunk::delta).allMatch(String::isEmpty);
		assertThat(chunks.get(0).reasoningDelta()).isEqualTo("需要先查时间");
		ChatResponse response = whole.response();
		assertThat(response.toolCalls())
			.containsExactly(new ToolCall("call_3f2b7c", "current_time", "{\"city\": \"上海\"}"));
		assertThat(response.reasoningContent()).isEqualTo("需要先查时间");
		assertThat(response.usage()).isEqualTo(new Usage(96, 24, 120));
		assertThat(response.finishReason()).isEqualTo("tool_calls");
		assertThat(response.providerFields()).doesNotContainKey("session_id");
	}

	@Test
	void imgUrlsBecomeTheAnswersMediaAndTextContentStaysAProviderField() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("media-reply.json"))));

		ChatResponse response = this.client.chat(ChatRequest.of("做一张海报"));

		assertThat(response.content())
			.isEqualTo("已为你生成海报和说明文档：\n![poster](https://cdn.link-ai.tech/app/img/poster-7f3a.png)");
		assertThat(response.media()).containsExactly(
				new AnswerMedia("https://cdn.link-ai.tech/app/img/poster-7f3a.png", AnswerMedia.Kind.IMAGE),
				new AnswerMedia("https://cdn.link-ai.tech/app/video/intro-91c2.mp4", AnswerMedia.Kind.VIDEO),
				new AnswerMedia("https://cdn.link-ai.tech/app/doc/guide-0b4e.pdf?x-oss-expires=1767229200",
						AnswerMedia.Kind.FILE));
		assertThat(response.providerFields()).containsEntry("text_content", "已为你生成海报和说明文档：");
	}

	@Test
	void imgUrlsOnAStreamedChunkAreItsMedia() {
		wm.stubFor(post(CHAT_PATH).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(
					"""
							data: {"choices": [{"index": 0, "delta": {"content": "海报"}, "finish_reason": null}], "session_id": null}

							data: {"choices": [{"index": 0, "delta": {}, "img_urls": ["https://cdn.link-ai.tech/a.png"], "finish_reason": "stop"}], "session_id": null}

							data: [DONE]

							""")));

		ChatResponse response = this.client.streamAndCollect(ChatRequest.of("做一张海报")).block();

		assertThat(response).isNotNull();
		assertThat(response.media()).containsExactly(AnswerMedia.ofUrl("https://cdn.link-ai.tech/a.png"));
		assertThat(response.content()).isEqualTo("海报");
	}

	@Test
	void openAisNameRulesApply() {
		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(() -> this.client
				.chat(ChatRequest.builder().user("几点?").tool(ToolDefinition.of("当前 时间", null)).build()))
			.satisfies((error) -> {
				assertThat(error.field()).isEqualTo("tools[0].name");
				assertThat(error.provider()).isEqualTo("linkai");
			});
		assertNoRequestSent(wm);
	}

	@Test
	void plainRequestsSendNoToolFields() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));

		this.client.chat("你好");

		JsonNode body = onlyRequestBody(wm);
		assertThat(body.propertyNames()).containsExactly("messages");
	}

}
