package io.github.linkai.spring.autoconfigure;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A configured fallback chain of two providers over HTTP: the answer collected from the
 * stream of its second client names that client and its provider, not the chain's first.
 */
class FallbackChainStreamTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withPropertyValues("linkai.clients.assistant.provider=linkai",
				"linkai.clients.assistant.api-key=Link_tOCJYmHxxm55eA1xs",
				"linkai.clients.assistant.base-url=" + wireMock.baseUrl() + "/a",
				"linkai.clients.assistant.retry.max-retries=0", "linkai.clients.assistant.fallback=deepseek",
				"linkai.clients.deepseek.provider=openai", "linkai.clients.deepseek.api-key=sk-7a1b2c3d4e5f6a7b",
				"linkai.clients.deepseek.base-url=" + wireMock.baseUrl() + "/d/v1/",
				"linkai.clients.deepseek.model=deepseek-chat");

	@Test
	void theChainsChunksAndCollectedAnswerNameTheClientAndProviderThatServed() {
		wireMock.stubFor(post("/a/v1/chat/completions").willReturn(aResponse().withStatus(503)));
		wireMock.stubFor(post("/d/v1/chat/completions")
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody("""
					data: {"id":"c-1","choices":[{"index":0,"delta":{"content":"h"}}]}

					data: {"id":"c-1","choices":[{"index":0,"delta":{"content":"i"},"finish_reason":"stop"}]}

					data: [DONE]

					""")));
		this.contextRunner.run((context) -> {
			ChatClient chain = context.getBean("assistantChatClient", ChatClient.class);
			assertThat(chain.provider()).isEqualTo("linkai");
			List<ChatChunk> chunks = chain.stream("hello").collectList().block();
			assertThat(chunks).extracting(ChatChunk::delta).containsExactly("h", "i");
			assertThat(chunks).extracting(ChatChunk::clientName).containsOnly("deepseek");
			assertThat(chunks).extracting(ChatChunk::provider).containsOnly("openai");
			ChatResponse answer = chain.streamAndCollect(ChatRequest.of("hello")).block();
			assertThat(answer).isNotNull();
			assertThat(answer.content()).isEqualTo("hi");
			assertThat(answer.provider()).isEqualTo("openai");
			assertThat(answer.clientName()).isEqualTo("deepseek");
		});
	}

}
