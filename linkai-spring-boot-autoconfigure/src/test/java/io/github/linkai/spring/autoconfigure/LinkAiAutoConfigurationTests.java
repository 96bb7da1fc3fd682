package io.github.linkai.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.ChatClientTarget;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.WireTestSupport.printed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link LinkAiAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class LinkAiAutoConfigurationTests {

	private static final String KEY = "Link_tOCJYmHxxm55eA1xs";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class));

	@BeforeEach
	void stubChat() throws IOException {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("chat-reply.json"))));
	}

	@Test
	void noClientWhenNoApiKeyIsSetAndSaysSoAtStartup(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ChatClient.class);
			assertThat(context).doesNotHaveBean(MemoryChatClient.class);
			assertThat(context).doesNotHaveBean(ChatClientRegistry.class);
		});
		assertThat(output).contains("no chat client is configured: set linkai.api-key");
	}

	@Test
	void apiKeyCreatesChatAndMemoryClientsAndRegistry() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY).run((context) -> {
			assertThat(context).hasSingleBean(ChatClient.class);
			assertThat(context).hasSingleBean(MemoryChatClient.class);
			assertThat(context).hasSingleBean(ChatClientRegistry.class);
			ChatClient client = context.getBean(ChatClient.class);
			assertThat(client.name()).isEqualTo("default");
			assertThat(client.provider()).isEqualTo("linkai");
			assertThat(context.getBean(ChatClientRegistry.class).get("default")).isSameAs(client);
		});
	}

	@Test
	void propertiesBindAndReachTheRequest() {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.base-url=" + wireMock.baseUrl(),
					"linkai.app-code=G7z6vKwp", "linkai.model=LinkAI-4o-mini", "linkai.temperature=0.3",
					"linkai.top-p=1", "linkai.frequency-penalty=0.5", "linkai.presence-penalty=-0.5")
			.run((context) -> {
				assertThat(context.getBean(ChatClient.class).chat("你好")).isEqualTo("你好,请问有什么可以帮助您的吗?");
				wireMock.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
					.withHeader("Authorization", equalTo("Bearer " + KEY))
					.withRequestBody(equalToJson("""
							{"messages":[{"role":"user","content":"你好"}],"app_code":"G7z6vKwp",
							 "model":"LinkAI-4o-mini","temperature":0.3,"top_p":1,
							 "frequency_penalty":0.5,"presence_penalty":-0.5}""")));
			});
	}

	@Test
	void blankAppCodeAndModelMeanUnset() {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.base-url=" + wireMock.baseUrl(), "linkai.app-code=",
					"linkai.model= ")
			.run((context) -> {
				context.getBean(ChatClient.class).chat("你好");
				wireMock.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(equalToJson("""
						{"messages":[{"role":"user","content":"你好"}]}""")));
			});
	}

	@Test
	void userDefinedClientMakesTheDefaultOneBackOff() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY)
			.withUserConfiguration(UserClientConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ChatClient.class);
				assertThat(context.getBean(ChatClient.class)).isSameAs(context.getBean("myClient"));
			});
	}

	@Test
	void userDefinedRegistryMakesTheDefaultOneBackOffAndServesTheClients() {
		ChatClient support = mock(ChatClient.class);
		org.mockito.BDDMockito.given(support.name()).willReturn("support");
		org.mockito.BDDMockito.given(support.provider()).willReturn("jijyun");
		ChatClientRegistry registry = ChatClientRegistry.of(support);
		this.contextRunner.withPropertyValues("linkai.clients.support.provider=jijyun")
			.withBean(ChatClientRegistry.class, () -> registry)
			.run((context) -> {
				assertThat(context.getBean(ChatClientRegistry.class)).isSameAs(registry);
				assertThat(context.getBean("supportChatClient")).isSameAs(support);
			});
	}

	@Test
	void namedClientsInheritTopLevelSettingsAndInjectByQualifier() {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.base-url=" + wireMock.baseUrl(),
					"linkai.temperature=0.2", "linkai.clients.support.app-code=SUPPORT1",
					"linkai.clients.sales.app-code=SALES1", "linkai.clients.sales.temperature=0.9")
			.withUserConfiguration(QualifiedConsumer.class)
			.run((context) -> {
				ChatClientRegistry registry = context.getBean(ChatClientRegistry.class);
				assertThat(registry.names()).containsExactly("default", "support", "sales");
				QualifiedConsumer consumer = context.getBean(QualifiedConsumer.class);
				assertThat(consumer.plain.name()).isEqualTo("default");
				assertThat(consumer.support.name()).isEqualTo("support");
				assertThat(consumer.salesMemory.name()).isEqualTo("sales");
				assertThat(context.getBean(ChatClient.class)).isSameAs(registry.get("default"));
				consumer.support.chat("你好");
				consumer.sales.chat("你好");
				wireMock.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
					.withHeader("Authorization", equalTo("Bearer " + KEY))
					.withRequestBody(matchingJsonPath("$.app_code", equalTo("SUPPORT1")))
					.withRequestBody(matchingJsonPath("$.temperature", equalTo("0.2"))));
				wireMock.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
					.withRequestBody(matchingJsonPath("$.app_code", equalTo("SALES1")))
					.withRequestBody(matchingJsonPath("$.temperature", equalTo("0.9"))));
			});
	}

	@Test
	void namedClientsWithoutTopLevelKeyGiveNoDefaultClient() {
		this.contextRunner
			.withPropertyValues("linkai.clients.support.api-key=" + KEY,
					"linkai.clients.support.base-url=" + wireMock.baseUrl())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ChatClientRegistry.class).names()).containsExactly("support");
				assertThat(context.getBean("supportChatClient", ChatClient.class).chat("你好")).isNotBlank();
				assertThat(context).doesNotHaveBean("linkAiChatClient");
				assertThat(context).doesNotHaveBean("linkAiMemoryChatClient");
			});
	}

	@Test
	void blankApiKeyFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("linkai.api-key=").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("linkai.api-key");
		});
	}

	@Test
	void namedClientWithoutKeyFailsStartupNamingItsProperty() {
		this.contextRunner.withPropertyValues("linkai.clients.support.app-code=S1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("linkai.clients.support.api-key");
		});
	}

	@Test
	void invalidBaseUrlFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY, "linkai.base-url=api.link-ai.tech")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("linkai.base-url");
			});
	}

	@Test
	void readTimeoutAppliesToTheClient() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(
				aResponse().withFixedDelay(5_000).withHeader("Content-Type", "application/json").withBody("{}")));
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.base-url=" + wireMock.baseUrl(),
					"linkai.read-timeout=200ms")
			.run((context) -> assertThatExceptionOfType(ChatTimeoutException.class)
				.isThrownBy(() -> context.getBean(ChatClient.class).chat("你好")));
	}

	@Test
	void theApplicationsConnectorBuilderAndItsCustomizersApply() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY, "linkai.base-url=" + wireMock.baseUrl())
			.withBean(ClientHttpConnectorBuilder.class,
					() -> ClientHttpConnectorBuilder.reactor()
						.withHttpClientCustomizer(
								(httpClient) -> httpClient.headers((headers) -> headers.set("X-Tenant", "acme"))))
			.run((context) -> {
				context.getBean(ChatClient.class).chat("你好");
				wireMock.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withHeader("X-Tenant",
						equalTo("acme")));
			});
	}

	@Test
	void apiKeyNeverShowsInPropertiesOrClients() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY, "linkai.clients.support.app-code=S1")
			.run((context) -> {
				assertThat(context.getBean(LinkAiProperties.class).toString()).doesNotContain(KEY);
				assertThat(context.getBean(ChatClient.class).toString()).doesNotContain(KEY);
				assertThat(context.getBean(ChatClientRegistry.class).get("support").toString()).doesNotContain(KEY);
			});
	}

	@Test
	void namedLingmaClientBindsItsOwnSettingsAndHasNoMemoryClient() {
		wireMock.stubFor(post(urlPathEqualTo("/oapi/v1/lingma/organizations/ORG1/model/chat")).willReturn(okJson("""
				{"output":{"finish_reason":"stop","text":"你好"},"requestId":"r-1",
				 "usage":{"input_tokens":3,"output_tokens":2}}""")));
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.temperature=0.2", "linkai.clients.eng.provider=lingma",
					"linkai.clients.eng.api-key=pt-0fh3abcdef0fbG", "linkai.clients.eng.base-url=" + wireMock.baseUrl(),
					"linkai.clients.eng.lingma.organization-id=ORG1", "linkai.clients.eng.lingma.team-docs=true",
					"linkai.clients.eng.lingma.kb-ids=kb1,kb2")
			.run((context) -> {
				ChatClient eng = context.getBean("engChatClient", ChatClient.class);
				assertThat(eng.provider()).isEqualTo("lingma");
				assertThat(context).doesNotHaveBean("engMemoryChatClient");
				assertThat(eng.chat(io.github.linkai.spring.client.ChatRequest.of("你好")).requestId()).isEqualTo("r-1");
				wireMock.verify(postRequestedFor(urlPathEqualTo("/oapi/v1/lingma/organizations/ORG1/model/chat"))
					.withHeader("x-yunxiao-token", equalTo("pt-0fh3abcdef0fbG"))
					.withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.absent())
					.withQueryParam("teamDocs", equalTo("true"))
					.withRequestBody(equalToJson("""
							{"input":{"messages":[{"role":"user","content":"你好"}]},"kbIds":["kb1","kb2"],
							 "parameters":{"temperature":0.2}}""")));
			});
	}

	@Test
	void namedClientOfAnotherProviderDoesNotInheritTheTopLevelKey() {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.clients.eng.provider=lingma",
					"linkai.clients.eng.lingma.organization-id=ORG1")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("linkai.clients.eng.api-key")
					.hasMessageNotContaining(KEY);
			});
	}

	@Test
	void lingmaClientWithoutOrganizationFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("linkai.clients.eng.provider=lingma", "linkai.clients.eng.api-key=pt-token-1234")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("linkai.clients.eng.lingma.organization-id");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "..", "ORG1/../../v2", "ORG1?x=1", "ORG1%2F", "OR\u0001G1" })
	void lingmaOrganizationIdThatIsNotOnePathSegmentFailsStartupNamingTheProperty(String organizationId) {
		this.contextRunner
			.withPropertyValues("linkai.clients.eng.provider=lingma", "linkai.clients.eng.api-key=pt-token-1234",
					"linkai.clients.eng.lingma.organization-id=" + organizationId)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("linkai.clients.eng.lingma.organization-id")
					.hasMessageContaining("must be one path segment");
			});
	}

	@Test
	void defaultOptionOutOfItsDocumentedRangeFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("linkai.clients.eng.provider=lingma", "linkai.clients.eng.api-key=pt-token-1234",
					"linkai.clients.eng.lingma.organization-id=ORG1", "linkai.clients.eng.max-tokens=5000")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("linkai.clients.eng.max-tokens")
					.hasMessageContaining("[1, 4096]");
			});
	}

	@Test
	void namedJijyunClientSendsItsKeyOnlyInTheQueryAndBindsItsDefaults() {
		String jijyunKey = "jjyQX7kfZpWmTr01";
		wireMock.stubFor(post(urlPathEqualTo("/v1/openapi/chat")).willReturn(
				okJson("""
						{"desc":"今天是2023年8月16日","msgKey":"api_1","source":[],"usage":{"total_cost":0.001},"visitorId":null}""")));
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.clients.search.provider=jijyun",
					"linkai.clients.search.api-key=" + jijyunKey,
					"linkai.clients.search.base-url=" + wireMock.baseUrl(), "linkai.clients.search.model=gpt-4",
					"linkai.clients.search.max-tokens=512", "linkai.clients.search.jijyun.ibot-id=bot-1",
					"linkai.clients.search.jijyun.search=true", "linkai.clients.search.jijyun.tools=web,calc")
			.run((context) -> {
				ChatClient search = context.getBean("searchChatClient", ChatClient.class);
				assertThat(search.provider()).isEqualTo("jijyun");
				assertThat(search.chat(io.github.linkai.spring.client.ChatRequest.of("今天几号?")).cost())
					.isEqualByComparingTo("0.001");
				wireMock.verify(postRequestedFor(urlPathEqualTo("/v1/openapi/chat"))
					.withQueryParam("apiKey", equalTo(jijyunKey))
					.withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.absent())
					.withRequestBody(equalToJson("""
							{"content":"今天几号?","search":true,"chatMode":"gpt-4","max_tokens":"512",
							 "tools":["web","calc"],"stream":false,"ibotID":"bot-1"}""")));
			});
	}

	@Test
	void inheritedDefaultOutOfRangeNamesTheTopLevelProperty() {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.max-tokens=8000", "linkai.clients.eng.provider=lingma",
					"linkai.clients.eng.api-key=pt-token-1234", "linkai.clients.eng.lingma.organization-id=ORG1")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("Property linkai.max-tokens with value '8000'");
			});
	}

	@Test
	void reservedClientNamesFailStartup() {
		for (String name : java.util.List.of("default", "linkAi")) {
			this.contextRunner.withPropertyValues("linkai.api-key=" + KEY, "linkai.clients." + name + ".app-code=X")
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(context.getStartupFailure()).rootCause()
						.hasMessageContaining("linkai.clients")
						.hasMessageContaining("'" + name + "'")
						.hasMessageContaining("choose another name");
				});
		}
	}

	@Test
	void baseUrlWithoutHostFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY, "linkai.base-url=https://").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("linkai.base-url");
		});
	}

	@Test
	void baseUrlWithUserInfoFailsStartupNamingThePropertyWithoutShowingThePassword() {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.base-url=https://ops:s3cr3t-Pa55@api.link-ai.tech")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("linkai.base-url")
					.hasMessageContaining("no user info");
				assertThat(printed(context.getStartupFailure())).doesNotContain("s3cr3t-Pa55").doesNotContain("ops:");
			});
	}

	@Test
	void baseUrlWithUserInfoAndAHostThatDoesNotParseFailsOnTheUserInfoAndNeverShowsThePassword(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.base-url=http://ops:s3cr3t-Pa55@bad_host:8090")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("no user info");
				assertThat(printed(context.getStartupFailure())).doesNotContain("s3cr3t-Pa55");
			});
		assertThat(output).doesNotContain("s3cr3t-Pa55");
	}

	@Test
	void baseUrlWithAQueryFailsStartupNamingThePropertyWithoutShowingTheQuery() {
		this.contextRunner
			.withPropertyValues("linkai.clients.search.provider=jijyun", "linkai.clients.search.api-key=jjy-1",
					"linkai.clients.search.base-url=https://chat.jijyun.cn/?apiKey=jjyQX7kfZpWm")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("linkai.clients.search.base-url")
					.hasMessageContaining("no query");
				assertThat(printed(context.getStartupFailure())).doesNotContain("jjyQX7kfZpWm");
			});
	}

	@Test
	void namedClientSettingAnOptionItsProviderLacksFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("linkai.clients.eng.provider=lingma", "linkai.clients.eng.api-key=pt-token-1234",
					"linkai.clients.eng.lingma.organization-id=ORG1", "linkai.clients.eng.model=qwen-plus")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("linkai.clients.eng.model")
					.hasMessageContaining("lingma client has no model");
			});
	}

	@Test
	void inheritedOptionAProviderLacksIsNotSentThere() {
		wireMock.stubFor(post(urlPathEqualTo("/oapi/v1/lingma/organizations/ORG1/model/chat")).willReturn(okJson("""
				{"output":{"finish_reason":"stop","text":"好"},"requestId":"r-1"}""")));
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY, "linkai.frequency-penalty=0.5",
				"linkai.clients.eng.provider=lingma", "linkai.clients.eng.api-key=pt-token-1234",
				"linkai.clients.eng.base-url=" + wireMock.baseUrl(), "linkai.clients.eng.lingma.organization-id=ORG1")
			.run((context) -> {
				context.getBean("engChatClient", ChatClient.class).chat("你好");
				wireMock.verify(postRequestedFor(urlPathEqualTo("/oapi/v1/lingma/organizations/ORG1/model/chat"))
					.withRequestBody(equalToJson("""
							{"input":{"messages":[{"role":"user","content":"你好"}]}}""")));
			});
	}

	@Test
	void aKeyWithDashesReachesLinkAiExactlyAsConfiguredAndTheAppCodeOnlyFromItsProperty() {
		this.contextRunner
			.withPropertyValues("linkai.api-key=lk-test-key", "linkai.base-url=" + wireMock.baseUrl(),
					"linkai.clients.app.app-code=APP1")
			.run((context) -> {
				context.getBean(ChatClient.class).chat("你好");
				context.getBean("appChatClient", ChatClient.class).chat("你好");
				wireMock.verify(2, postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withHeader("Authorization",
						equalTo("Bearer lk-test-key")));
				wireMock.verify(1,
						postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(equalToJson("""
								{"messages":[{"role":"user","content":"你好"}]}""")));
				wireMock.verify(1,
						postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(equalToJson("""
								{"messages":[{"role":"user","content":"你好"}],"app_code":"APP1"}""")));
			});
	}

	@Test
	void aCredentialIsSentWithoutSurroundingWhitespaceAndALineBreakInsideFailsStartupWithoutShowingIt() {
		this.contextRunner.withPropertyValues("linkai.api-key= " + KEY + "\n", "linkai.base-url=" + wireMock.baseUrl())
			.run((context) -> {
				context.getBean(ChatClient.class).chat("你好");
				wireMock.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withHeader("Authorization",
						equalTo("Bearer " + KEY)));
			});
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY + "\r\nX-Injected: 1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("linkai.api-key")
				.hasMessageContaining("control character")
				.hasMessageNotContaining(KEY);
		});
	}

	@Test
	void eachClientCreatedIsLoggedOnceWithoutItsCredential(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.app-code=G7z6vKwp",
					"linkai.clients.eng.provider=lingma", "linkai.clients.eng.api-key=pt-0fh3abcdef0fbG",
					"linkai.clients.eng.lingma.organization-id=ORG1")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).containsOnlyOnce(
				"Chat client 'default': provider linkai, host api.link-ai.tech, app code G7z6vKwp, with memory chat")
			.containsOnlyOnce("Chat client 'eng': provider lingma, host openapi-rdc.aliyuncs.com, organization ORG1")
			.doesNotContain(KEY)
			.doesNotContain("pt-0fh3abcdef0fbG");
	}

	@Test
	void theRegistryKnowsWhatEachClientTalksToAsTheLogLineSaysAndNeverItsCredential() {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.app-code=G7z6vKwp",
					"linkai.clients.eng.provider=lingma", "linkai.clients.eng.api-key=pt-0fh3abcdef0fbG",
					"linkai.clients.eng.lingma.organization-id=ORG1", "linkai.clients.eng.base-url=http://127.0.0.1:9")
			.run((context) -> {
				ChatClientRegistry registry = context.getBean(ChatClientRegistry.class);
				assertThat(registry.target("default"))
					.isEqualTo(new ChatClientTarget("linkai", "api.link-ai.tech", "app code G7z6vKwp"));
				assertThat(registry.target("eng"))
					.isEqualTo(new ChatClientTarget("lingma", "127.0.0.1", "organization ORG1"));
				assertThat(registry.target("eng").toString()).doesNotContain("pt-0fh3abcdef0fbG");
				assertThatExceptionOfType(java.util.NoSuchElementException.class)
					.isThrownBy(() -> registry.target("sales"));
			});
	}

	@Test
	void aRegistryBuiltByTheApplicationKnowsItsClientsTargetsByProviderOnly() {
		ChatClient support = mock(ChatClient.class);
		org.mockito.BDDMockito.given(support.name()).willReturn("support");
		org.mockito.BDDMockito.given(support.provider()).willReturn("jijyun");
		ChatClientRegistry registry = ChatClientRegistry.of(support);
		assertThat(registry.target("support")).isEqualTo(new ChatClientTarget("jijyun", "", ""));
	}

	@Test
	void aTypoInAPropertyFailsStartupNamingIt() {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.clients.eng.provder=lingma",
					"linkai.clients.eng.api-key=pt-0fh3abcdef0fbG")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("linkai.clients.eng.provder")
					.hasMessageNotContaining("pt-0fh3abcdef0fbG");
			});
	}

	@Test
	void aLingmaBlockOnALinkAiClientFailsStartupNamingIt() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY, "linkai.lingma.organization-id=ORG1")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("linkai.lingma.organization-id")
					.hasMessageContaining("lingma settings block on a linkai client");
			});
	}

	@Test
	void retriesAndTimeoutsBindPerClientAndAreInherited() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(503)));
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.base-url=" + wireMock.baseUrl(),
					"linkai.retry.max-retries=0", "linkai.idle-timeout=5s", "linkai.max-event-size=16MB",
					"linkai.clients.patient.retry.max-retries=1", "linkai.clients.patient.retry.initial-backoff=10ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThatExceptionOfType(io.github.linkai.spring.client.error.ServiceUnavailableException.class)
					.isThrownBy(() -> context.getBean(ChatClient.class).chat("你好"));
				wireMock.verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
				wireMock.resetRequests();
				assertThatExceptionOfType(io.github.linkai.spring.client.error.ServiceUnavailableException.class)
					.isThrownBy(() -> context.getBean("patientChatClient", ChatClient.class).chat("你好"));
				wireMock.verify(2, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
			});
	}

	@Test
	void aNegativeRetryCountFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY, "linkai.retry.max-retries=-1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("linkai.retry.max-retries")
				.hasMessageContaining("Must be 0 (no retries) or more");
		});
	}

	@Test
	void aDefaultClientWhoseProviderHasNoMemoryChatGivesNoMemoryChatClient() {
		this.contextRunner
			.withPropertyValues("linkai.provider=lingma", "linkai.api-key=pt-0fh3abcdef0fbG",
					"linkai.lingma.organization-id=ORG1")
			.run((context) -> {
				assertThat(context).hasSingleBean(ChatClient.class);
				assertThat(context.getBean(ChatClient.class).provider()).isEqualTo("lingma");
				assertThat(context).doesNotHaveBean(MemoryChatClient.class);
			});
	}

	private static String fixture(String name) throws IOException {
		try (InputStream in = LinkAiAutoConfigurationTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		@Bean
		ChatClient myClient() {
			return mock(ChatClient.class);
		}

	}

	static class QualifiedConsumer {

		final ChatClient plain;

		final ChatClient support;

		final ChatClient sales;

		final MemoryChatClient salesMemory;

		QualifiedConsumer(ChatClient plain, @Qualifier("support") ChatClient support,
				@Qualifier("sales") ChatClient sales, @Qualifier("sales") MemoryChatClient salesMemory) {
			this.plain = plain;
			this.support = support;
			this.sales = sales;
			this.salesMemory = salesMemory;
		}

	}

}
