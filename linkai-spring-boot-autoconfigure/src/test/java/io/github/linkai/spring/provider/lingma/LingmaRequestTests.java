package io.github.linkai.spring.provider.lingma;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.observation.ChatCallObserver;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.WireTestSupport.assertTextMessage;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.ORGANIZATION;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.PATH;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.TOKEN;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.body;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.client;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.fixture;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.onlyRequest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes on the wire: URL, query, headers and the body, field by field with its JSON
 * types.
 */
class LingmaRequestTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@BeforeEach
	void answerEveryRequest() {
		wm.stubFor(any(anyUrl()).withHeader("Accept", containing("json"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(fixture("reply.json"))));
		wm.stubFor(any(anyUrl()).withHeader("Accept", containing("text/event-stream"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(fixture("stream.txt"))));
	}

	@Test
	void chatPostsTheConversationAndEveryParameterWithTheirDocumentedTypes() {
		ChatRequest request = ChatRequest.builder()
			.system("你是一名资深的 Java 工程师")
			.user("什么是 Spring Boot?")
			.assistant("Spring Boot 是一个简化 Spring 应用开发的框架。")
			.user("它的自动配置如何工作?")
			.maxTokens(1024)
			.temperature(0.2)
			.topP(1.0)
			.providerOptions(new LingmaOptions(List.of("kb-java", "kb-spring"), null, 1234, 50))
			.build();

		client(wm).chat(request);

		LoggedRequest sent = onlyRequest(wm);
		assertThat(sent.getMethod().getName()).isEqualTo("POST");
		assertThat(sent.getUrl()).isEqualTo(PATH + "?stream=false");
		assertThat(sent.getHeader("x-yunxiao-token")).isEqualTo(TOKEN);
		assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
		assertThat(sent.getHeader("Accept")).isEqualTo("application/json");
		assertThat(sent.containsHeader("Authorization")).isFalse();
		JsonNode body = body(sent);
		assertThat(body.propertyNames()).containsExactly("input", "kbIds", "parameters");
		JsonNode messages = body.get("input").get("messages");
		assertThat(body.get("input").propertyNames()).containsExactly("messages");
		assertThat(messages.isArray()).isTrue();
		assertThat(messages).hasSize(4);
		assertTextMessage(messages.get(0), "system", "你是一名资深的 Java 工程师");
		assertTextMessage(messages.get(1), "user", "什么是 Spring Boot?");
		assertTextMessage(messages.get(2), "assistant", "Spring Boot 是一个简化 Spring 应用开发的框架。");
		assertTextMessage(messages.get(3), "user", "它的自动配置如何工作?");
		JsonNode kbIds = body.get("kbIds");
		assertThat(kbIds.isArray()).isTrue();
		assertThat(kbIds).hasSize(2);
		assertThat(kbIds.get(0).isString()).isTrue();
		assertThat(kbIds.get(0).asString()).isEqualTo("kb-java");
		assertThat(kbIds.get(1).asString()).isEqualTo("kb-spring");
		JsonNode parameters = body.get("parameters");
		assertThat(parameters.propertyNames()).containsExactlyInAnyOrder("max_tokens", "seed", "temperature", "top_k",
				"top_p");
		assertThat(parameters.get("max_tokens").isIntegralNumber()).isTrue();
		assertThat(parameters.get("max_tokens").asInt()).isEqualTo(1024);
		assertThat(parameters.get("seed").isIntegralNumber()).isTrue();
		assertThat(parameters.get("seed").asInt()).isEqualTo(1234);
		assertThat(parameters.get("top_k").isIntegralNumber()).isTrue();
		assertThat(parameters.get("top_k").asInt()).isEqualTo(50);
		assertThat(parameters.get("temperature").isNumber()).isTrue();
		assertThat(parameters.get("temperature").asDouble()).isEqualTo(0.2);
		assertThat(parameters.get("top_p").isNumber()).isTrue();
		assertThat(parameters.get("top_p").asDouble()).isEqualTo(1.0);
	}

	@Test
	void chatWithoutOptionsSendsOnlyTheInputAndStreamFalse() {
		client(wm).chat("你好");

		LoggedRequest sent = onlyRequest(wm);
		assertThat(sent.getUrl()).isEqualTo(PATH + "?stream=false");
		JsonNode body = body(sent);
		assertThat(body.propertyNames()).containsExactly("input");
		assertThat(body.get("input").get("messages")).hasSize(1);
		assertTextMessage(body.get("input").get("messages").get(0), "user", "你好");
	}

	@Test
	void chatSendsParametersHoldingOnlyTheOptionsThatAreSet() {
		client(wm).chat(ChatRequest.builder().user("你好").temperature(0.0).build());

		JsonNode parameters = body(onlyRequest(wm)).get("parameters");
		assertThat(parameters.propertyNames()).containsExactly("temperature");
		assertThat(parameters.get("temperature").isNumber()).isTrue();
		assertThat(parameters.get("temperature").asDouble()).isZero();
	}

	@Test
	void chatSendsTheDocumentedBoundariesOfEveryRange() {
		client(wm).chat(ChatRequest.builder().user("你好").maxTokens(4096).temperature(1.0).topP(0.0).build());
		client(wm).chat(ChatRequest.builder().user("你好").maxTokens(1).temperature(0.0).topP(1.0).build());

		assertThat(wm.getAllServeEvents()).hasSize(2);
	}

	@Test
	void chatSendsAnEmptyKbIdsListAsNoKbIds() {
		client(wm).chat(ChatRequest.builder()
			.user("你好")
			.providerOptions(new LingmaOptions(List.of(), null, null, null))
			.build());

		assertThat(body(onlyRequest(wm)).has("kbIds")).isFalse();
	}

	@Test
	void streamSendsStreamTrueAndAcceptsAnEventStream() {
		client(wm).stream("你好").blockLast();

		LoggedRequest sent = onlyRequest(wm);
		assertThat(sent.getUrl()).isEqualTo(PATH + "?stream=true");
		assertThat(sent.getHeader("Accept")).isEqualTo("text/event-stream");
		assertThat(sent.getHeader("x-yunxiao-token")).isEqualTo(TOKEN);
		assertThat(body(sent).propertyNames()).containsExactly("input");
	}

	@Test
	void clientDefaultsSendKbIdsAndTeamDocs() {
		ChatClient client = client(wm, new LingmaOptions(List.of("kb-ops"), true, null, null), ChatOptions.none());

		client.chat("如何配置流水线?");

		LoggedRequest sent = onlyRequest(wm);
		assertThat(sent.getUrl()).isEqualTo(PATH + "?stream=false&teamDocs=true");
		assertThat(body(sent).get("kbIds")).hasSize(1);
		assertThat(body(sent).get("kbIds").get(0).asString()).isEqualTo("kb-ops");
	}

	@Test
	void streamSendsTeamDocsFalseWhenTheClientTurnsItOff() {
		client(wm, LingmaOptions.useTeamDocs(false), ChatOptions.none()).stream("你好").blockLast();

		assertThat(onlyRequest(wm).getUrl()).isEqualTo(PATH + "?stream=true&teamDocs=false");
	}

	@Test
	void requestOptionsOverrideTheClientsKbIdsAndTeamDocs() {
		ChatClient client = client(wm, new LingmaOptions(List.of("kb-ops", "kb-dev"), true, null, null),
				ChatOptions.none());

		client.chat(ChatRequest.builder()
			.user("你好")
			.providerOptions(new LingmaOptions(List.of("kb-qa"), false, null, null))
			.build());

		LoggedRequest sent = onlyRequest(wm);
		assertThat(sent.getUrl()).isEqualTo(PATH + "?stream=false&teamDocs=false");
		JsonNode kbIds = body(sent).get("kbIds");
		assertThat(kbIds).hasSize(1);
		assertThat(kbIds.get(0).asString()).isEqualTo("kb-qa");
	}

	@Test
	void requestOptionsKeepTheClientsValuesTheyLeaveUnset() {
		ChatClient client = client(wm, new LingmaOptions(List.of("kb-ops"), true, null, null), ChatOptions.none());

		client.chat(ChatRequest.builder()
			.user("你好")
			.providerOptions(new LingmaOptions(List.of(), null, null, null))
			.build());

		LoggedRequest sent = onlyRequest(wm);
		assertThat(sent.getUrl()).isEqualTo(PATH + "?stream=false&teamDocs=true");
		assertThat(body(sent).has("kbIds")).isFalse();
	}

	@Test
	void clientDefaultOptionsApplyWhereTheRequestSetsNone() {
		ChatClient client = client(wm, new LingmaOptions(null, null, 7, null), new ChatOptions(null, 0.3, null, 800));

		client.chat(ChatRequest.builder()
			.user("你好")
			.temperature(0.9)
			.providerOptions(new LingmaOptions(null, null, null, 20))
			.build());

		JsonNode parameters = body(onlyRequest(wm)).get("parameters");
		assertThat(parameters.propertyNames()).containsExactlyInAnyOrder("max_tokens", "seed", "temperature", "top_k");
		assertThat(parameters.get("max_tokens").asInt()).isEqualTo(800);
		assertThat(parameters.get("seed").asInt()).isEqualTo(7);
		assertThat(parameters.get("temperature").asDouble()).isEqualTo(0.9);
		assertThat(parameters.get("top_k").asInt()).isEqualTo(20);
	}

	@Test
	void clientDefaultsLingmaHasNoFieldForAreNotSent() {
		ChatClient client = client(wm, LingmaOptions.none(), new ChatOptions("qwen-max", null, null, null));

		client.chat("你好");

		assertThat(body(onlyRequest(wm)).propertyNames()).containsExactly("input");
	}

	@Test
	void baseUrlWithTrailingSlashesAndAnOrganizationIdNeedingEscapesBuildTheDocumentedPath() {
		ChatClient client = Lingma.chatClient(
				new LingmaSettings(TOKEN, LingmaTestSupport.baseUrl(wm) + "//", "org+1 组", null),
				LingmaTestSupport.factory());

		client.chat("你好");

		assertThat(onlyRequest(wm).getUrl())
			.isEqualTo("/oapi/v1/lingma/organizations/org%2B1%20%E7%BB%84/model/chat?stream=false");
	}

	@Test
	void observationsHoldNeitherTheOrganizationNorTheToken() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		ChatClientFactory factory = new HttpChatClientFactory(new ReactorClientHttpConnector(),
				ClientSettings.builder("lingma").observer(new ChatCallObserver(registry, null, false)).build());
		ChatClient client = Lingma.chatClient(
				new LingmaSettings(TOKEN, LingmaTestSupport.baseUrl(wm), ORGANIZATION, LingmaOptions.useTeamDocs(true)),
				factory);

		client.chat("你好");

		TestObservationRegistryAssert.assertThat(registry)
			.hasSingleObservationThat()
			.hasLowCardinalityKeyValue("gen_ai.provider.name", "lingma")
			.satisfies((context) -> context.getAllKeyValues()
				.forEach((keyValue) -> assertThat(keyValue.getValue()).as(keyValue.getKey())
					.doesNotContain(ORGANIZATION)
					.doesNotContain(TOKEN)));
	}

}
