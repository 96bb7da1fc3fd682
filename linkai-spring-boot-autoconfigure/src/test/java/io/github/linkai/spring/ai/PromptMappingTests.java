package io.github.linkai.spring.ai;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ContentPart;
import io.github.linkai.spring.client.JsonSchema;
import io.github.linkai.spring.client.ProviderOptions;
import io.github.linkai.spring.client.ResponseFormat;
import io.github.linkai.spring.client.Role;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.ToolChoice;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.spi.Validation;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.ChatOptions.Builder;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.tool.function.FunctionToolCallback;
import org.springframework.util.MimeTypeUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PromptMapping}: a Spring AI prompt as our request, and what cannot be
 * sent.
 */
class PromptMappingTests {

	private static final Validation VALIDATION = new Validation("test", "default");

	private final PromptMapping chat = new PromptMapping(VALIDATION, false);

	private final PromptMapping memory = new PromptMapping(VALIDATION, true);

	@Test
	void systemUserAndAssistantMessagesKeepTheirOrderAndText() {
		ChatRequest request = this.chat.toRequest(new Prompt(List.of(new SystemMessage("你是一个客服助手"),
				new UserMessage("我叫小明"), new AssistantMessage("你好,小明"), new UserMessage("我叫什么名字?"))));
		assertThat(request.messages()).containsExactly(ChatMessage.system("你是一个客服助手"), ChatMessage.user("我叫小明"),
				ChatMessage.assistant("你好,小明"), ChatMessage.user("我叫什么名字?"));
		assertThat(request.options()).isEqualTo(ChatOptions.none());
		assertThat(request.sessionId()).isNull();
	}

	@Test
	void imageUrlsAndBytesBecomeImageParts() {
		UserMessage user = UserMessage.builder()
			.text("这张图是什么?")
			.media(new Media(MimeTypeUtils.IMAGE_JPEG,
					URI.create("https://cdn.link-ai.tech/doc/vision-model-config.jpg")),
					Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(new byte[] { 1, 2, 3 }).build())
			.build();
		ChatRequest request = this.chat.toRequest(new Prompt(user));
		assertThat(request.messages()).singleElement()
			.isEqualTo(new ChatMessage(Role.USER,
					List.of(ContentPart.text("这张图是什么?"),
							ContentPart.image("https://cdn.link-ai.tech/doc/vision-model-config.jpg"),
							ContentPart.image("data:image/png;base64,AQID"))));
	}

	@Test
	void neutralOptionsSessionAndProviderOptionsReachTheRequest() {
		ProviderOptions appCode = () -> "test";
		ChatRequest request = this.memory.toRequest(new Prompt("你好",
				ClientChatOptions.builder()
					.model("LinkAI-4o-mini")
					.temperature(0.3)
					.topP(0.9)
					.maxTokens(512)
					.sessionId("s-1")
					.providerOptions(appCode)
					.build()));
		assertThat(request.options()).isEqualTo(new ChatOptions("LinkAI-4o-mini", 0.3, 0.9, 512));
		assertThat(request.sessionId()).isEqualTo("s-1");
		assertThat(request.providerOptions()).containsExactly(Map.entry(appCode.getClass(), appCode));
	}

	@Test
	void springAisOwnOptionsAreReadThroughItsInterface() {
		ChatRequest request = this.chat.toRequest(new Prompt("你好",
				org.springframework.ai.chat.prompt.ChatOptions.builder()
					.model("deepseek-chat")
					.temperature(0.7)
					.build()));
		assertThat(request.options()).isEqualTo(new ChatOptions("deepseek-chat", 0.7, null, null));
	}

	@Test
	void optionsOutsideTheNeutralFourAreRejectedNamingThem() {
		assertRejected(org.springframework.ai.chat.prompt.ChatOptions.builder().frequencyPenalty(0.5),
				"options.frequencyPenalty");
		assertRejected(org.springframework.ai.chat.prompt.ChatOptions.builder().presencePenalty(0.5),
				"options.presencePenalty");
		assertRejected(org.springframework.ai.chat.prompt.ChatOptions.builder().topK(50), "options.topK");
		assertRejected(org.springframework.ai.chat.prompt.ChatOptions.builder().stopSequences(List.of("。")),
				"options.stopSequences");
	}

	@Test
	void toolCallbacksBecomeToolsAndTheToolContextStaysLocal() {
		FunctionToolCallback<City, String> weather = FunctionToolCallback.builder("weather", (City city) -> "晴")
			.description("今天的天气")
			.inputType(City.class)
			.build();

		ChatRequest request = this.chat.toRequest(new Prompt("天气?",
				ClientChatOptions.builder().toolCallbacks(weather).toolContext("tenant", "t1").build()));

		assertThat(request.tools()).singleElement().satisfies((tool) -> {
			assertThat(tool.name()).isEqualTo("weather");
			assertThat(tool.description()).isEqualTo("今天的天气");
			assertThat(tool.parameters().problem()).isNull();
			assertThat(tool.parameters().asMap()).containsEntry("type", "object").containsKey("properties");
		});
	}

