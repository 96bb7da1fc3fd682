package io.github.linkai.spring.provider.openai;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.WireTestSupport.printed;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.API_KEY;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.CHAT_PATH;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.MODEL;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.chatClient;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.fixture;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * How a complete chat completions reply reads: content, finish reason, usage and model,
 * unmapped fields kept, and replies that hold no answer (no choices, an error object with
 * status 200).
 */
class OpenAiResponseTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ChatClient client = chatClient(wm);

	@Test
	void replyMapsToTheNeutralResponseKeepingUnmappedFields() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, fixture("reply.json"))));

		ChatResponse response = this.client.chatReactive(ChatRequest.of("你好")).block();

		assertThat(response.provider()).isEqualTo("openai");
		assertThat(response.clientName()).isEqualTo("test");
		assertThat(response.model()).isEqualTo("deepseek-chat");
		assertThat(response.content()).isEqualTo("你好!有什么可以帮你的吗?");
		assertThat(response.finishReason()).isEqualTo("stop");
		assertThat(response.usage()).isEqualTo(new Usage(16, 10, 26));
		assertThat(response.sessionId()).isNull();
		assertThat(response.requestId()).isNull();
		assertThat(response.sources()).isEmpty();
		assertThat(response.cost()).isNull();
		assertThat(response.providerFields()).containsOnly(entry("id", "930c60df-bf64-41c9-a88e-3ec75f81e00e"),
				entry("object", "chat.completion"), entry("created", 1705651092),
				entry("system_fingerprint", "fp_44709d6fcb"));
	}

	@Test
	void replyWithoutModelGivesTheRequestedOne() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, """
				{"choices":[{"index":0,"message":{"role":"assistant","content":"好"},"finish_reason":"length"}]}
				""")));

		ChatResponse response = this.client.chatReactive(ChatRequest.of("你好")).block();

		assertThat(response.model()).isEqualTo(MODEL);
		assertThat(response.content()).isEqualTo("好");
		assertThat(response.finishReason()).isEqualTo("length");
		assertThat(response.usage()).isNull();
		assertThat(response.providerFields()).isEmpty();
	}

	@Test
	void usageInsideTheChoiceIsRead() {
		// Moonshot reports usage in the choice
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, """
				{"choices":[{"index":0,"message":{"content":"好"},"finish_reason":"stop",
				"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}]}
				""")));

		assertThat(this.client.chatReactive(ChatRequest.of("你好")).block().usage()).isEqualTo(new Usage(3, 1, 4));
	}

	@Test
	void replyWithNullContentIsAnEmptyAnswer() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, """
				{"choices":[{"index":0,"message":{"role":"assistant","content":null},"finish_reason":"content_filter"}]}
				""")));

		ChatResponse response = this.client.chatReactive(ChatRequest.of("你好")).block();

		assertThat(response.content()).isEmpty();
		assertThat(response.finishReason()).isEqualTo("content_filter");
	}

	@Test
	void replyWithoutChoicesIsADecodingError() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, """
				{"id":"chatcmpl-1","object":"chat.completion","model":"deepseek-chat"}
				""")));

		ResponseDecodingException error = catchThrowableOfType(ResponseDecodingException.class,
				() -> this.client.chat("你好"));

		assertThat(error).hasMessageContaining("no choices");
		assertThat(error.provider()).isEqualTo("openai");
	}

	@Test
	void replyWithEmptyChoicesIsADecodingError() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, """
				{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":0,"total_tokens":3}}
				""")));

		assertThatExceptionOfType(ResponseDecodingException.class).isThrownBy(() -> this.client.chat("你好"))
			.withMessageContaining("no choices");
	}

	@Test
	void errorObjectWithStatus200IsAnError() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, fixture("error.json"))));

		ProviderApiException error = catchThrowableOfType(ProviderApiException.class, () -> this.client.chat("你好"));

		assertThat(error.statusCode()).isEqualTo(200);
		assertThat(error.errorType()).isEqualTo("unknown_error");
		assertThat(error.errorMessage()).isEqualTo("Insufficient Balance");
	}

	@Test
	void errorObjectWithACodeAndNoTypeGivesTheCode() {
		// Zhipu's shape
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, """
				{"error":{"code":"1214","message":"messages 参数非法"}}
				""")));

		ProviderApiException error = catchThrowableOfType(ProviderApiException.class, () -> this.client.chat("你好"));

		assertThat(error.errorType()).isEqualTo("1214");
		assertThat(error.errorMessage()).isEqualTo("messages 参数非法");
	}

	@Test
	void vllmTopLevelErrorObjectWithStatus200IsAnError() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, fixture("error-vllm.json"))));

		ProviderApiException error = catchThrowableOfType(ProviderApiException.class, () -> this.client.chat("你好"));

		assertThat(error.errorType()).isEqualTo("NotFoundError");
		assertThat(error.errorMessage()).isEqualTo("The model `qwen-14b` does not exist.");
	}

	@Test
	void keyEchoedInAnErrorObjectWithStatus200IsMasked() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, """
				{"error":{"message":"Incorrect API key provided: %s","type":"authentication_error"}}
				""".formatted(API_KEY))));

		ProviderApiException error = catchThrowableOfType(ProviderApiException.class, () -> this.client.chat("你好"));

		assertThat(error.errorMessage()).startsWith("Incorrect API key provided: ").doesNotContain(API_KEY);
		assertThat(printed(error)).doesNotContain(API_KEY);
	}

}
