package io.github.linkai.spring.autoconfigure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code provider=openai} clients as configured: settings under {@code openai.*} bound
 * and sent, and the startup checks naming the property (base URL and model required, an
 * extra body field clashing, a default out of range).
 */
class OpenAiClientConfigurationTests {

	private static final String KEY = "sk-0f3c9a7e5b1d4e2f";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class));

	@Test
	void namedOpenAiClientBindsItsSettingsAndSendsThem() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson("""
				{"id":"c-1","model":"deepseek-chat","choices":[{"index":0,"message":{"role":"assistant","content":"你好"},
				 "finish_reason":"stop"}]}""")));
		this.contextRunner.withPropertyValues("linkai.clients.ds.provider=openai", "linkai.clients.ds.api-key=" + KEY,
				"linkai.clients.ds.base-url=" + wireMock.baseUrl() + "/v1/", "linkai.clients.ds.model=deepseek-chat",
				"linkai.clients.ds.temperature=1.3", "linkai.clients.ds.max-tokens=256",
				"linkai.clients.ds.openai.seed=7", "linkai.clients.ds.openai.stop=END,###",
				"linkai.clients.ds.openai.user=u-1", "linkai.clients.ds.openai.frequency-penalty=0.5",
				"linkai.clients.ds.openai.extra-body[enable_search]=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ChatClient ds = context.getBean("dsChatClient", ChatClient.class);
				assertThat(ds.provider()).isEqualTo("openai");
				assertThat(context).doesNotHaveBean("dsMemoryChatClient");
				assertThat(ds.chat("你好")).isEqualTo("你好");
				wireMock.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
					.withHeader("Authorization", equalTo("Bearer " + KEY))
					.withRequestBody(equalToJson("""
							{"model":"deepseek-chat","messages":[{"role":"user","content":"你好"}],"temperature":1.3,
							 "max_tokens":256,"seed":7,"stop":["END","###"],"user":"u-1","frequency_penalty":0.5,
							 "enable_search":"true"}""")));
			});
	}

	@Test
	void openAiClientWithoutABaseUrlFailsStartupNamingIt() {
		this.contextRunner
			.withPropertyValues("linkai.clients.ds.provider=openai", "linkai.clients.ds.api-key=" + KEY,
					"linkai.clients.ds.model=deepseek-chat")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("linkai.clients.ds.base-url")
					.hasMessageNotContaining(KEY);
			});
	}

	@Test
	void openAiClientWithoutAModelFailsStartupNamingIt() {
		this.contextRunner
			.withPropertyValues("linkai.provider=openai", "linkai.api-key=" + KEY,
					"linkai.base-url=https://api.deepseek.com/v1")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("linkai.model");
			});
	}

	@Test
	void extraBodyFieldTheLibrarySetsFailsStartupNamingIt() {
		this.contextRunner
			.withPropertyValues("linkai.provider=openai", "linkai.api-key=" + KEY,
					"linkai.base-url=https://api.deepseek.com/v1", "linkai.model=deepseek-chat",
					"linkai.openai.extra-body[stream]=false")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("linkai.openai.extra-body[stream]")
					.hasMessageContaining("library sets");
			});
	}

	@Test
	void penaltyOutOfRangeFailsStartupNamingIt() {
		this.contextRunner
			.withPropertyValues("linkai.provider=openai", "linkai.api-key=" + KEY,
					"linkai.base-url=https://api.deepseek.com/v1", "linkai.model=deepseek-chat",
					"linkai.openai.presence-penalty=2.5")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("linkai.openai.presence-penalty")
					.hasMessageContaining("[-2, 2]");
			});
	}

	@Test
	void temperatureAboveTwoFailsStartupNamingIt() {
		this.contextRunner.withPropertyValues("linkai.provider=openai", "linkai.api-key=" + KEY,
				"linkai.base-url=https://api.deepseek.com/v1", "linkai.model=deepseek-chat", "linkai.temperature=2.5")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("linkai.temperature")
					.hasMessageContaining("[0, 2]");
			});
	}

	@Test
	void unknownOpenAiSettingFailsStartupNamingIt() {
		this.contextRunner.withPropertyValues("linkai.provider=openai", "linkai.api-key=" + KEY,
				"linkai.base-url=https://api.deepseek.com/v1", "linkai.model=deepseek-chat", "linkai.openai.top-k=5")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("linkai.openai.top-k");
			});
	}

}
