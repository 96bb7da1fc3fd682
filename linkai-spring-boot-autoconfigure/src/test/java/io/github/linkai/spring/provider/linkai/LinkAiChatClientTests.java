package io.github.linkai.spring.provider.linkai;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.client.spi.WireJson;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.WireTestSupport.assertTextMessage;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.API_KEY;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.CHAT_PATH;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.KEY_WITH_APP_CODE;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.chatClient;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.fixture;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.onlyRequestBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * LinkAI chat completions ({@code 001}), non-streamed: the request as the document
 * defines it, field by field with JSON types, and the documented reply as well as an
 * OpenAI-style one.
 */
class LinkAiChatClientTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ChatClient client = chatClient(wm);

	@Test
	void documentedRequestIsSentAsTheDocumentShowsIt() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));

		this.client.chat(ChatRequest.builder().providerOptions(LinkAiOptions.appCode("G7z6vKwp")).user("你好").build());

		wm.verify(postRequestedFor(urlPathEqualTo(CHAT_PATH)).withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson(fixture("chat-request.json"))));
	}

	@Test
	void everyOptionIsSentUnderItsDocumentedNameWithItsDocumentedJsonType() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));

		this.client.chat(ChatRequest.builder()
			.system("你是一个客服助手")
			.user("你好")
			.assistant("你好,请问有什么可以帮助您的吗?")
			.user("你是谁")
			.model(LinkAiModel.LINKAI_4O_MINI.code())
			.temperature(0.7)
			.topP(1.0)
			.providerOptions(new LinkAiOptions("G7z6vKwp", 0.5, -1.5))
			.build());

		JsonNode body = onlyRequestBody(wm);
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("messages", "app_code", "model", "temperature",
				"top_p", "frequency_penalty", "presence_penalty");
		JsonNode messages = body.get("messages");
		assertThat(messages.size()).isEqualTo(4);
		assertTextMessage(messages.get(0), "system", "你是一个客服助手");
		assertTextMessage(messages.get(1), "user", "你好");
		assertTextMessage(messages.get(2), "assistant", "你好,请问有什么可以帮助您的吗?");
		assertTextMessage(messages.get(3), "user", "你是谁");
		assertThat(body.get("app_code").isString()).isTrue();
		assertThat(body.get("app_code").asString()).isEqualTo("G7z6vKwp");
		assertThat(body.get("model").asString()).isEqualTo("LinkAI-4o-mini");
		assertThat(body.get("temperature").isFloatingPointNumber()).isTrue();
		assertThat(body.get("temperature").doubleValue()).isEqualTo(0.7);
		assertThat(body.get("top_p").isInt()).as("top_p is documented as an int: %s", body.get("top_p")).isTrue();
		assertThat(body.get("top_p").intValue()).isEqualTo(1);
		assertThat(body.get("frequency_penalty").isNumber()).isTrue();
		assertThat(body.get("frequency_penalty").doubleValue()).isEqualTo(0.5);
		assertThat(body.get("presence_penalty").isNumber()).isTrue();
		assertThat(body.get("presence_penalty").doubleValue()).isEqualTo(-1.5);
	}

	@Test
	void fractionalTopPIsRejectedBecauseLinkAiDocumentsAnInteger() {
		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(() -> this.client.chat(ChatRequest.builder().user("你好").topP(0.9).build()))
			.satisfies((error) -> assertThat(error.field()).isEqualTo("topP"))
			.withMessageContaining("integer");
		assertThat(wm.getAllServeEvents()).isEmpty();
	}

	@Test
	void unsetFieldsAreOmittedAndStreamIsNotSentForAPlainCall() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));

		this.client.chat("你好");

		JsonNode body = onlyRequestBody(wm);
		assertThat(body.propertyNames()).containsExactly("messages");
		assertTextMessage(body.get("messages").get(0), "user", "你好");
	}

	@Test
	void imageQuestionIsSentAsTheDocumentedContentParts() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));

		this.client.chat(ChatRequest.builder()
			.providerOptions(LinkAiOptions.appCode("default"))
			.message(ChatMessage.user("这张图是什么?", "https://cdn.link-ai.tech/doc/vision-model-config.jpg"))
			.build());

		wm.verify(postRequestedFor(urlPathEqualTo(CHAT_PATH))
			.withRequestBody(equalToJson(fixture("chat-image-request.json"))));
	}

	@Test
	void imageQuestionFromTheBuilderInOneLineIsTheSameRequest() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));

		this.client.chat(ChatRequest.builder()
			.providerOptions(LinkAiOptions.appCode("default"))
			.user("这张图是什么?", "https://cdn.link-ai.tech/doc/vision-model-config.jpg")
			.build());

		wm.verify(postRequestedFor(urlPathEqualTo(CHAT_PATH))
			.withRequestBody(equalToJson(fixture("chat-image-request.json"))));
	}

	@Test
	void replyWithoutChoicesIsAnErrorNotAnEmptyAnswer() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson("{\"choices\": [], \"usage\": null}")));

		assertThatExceptionOfType(ResponseDecodingException.class).isThrownBy(() -> this.client.chat("你好"))
			.withMessageContaining("no choices");
	}

	@Test
	void documentedReplyWithoutIdModelOrCreatedIsRead() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));

		ChatResponse response = this.client.chat(ChatRequest.of("你好"));

		assertThat(response.provider()).isEqualTo("linkai");
		assertThat(response.clientName()).isEqualTo("test");
		assertThat(response.content()).isEqualTo("你好,请问有什么可以帮助您的吗?");
		assertThat(response.usage()).isEqualTo(new Usage(9, 17, 26));
		assertThat(response.model()).isNull();
		assertThat(response.finishReason()).isNull();
		assertThat(response.sessionId()).isNull();
		assertThat(response.providerFields()).isEmpty();
	}

	@Test
	void modelOfTheReplyIsTheRequestedOneWhenTheReplyNamesNone() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));

		ChatResponse response = this.client.chat(ChatRequest.builder().user("你好").model("qwen-plus").build());

		assertThat(response.model()).isEqualTo("qwen-plus");
	}

	@Test
	void openAiStyleReplyIsReadAndItsExtraFieldsAreKept() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response-openai.json"))));

		ChatResponse response = this.client.chat(ChatRequest.of("你好"));

		assertThat(response.content()).isEqualTo("你好,请问有什么可以帮助您的吗?");
		assertThat(response.model()).isEqualTo("LinkAI-4o-mini");
		assertThat(response.finishReason()).isEqualTo("stop");
		assertThat(response.usage()).isEqualTo(new Usage(9, 17, 26));
		assertThat(response.providerFields()).containsEntry("id", "chatcmpl-9pW2xGk3")
			.containsEntry("object", "chat.completion")
			.containsEntry("created", 1722240000);
	}

	@Test
	void multimodalAnswerGivesItsTextAndKeepsItsParts() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response-multimodal.json"))));

		ChatResponse response = this.client.chat(ChatRequest.of("给我一张猫的图片"));

		assertThat(response.content()).isEqualTo("这是一张猫的图片:");
		assertThat(response.providerFields()).containsOnlyKeys("content");
		assertThat(response.providerFields().get("content")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.hasSize(2)
			.last()
			.isEqualTo(Map.of("type", "image_url", "image_url", Map.of("url", "https://cdn.link-ai.tech/doc/cat.png")));
	}

	@ParameterizedTest
	@ValueSource(strings = { KEY_WITH_APP_CODE, "lk-test-key", "Link_a-b-c", "sk_under_score", "-leading", "trailing-",
			"Link_tOCJYmHxxm55eA1xs" })
	void theKeyIsSentByteForByteAndNoPartOfItGoesAnywhereElse(String key) {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));
		ChatClient client = chatClient(wm.baseUrl(), key, new ReactorClientHttpConnector());

		client.chat("你好");

		LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo(CHAT_PATH))).get(0);
		assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + key);
		assertThat(sent.getBodyAsString()).doesNotContain("app_code");
		assertThat(sent.getUrl()).isEqualTo(CHAT_PATH);
		for (String part : key.split("[-_]")) {
			if (part.length() >= 4) {
				assertThat(sent.getBodyAsString()).doesNotContain(part);
				sent.getHeaders()
					.all()
					.stream()
					.filter((header) -> !header.key().equalsIgnoreCase("Authorization"))
					.forEach((header) -> assertThat(header.values()).noneMatch((value) -> value.contains(part)));
			}
		}
	}

	@Test
	void aConfiguredAppCodeIsSentAndTheRequestsOwnWins() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));
		ChatClient client = LinkAi.chatClient(
				new LinkAiSettings(KEY_WITH_APP_CODE, wm.baseUrl(), new LinkAiOptions("APP1", 0.5, null)),
				new HttpChatClientFactory(new ReactorClientHttpConnector(), ClientSettings.of("test")));

		client.chat("你好");
		client.chat(ChatRequest.builder().user("你好").providerOptions(LinkAiOptions.appCode("G7z6vKwp")).build());

		List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlPathEqualTo(CHAT_PATH)));
		assertThat(sent).extracting((request) -> request.getHeader("Authorization"))
			.containsOnly("Bearer " + KEY_WITH_APP_CODE);
		JsonNode first = WireJson.mapper().readTree(sent.get(0).getBodyAsString());
		JsonNode second = WireJson.mapper().readTree(sent.get(1).getBodyAsString());
		assertThat(first.get("app_code").asString()).isEqualTo("APP1");
		assertThat(first.get("frequency_penalty").doubleValue()).isEqualTo(0.5);
		assertThat(second.get("app_code").asString()).isEqualTo("G7z6vKwp");
		assertThat(second.get("frequency_penalty").doubleValue()).isEqualTo(0.5);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/", "/v1", "/v1/" })
	void baseUrlMayBeGivenOpenAiStyleOrWithATrailingSlash(String suffix) {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));
		ChatClient client = chatClient(wm.baseUrl() + suffix, API_KEY, new ReactorClientHttpConnector());

		assertThat(client.chat("你好")).isEqualTo("你好,请问有什么可以帮助您的吗?");
		wm.verify(postRequestedFor(urlPathEqualTo(CHAT_PATH)));
	}

	@Test
	void workflowAppCodeIsSentTheSameWayAndItsEndNodeOutputIsTheAnswer() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));

		ChatResponse response = this.client
			.chat(ChatRequest.builder().providerOptions(LinkAiOptions.appCode("Wf7kQx2p")).user("你好").build());

		assertThat(onlyRequestBody(wm).get("app_code").asString()).isEqualTo("Wf7kQx2p");
		assertThat(response.content()).isEqualTo("你好,请问有什么可以帮助您的吗?");
	}

	@Test
	void reactiveCallSendsNothingUntilSubscribed() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));

		var reply = this.client.chatReactive("你好");
		assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(CHAT_PATH)))).isEmpty();

		assertThat(reply.map(ChatResponse::content).block()).isEqualTo("你好,请问有什么可以帮助您的吗?");
		assertThat(wm.findAll(postRequestedFor(urlPathEqualTo(CHAT_PATH)))).hasSize(1);
	}

}
