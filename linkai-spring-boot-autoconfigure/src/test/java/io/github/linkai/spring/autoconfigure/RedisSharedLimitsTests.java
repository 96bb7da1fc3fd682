package io.github.linkai.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.error.BudgetExhaustedException;
import io.github.linkai.spring.client.error.LimiterUnavailableException;
import io.github.linkai.spring.client.error.RequestRateLimitException;
import io.github.linkai.spring.limits.Limits;
import io.github.linkai.spring.limits.RedisServer;
import io.lettuce.core.resource.Delay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Two application contexts, two instances, on one real Redis ({@code redis-server} on a
 * free port, skipped when it is not installed): one request rate and one budget between
 * them; Redis stopped mid-test and restarted, failing open and failing closed.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisSharedLimitsTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				DataRedisAutoConfiguration.class))
		.withBean(ClientResourcesBuilderCustomizer.class,
				() -> (builder) -> builder.reconnectDelay(Delay.constant(Duration.ofMillis(100))))
		.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
				"linkai.limits.store=redis", "linkai.limits.redis.retry-interval=200ms",
				"linkai.clients.assistant.provider=openai", "linkai.clients.assistant.api-key=sk-0f3c9a7e5b1d4e2f",
				"linkai.clients.assistant.base-url=" + wireMock.baseUrl() + "/v1/",
				"linkai.clients.assistant.model=deepseek-chat", "linkai.clients.assistant.retry.max-retries=0",
				"linkai.clients.assistant.deadline=3s");

	@BeforeEach
	void stub() {
		redis.start();
		redis.command("FLUSHALL");
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson("""
				{"id":"c-1","model":"deepseek-chat","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},
				 "finish_reason":"stop"}],"usage":{"prompt_tokens":60,"completion_tokens":40,"total_tokens":100}}""")));
	}

	@Test
	void twoInstancesShareOneRequestRate() {
		ApplicationContextRunner rated = this.contextRunner.withPropertyValues(
				"linkai.clients.assistant.limits.request-rate=5", "linkai.clients.assistant.limits.rate-period=1h",
				"linkai.clients.assistant.limits.max-wait=0s");
		rated.run((first) -> rated.run((second) -> {
			List<ChatClient> instances = List.of(client(first), client(second));
			List<String> outcomes = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				Throwable error = catchThrowable(() -> instances.get(outcomes.size() % 2).chat("hello"));
				outcomes.add((error != null) ? error.getClass().getSimpleName() : "answered");
			}
			assertThat(outcomes).filteredOn("answered"::equals).hasSize(5);
			assertThat(outcomes).filteredOn(RequestRateLimitException.class.getSimpleName()::equals).hasSize(7);
		}));
	}

	@Test
	void twoInstancesShareOneBudget() {
		ApplicationContextRunner budgeted = this.contextRunner
			.withPropertyValues("linkai.clients.assistant.budget.tokens=100");
		budgeted.run((first) -> budgeted.run((second) -> {
			client(first).chat("hello");

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(catchThrowable(() -> client(second).chat("hello")))
					.isInstanceOf(BudgetExhaustedException.class));
			assertThat(catchThrowable(() -> client(first).chat("hello"))).isInstanceOf(BudgetExhaustedException.class);
		}));
	}

	@Test
	void failingOpenCallsGoOnWhileRedisIsDownAndTheLimitsComeBackWithIt(CapturedOutput output) {
		this.contextRunner.withPropertyValues("linkai.clients.assistant.limits.request-rate=1000").run((context) -> {
			ChatClient client = client(context);
			client.chat("hello");

			redis.stop();
			for (int i = 0; i < 5; i++) {
				long start = System.nanoTime();
				assertThat(client.chat("hello")).isEqualTo("hi");
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			}
			assertThat(output.toString().split("Redis unavailable for linkai limits: failing open", -1)).hasSize(2);

			redis.start();
			await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
				client.chat("hello");
				assertThat(context.getBean(Limits.class).isStoreAvailable()).isTrue();
			});
			assertThat(output).contains("Redis available again for linkai limits after");
		});
	}

	@Test
	void failingClosedCallsAreRefusedAtOnceWhileRedisIsDownAndGoOnWhenItIsBack() {
		this.contextRunner
			.withPropertyValues("linkai.limits.redis-unavailable=fail-closed",
					"linkai.clients.assistant.limits.request-rate=1000")
			.run((context) -> {
				ChatClient client = client(context);
				client.chat("hello");

				redis.stop();
				long start = System.nanoTime();
				Throwable refused = catchThrowable(() -> client.chat("hello"));
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				assertThat(refused).isInstanceOf(LimiterUnavailableException.class)
					.hasMessageContaining("nothing was sent");
				assertThat(took).isLessThan(Duration.ofSeconds(1));

				redis.start();
				await().atMost(Duration.ofSeconds(15))
					.pollInterval(Duration.ofMillis(100))
					.ignoreException(LimiterUnavailableException.class)
					.untilAsserted(() -> assertThat(client.chat("hello")).isEqualTo("hi"));
			});
	}

	private static ChatClient client(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		Limits limits = context.getBean(Limits.class);
		assertThat(limits.isShared()).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(limits::isStoreAvailable);
		return context.getBean("assistantChatClient", ChatClient.class);
	}

}
