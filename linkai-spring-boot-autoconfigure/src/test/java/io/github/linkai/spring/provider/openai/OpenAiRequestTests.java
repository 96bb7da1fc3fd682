package io.github.linkai.spring.provider.openai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.WireTestSupport.assertTextMessage;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.API_KEY;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.CHAT_PATH;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.MODEL;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.assertNoRequestSent;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.chatClient;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.eventStream;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.factory;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.fixture;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.json;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.onlyRequest;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.onlyRequestBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What an OpenAI-compatible client sends: the path under the base URL, the key, every
 * body field with its JSON type, {@code stream_options} on streams only, extra body
 * fields, and images as content parts.
 */
class OpenAiRequestTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ChatClient client = chatClient(wm);

	@BeforeEach
	void stubReplies() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, fixture("reply.json"))));
	}

	@Test
	void minimalRequestSendsModelAndMessagesOnly() {
		this.client.chat("你好");

		wm.verify(postRequestedFor(urlEqualTo(CHAT_PATH)).withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("application/json")));
		JsonNode body = onlyRequestBody(wm);
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("model", "messages");
		assertThat(body.get("model").isString()).isTrue();
		assertThat(body.get("model").asString()).isEqualTo(MODEL);
		assertThat(body.get("messages").size()).isEqualTo(1);
		assertTextMessage(body.get("messages").get(0), "user", "你好");
	}

	@Test
	void everyBodyFieldIsSentWithItsJsonType() {
		ChatRequest request = ChatRequest.builder()
			.system("你是一个助手")
			.user("你好")
			.assistant("你好!")
			.user("讲个笑话")
			.model("deepseek-reasoner")
			.temperature(1.5)
			.topP(1.0)
			.maxTokens(512)
			.providerOptions(OpenAiOptions.builder()
				.frequencyPenalty(-0.5)
				.presencePenalty(2.0)
				.seed(42)
				.stop("\n\n", "END")
				.user("u-9f86d081")
				.build())
			.build();

		this.client.chat(request);

		JsonNode body = onlyRequestBody(wm);
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("model", "messages", "temperature", "top_p",
				"max_tokens", "stop", "seed", "frequency_penalty", "presence_penalty", "user");
		assertThat(body.get("model").asString()).isEqualTo("deepseek-reasoner");
		assertTextMessage(body.get("messages").get(0), "system", "你是一个助手");
		assertTextMessage(body.get("messages").get(1), "user", "你好");
		assertTextMessage(body.get("messages").get(2), "assistant", "你好!");
		assertTextMessage(body.get("messages").get(3), "user", "讲个笑话");
		// numbers, not integers as LinkAI's top_p: 1.0 stays a floating-point number
		assertThat(body.get("temperature").isDouble()).isTrue();
		assertThat(body.get("temperature").doubleValue()).isEqualTo(1.5);
		assertThat(body.get("top_p").isDouble()).isTrue();
		assertThat(body.get("top_p").doubleValue()).isEqualTo(1.0);
		assertThat(body.get("max_tokens").isInt()).isTrue();
		assertThat(body.get("max_tokens").intValue()).isEqualTo(512);
		assertThat(body.get("seed").isInt()).isTrue();
		assertThat(body.get("seed").intValue()).isEqualTo(42);
		assertThat(body.get("frequency_penalty").isDouble()).isTrue();
		assertThat(body.get("frequency_penalty").doubleValue()).isEqualTo(-0.5);
		assertThat(body.get("presence_penalty").isDouble()).isTrue();
		assertThat(body.get("presence_penalty").doubleValue()).isEqualTo(2.0);
		assertThat(body.get("stop").isArray()).isTrue();
		assertThat(body.get("stop").valueStream().map(JsonNode::asString)).containsExactly("\n\n", "END");
		assertThat(body.get("user").isString()).isTrue();
		assertThat(body.get("user").asString()).isEqualTo("u-9f86d081");
	}

	@Test
	void blockingCallSendsNoStreamFields() {
		this.client.chat(ChatRequest.builder().user("你好").temperature(0.7).build());

		assertThat(onlyRequestBody(wm).propertyNames()).doesNotContain("stream", "stream_options");
	}

	@Test
	void streamSetsStreamTrueAndAsksForUsage() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("stream.sse"))));

		this.client.stream("你好").blockLast();

		wm.verify(postRequestedFor(urlPathEqualTo(CHAT_PATH)).withHeader("Accept", equalTo("text/event-stream")));
		JsonNode body = onlyRequestBody(wm);
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("model", "messages", "stream", "stream_options");
		assertThat(body.get("stream").isBoolean()).isTrue();
		assertThat(body.get("stream").booleanValue()).isTrue();
		JsonNode streamOptions = body.get("stream_options");
		assertThat(streamOptions.propertyNames()).containsExactly("include_usage");
		assertThat(streamOptions.get("include_usage").isBoolean()).isTrue();
		assertThat(streamOptions.get("include_usage").booleanValue()).isTrue();
	}

	@Test
	void extraBodyFieldsAreSentAtTheTopLevelAsGiven() {
		Map<String, Object> responseFormat = Map.of("type", "json_object");
		ChatRequest request = ChatRequest.builder()
			.user("今天的新闻")
			.providerOptions(OpenAiOptions.builder()
				.extraBody("enable_search", true)
				.extraBody("response_format", responseFormat)
				.extraBody("top_k", 20)
				.extraBody("search_options", null)
				.build())
			.build();

		this.client.chat(request);

		JsonNode body = onlyRequestBody(wm);
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("model", "messages", "enable_search",
				"response_format", "top_k", "search_options");
		assertThat(body.get("enable_search").isBoolean()).isTrue();
		assertThat(body.get("enable_search").booleanValue()).isTrue();
		assertThat(body.get("response_format").get("type").asString()).isEqualTo("json_object");
		assertThat(body.get("top_k").isInt()).isTrue();
		assertThat(body.get("top_k").intValue()).isEqualTo(20);
		assertThat(body.get("search_options").isNull()).isTrue();
	}

	@Test
	void clientExtraBodyFieldsAreMergedWithTheRequestsWhoseKeysWin() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("enable_search", "true");
		defaults.put("top_k", 5);
		ChatClient client = chatClient(wm, new OpenAiOptions(0.5, null, 7, List.of("END"), "u-1", defaults));

		client.chat(ChatRequest.builder()
			.user("你好")
			.providerOptions(OpenAiOptions.builder().seed(8).extraBody("top_k", 20).build())
			.build());

		JsonNode body = onlyRequestBody(wm);
		assertThat(body.get("enable_search").asString()).isEqualTo("true");
		assertThat(body.get("top_k").intValue()).isEqualTo(20);
		assertThat(body.get("seed").intValue()).isEqualTo(8);
		assertThat(body.get("frequency_penalty").doubleValue()).isEqualTo(0.5);
		assertThat(body.get("stop").valueStream().map(JsonNode::asString)).containsExactly("END");
		assertThat(body.get("user").asString()).isEqualTo("u-1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "model", "messages", "stream", "stream_options", "temperature", "top_p", "max_tokens",
			"stop", "seed", "frequency_penalty", "presence_penalty", "user" })
	void extraBodyFieldThatClashesWithALibraryFieldIsRejectedBeforeSending(String field) {
		ChatRequest request = ChatRequest.builder()
			.user("你好")
			.providerOptions(OpenAiOptions.builder().extraBody(field, "x").build())
			.build();

		assertThatExceptionOfType(ChatRequestValidationException.class).isThrownBy(() -> this.client.chat(request))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("extraBody." + field))
			.withMessageContaining("extraBody." + field);
		assertNoRequestSent(wm);
	}

	@Test
	void imagesAreSentAsContentParts() {
		this.client.chat(ChatRequest.builder()
			.user("这张图是什么?", "https://example.com/cat.jpg", "data:image/png;base64,iVBORw0KGgo=")
			.build());

		JsonNode message = onlyRequestBody(wm).get("messages").get(0);
		assertThat(message.get("role").asString()).isEqualTo("user");
		JsonNode content = message.get("content");
		assertThat(content.isArray()).isTrue();
		assertThat(content.size()).isEqualTo(3);
		assertThat(content.get(0).propertyNames()).containsExactlyInAnyOrder("type", "text");
		assertThat(content.get(0).get("type").asString()).isEqualTo("text");
		assertThat(content.get(0).get("text").asString()).isEqualTo("这张图是什么?");
		assertThat(content.get(1).propertyNames()).containsExactlyInAnyOrder("type", "image_url");
		assertThat(content.get(1).get("type").asString()).isEqualTo("image_url");
		assertThat(content.get(1).get("image_url").propertyNames()).containsExactly("url");
		assertThat(content.get(1).get("image_url").get("url").asString()).isEqualTo("https://example.com/cat.jpg");
		assertThat(content.get(2).get("image_url").get("url").asString())
			.isEqualTo("data:image/png;base64,iVBORw0KGgo=");
	}

	@Test
	void keyIsSentByteExactInTheAuthorizationHeaderAndNowhereElse() {
		this.client.chat(ChatRequest.builder().user("你好").build());
		this.client.stream("你好").onErrorComplete().blockLast();

		List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(CHAT_PATH)));
		assertThat(requests).hasSize(2).allSatisfy((request) -> {
			assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
			assertThat(request.getUrl()).doesNotContain(API_KEY).doesNotContain("sk-");
			assertThat(request.getBodyAsString()).doesNotContain(API_KEY).doesNotContain("7f3A");
			for (HttpHeader header : request.getHeaders().all()) {
				if (!header.key().equalsIgnoreCase("Authorization")) {
					assertThat(header.values()).as(header.key()).noneMatch((value) -> value.contains("7f3A"));
				}
			}
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "/v1", "/v1/", "/v1//", "/compatible-mode/v1", "/api/paas/v4" })
	void pathIsAppendedToTheBaseUrlAsGiven(String basePath) {
		String path = basePath.replaceAll("/+$", "") + "/chat/completions";
		wm.stubFor(post(path).willReturn(json(200, fixture("reply.json"))));
		ChatClient client = OpenAi.chatClient(OpenAiSettings.of(API_KEY, wm.baseUrl() + basePath),
				factory(new ChatOptions(MODEL, null, null, null)));

		assertThat(client.chat("你好")).isEqualTo("你好!有什么可以帮你的吗?");

		assertThat(onlyRequest(wm).getUrl()).isEqualTo(path);
	}

	@Test
	void requestWithoutAModelOnAClientWithoutOneFailsBeforeSending() {
		ChatClient client = OpenAi.chatClient(OpenAiSettings.of(API_KEY, wm.baseUrl() + "/v1"),
				factory(ChatOptions.none()));

		assertThatExceptionOfType(ChatRequestValidationException.class).isThrownBy(() -> client.chat("你好"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("model"));
		assertNoRequestSent(wm);

		client.chat(ChatRequest.builder().user("你好").model("qwen-plus").build());
		assertThat(onlyRequestBody(wm).get("model").asString()).isEqualTo("qwen-plus");
	}

}