	@Test
	void toolChoiceParallelCallsResponseFormatAndOutputSchemaReachTheRequest() {
		ChatRequest request = this.chat.toRequest(new Prompt("天气?",
				ClientChatOptions.builder()
					.toolChoice(ToolChoice.required())
					.parallelToolCalls(false)
					.responseFormat(ResponseFormat.jsonObject())
					.build()));
		assertThat(request.toolChoice()).isEqualTo(ToolChoice.required());
		assertThat(request.parallelToolCalls()).isFalse();
		assertThat(request.responseFormat()).isEqualTo(ResponseFormat.jsonObject());

		ChatRequest structured = this.chat.toRequest(new Prompt("天气?",
				ClientChatOptions.builder()
					.responseFormat(ResponseFormat.jsonObject())
					.outputSchema("{\"type\":\"object\",\"properties\":{\"sky\":{\"type\":\"string\"}}}")
					.build()));
		assertThat(structured.responseFormat())
			.isEqualTo(
					ResponseFormat
						.jsonSchema("json_schema",
								JsonSchema
									.parse("{\"type\":\"object\",\"properties\":{\"sky\":{\"type\":\"string\"}}}"))
						.withStrict(true));
	}

	@Test
	void anotherModelsOptionsTypeIsRejected() {
		org.springframework.ai.chat.prompt.ChatOptions foreign = new ForeignOptions();
		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(() -> this.chat.toRequest(new Prompt("你好", foreign)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("options"))
			.withMessageContaining(ForeignOptions.class.getName());
	}

	@Test
	void anAssistantToolCallTurnWithItsReasoningAndTheToolResponsesAreSentBack() {
		AssistantMessage call = AssistantMessage.builder()
			.content("")
			.properties(Map.of(ClientChatModel.REASONING_CONTENT, "查天气"))
			.toolCalls(List.of(new AssistantMessage.ToolCall("1", "function", "weather", "{\"city\":\"杭州\"}"),
					new AssistantMessage.ToolCall("2", "function", "weather", "{\"city\":\"上海\"}")))
			.build();
		ToolResponseMessage results = ToolResponseMessage.builder()
			.responses(List.of(new ToolResponseMessage.ToolResponse("1", "weather", "晴"),
					new ToolResponseMessage.ToolResponse("2", "weather", "雨")))
			.build();

		ChatRequest request = this.chat.toRequest(new Prompt(List.of(new UserMessage("天气?"), call, results)));

		assertThat(request.messages()).hasSize(4);
		ChatMessage assistant = request.messages().get(1);
		assertThat(assistant.parts()).isEmpty();
		assertThat(assistant.reasoningContent()).isEqualTo("查天气");
		assertThat(assistant.toolCalls()).containsExactly(new ToolCall("1", "weather", "{\"city\":\"杭州\"}"),
				new ToolCall("2", "weather", "{\"city\":\"上海\"}"));
		assertThat(request.messages().get(2)).isEqualTo(ChatMessage.toolResult("1", "晴"));
		assertThat(request.messages().get(3)).isEqualTo(ChatMessage.toolResult("2", "雨"));
	}

	@Test
	void anAssistantAnswersReasoningIsKeptToBeSentBack() {
		AssistantMessage answer = AssistantMessage.builder()
			.content("晴")
			.properties(Map.of(ClientChatModel.REASONING_CONTENT, "想一想"))
			.build();

		ChatRequest request = this.chat.toRequest(new Prompt(List.of(new UserMessage("天气?"), answer)));

		assertThat(request.messages().get(1)).isEqualTo(ChatMessage.assistant("晴").withReasoning("想一想"));
	}

	@Test
	void anAttachmentThatIsNotAnImageIsRejected() {
		UserMessage user = UserMessage.builder()
			.text("总结这份文件")
			.media(Media.builder().mimeType(Media.Format.DOC_PDF).data(new byte[] { 1 }).build())
			.build();
		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(() -> this.chat.toRequest(new Prompt(user)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("messages[0].media[0]"))
			.withMessageContaining("application/pdf");
	}

	@Test
	void memoryChatSendsOnlyTheLastUserMessage() {
		ChatRequest request = this.memory.toRequest(new Prompt(
				List.of(new UserMessage("我叫小明"), new AssistantMessage("你好,小明"), new UserMessage("我叫什么名字?"))));
		assertThat(request.messages()).containsExactly(ChatMessage.user("我叫什么名字?"));
	}

	@Test
	void memoryChatRejectsASystemMessageAndAPromptNotEndingWithTheQuestion() {
		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(
					() -> this.memory.toRequest(new Prompt(List.of(new SystemMessage("你是客服"), new UserMessage("你好")))))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("messages[0]"));
		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(
					() -> this.memory.toRequest(new Prompt(List.of(new UserMessage("你好"), new AssistantMessage("嗯")))))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("messages"));
	}

	@Test
	void errorsNameTheProviderAndClient() {
		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(() -> this.chat
				.toRequest(new Prompt("你好", org.springframework.ai.chat.prompt.ChatOptions.builder().topK(5).build())))
			.withMessageStartingWith("[test/default] Invalid request: options.topK is not one of the neutral options");
	}

	private void assertRejected(Builder<?> options, String field) {
		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(() -> this.chat.toRequest(new Prompt("你好", options.build())))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
		// the same when Spring AI's ChatClient merges them into ours
		assertThatExceptionOfType(ChatRequestValidationException.class).isThrownBy(
				() -> this.chat.toRequest(new Prompt("你好", ClientChatOptions.builder().combineWith(options).build())))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}

	/**
	 * Options of another model, whose own fields cannot be read through the interface.
	 */
	static final class ForeignOptions extends org.springframework.ai.chat.prompt.DefaultChatOptions {

		ForeignOptions() {
			super("gpt-4o", null, null, null, null, null, null, null);
		}

	}

	record City(String city) {
	}

}
