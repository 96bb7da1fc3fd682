package io.github.linkai.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.error.BadRequestException;
import io.github.linkai.spring.client.error.RateLimitedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The gate in the one exchange path, over real HTTP: each attempt is sent with the key
 * its admission picked, a 429 or a rejected key sends the next attempt with another key
 * at once, the provider's rate-limit headers rest a key, and the provider's signals in a
 * 200 body or a stream's error object are the exceptions of their status.
 */
class KeyPoolExchangeTests {

	private static final String FIRST = "sk-pool1f3c9a7e5b1d4e";

	private static final String SECOND = "sk-pool2a1b2c3d4e5f6a";

	private static final String THIRD = "sk-pool3b2c3d4e5f6a7b";

	private static final String ANSWER = """
			{"id":"c-1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},
			 "finish_reason":"stop"}],"usage":{"prompt_tokens":6,"completion_tokens":4,"total_tokens":10}}""";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class))
		.withPropertyValues("linkai.clients.pool.provider=openai",
				"linkai.clients.pool.api-keys=" + FIRST + "," + SECOND,
				"linkai.clients.pool.base-url=" + wireMock.baseUrl() + "/v1/", "linkai.clients.pool.model=m",
				"linkai.clients.pool.retry.max-retries=0", "linkai.clients.pool.deadline=5s");

	@BeforeEach
	void answerTheSecondKey() {
		wireMock.stubFor(post("/v1/chat/completions").withHeader("Authorization", equalTo("Bearer " + SECOND))
			.willReturn(okJson(ANSWER)));
	}

	@Test
	void aKeyThatGets429IsLeftForAnotherAtOnceEvenWithoutRetries() {
		wireMock.stubFor(post("/v1/chat/completions").withHeader("Authorization", equalTo("Bearer " + FIRST))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
		this.contextRunner.run((context) -> {
			ChatClient pool = context.getBean(ChatClientRegistry.class).get("pool");
			assertThat(pool.chat("hello")).isEqualTo("hi");
			assertThat(pool.chat("again")).isEqualTo("hi");
			// the first key rests for its Retry-After: the second call goes to the second
			// key
			assertThat(keysSent()).containsExactly(FIRST, SECOND, SECOND);
		});
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void keySwitchesDoNotUseUpTheRetries(boolean stream) {
		restForThirtySeconds(FIRST);
		restForThirtySeconds(SECOND);
		String third = "third key";
		wireMock.stubFor(post("/v1/chat/completions").withHeader("Authorization", equalTo("Bearer " + THIRD))
			.inScenario(third)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("once"));
		wireMock.stubFor(post("/v1/chat/completions").withHeader("Authorization", equalTo("Bearer " + THIRD))
			.inScenario(third)
			.whenScenarioStateIs("once")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("twice"));
		wireMock.stubFor(post("/v1/chat/completions").withHeader("Authorization", equalTo("Bearer " + THIRD))
			.inScenario(third)
			.whenScenarioStateIs("twice")
			.willReturn(stream ? aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},"
						+ "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")
					: okJson(ANSWER)));
		threeKeysWithTwoRetries().run((context) -> {
			ChatClient pool = context.getBean(ChatClientRegistry.class).get("pool");
			String answer = stream ? pool.stream("hello").map(ChatChunk::delta).collect(Collectors.joining()).block()
					: pool.chat("hello");
			assertThat(answer).isEqualTo("hi");
			// two switches at once, then the two retries of the 503, with backoff
			assertThat(keysSent()).containsExactly(FIRST, SECOND, THIRD, THIRD, THIRD);
		});
	}

	@Test
	void aCallSwitchesAtMostOncePerOtherKeyAndNeverSendsAgainOnAKeyWithoutBackoff() {
		restForThirtySeconds(FIRST);
		restForThirtySeconds(SECOND);
		restForThirtySeconds(THIRD);
		threeKeysWithTwoRetries().run((context) -> {
			ChatClient pool = context.getBean(ChatClientRegistry.class).get("pool");
			// every key rests for longer than the deadline: no retry waits that long
			assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> pool.chat("hello"));
			assertThat(keysSent()).containsExactly(FIRST, SECOND, THIRD);
		});
	}

	@Test
	void aRejectedKeyIsParkedAndNeverShown() {
		wireMock.stubFor(post("/v1/chat/completions").withHeader("Authorization", equalTo("Bearer " + FIRST))
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"Incorrect API key " + FIRST + "\",\"type\":\"auth\"}}")));
		this.contextRunner.run((context) -> {
			ChatClient pool = context.getBean(ChatClientRegistry.class).get("pool");
			for (int i = 0; i < 3; i++) {
				assertThat(pool.chat("hello")).isEqualTo("hi");
			}
			assertThat(keysSent()).containsExactly(FIRST, SECOND, SECOND, SECOND);
		});
	}

	@Test
	void aKeyWhoseProviderSaysItHasNoRequestsLeftRestsUntilItsReset() {
		wireMock.stubFor(post("/v1/chat/completions").withHeader("Authorization", equalTo("Bearer " + FIRST))
			.willReturn(okJson(ANSWER).withHeader("x-ratelimit-remaining-requests", "0")
				.withHeader("x-ratelimit-reset-requests", "6m0s")));
		this.contextRunner.run((context) -> {
			ChatClient pool = context.getBean(ChatClientRegistry.class).get("pool");
			for (int i = 0; i < 3; i++) {
				assertThat(pool.chat("hello")).isEqualTo("hi");
			}
			assertThat(keysSent()).containsExactly(FIRST, SECOND, SECOND);
		});
	}

	@Test
	void linkAisRateLimitInAnHttp200BodyIsARateLimitedExceptionNotAnEmptyAnswer() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson("""
				{"code":429,"message":"请求过于频繁"}""")));
		this.contextRunner.withPropertyValues("linkai.clients.pool.api-keys=", "linkai.clients.pool.api-key=" + FIRST)
			.run((context) -> {
				ChatClient pool = context.getBean(ChatClientRegistry.class).get("pool");
				assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> pool.chat("hello"))
					.satisfies((error) -> assertThat(error.statusCode()).isEqualTo(429))
					.withMessageContaining("请求过于频繁");
			});
	}

	@Test
	void anErrorObjectInAStreamWithAnHttpCodeIsTheExceptionOfThatStatus() {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody("data: {\"type\":\"error\",\"error\":{\"message\":\"bad input\",\"http_code\":\"400\"}}\n\n")));
		this.contextRunner.withPropertyValues("linkai.clients.pool.api-keys=", "linkai.clients.pool.api-key=" + FIRST)
			.run((context) -> {
				ChatClient pool = context.getBean(ChatClientRegistry.class).get("pool");
				assertThatExceptionOfType(BadRequestException.class)
					.isThrownBy(() -> pool.stream("hello").blockLast(Duration.ofSeconds(5)))
					.satisfies((error) -> assertThat(error.statusCode()).isEqualTo(400));
			});
	}

	private ApplicationContextRunner threeKeysWithTwoRetries() {
		return this.contextRunner.withPropertyValues(
				"linkai.clients.pool.api-keys=" + FIRST + "," + SECOND + "," + THIRD,
				"linkai.clients.pool.retry.max-retries=2", "linkai.clients.pool.retry.initial-backoff=10ms");
	}

	private static void restForThirtySeconds(String key) {
		wireMock.stubFor(post("/v1/chat/completions").withHeader("Authorization", equalTo("Bearer " + key))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
	}

	private static List<String> keysSent() {
		return wireMock.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))
			.stream()
			.map(LoggedRequest.class::cast)
			.map((request) -> request.getHeader("Authorization").substring("Bearer ".length()))
			.toList();
	}

}
