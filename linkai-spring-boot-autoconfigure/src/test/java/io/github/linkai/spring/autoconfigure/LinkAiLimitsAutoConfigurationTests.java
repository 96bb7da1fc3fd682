package io.github.linkai.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.fallback.FallbackChatClient;
import io.github.linkai.spring.limits.Limits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits' and fallback chains' configuration: the store chosen, the chains built, and
 * every mistake failing startup naming its property.
 */
class LinkAiLimitsAutoConfigurationTests {

	private static final String KEY = "sk-0f3c9a7e5b1d4e2f";

	private static final String SECOND_KEY = "sk-7a1b2c3d4e5f6a7b";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withPropertyValues(client("assistant", "/a"))
		.withPropertyValues(client("deepseek", "/d"))
		.withPropertyValues("linkai.clients.memo.api-key=Link_tOCJYmHxxm55eA1xs");

	@Test
	void byDefaultTheLimitsAreInMemoryAndNeedNoRedis() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis", "io.lettuce"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Limits.class).isShared()).isFalse();
				assertThat(context.getBean(ChatClientRegistry.class).get("assistant").getClass().getSimpleName())
					.startsWith("Exchange");
			});
	}

	@Test
	void aStoreOnRedisWithoutSpringDataRedisFailsNamingTheProperty() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("linkai.limits.store=redis")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("linkai.limits.store")
				.hasMessageContaining("spring-boot-starter-data-redis"));
	}

	@Test
	void aStoreOnRedisWithoutARedisConnectionFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("linkai.limits.store=redis")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("linkai.limits.store")
				.hasMessageContaining("RedisConnectionFactory"));
	}

	@Test
	void aStoreOnRedisWithAnotherConnectionFactoryFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("linkai.limits.store=redis")
			.withBean(RedisConnectionFactory.class, () -> org.mockito.Mockito.mock(RedisConnectionFactory.class))
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("linkai.limits.store")
				.hasMessageContaining("Lettuce"));
	}

	@Test
	void aFallbackChainIsTheClientsEntryAndItsTargetsStayUsableAlone() {
		this.contextRunner.withPropertyValues("linkai.clients.assistant.fallback=deepseek").run((context) -> {
			assertThat(context).hasNotFailed();
			ChatClientRegistry registry = context.getBean(ChatClientRegistry.class);
			assertThat(registry.get("assistant")).isInstanceOf(FallbackChatClient.class);
			assertThat(((FallbackChatClient) registry.get("assistant")).names()).containsExactly("assistant",
					"deepseek");
			assertThat(context.getBean("assistantChatClient")).isSameAs(registry.get("assistant"));
			assertThat(registry.get("deepseek")).isNotInstanceOf(FallbackChatClient.class);
			assertThat(context.getBean(Limits.class).breakerState("assistant")).isEqualTo("CLOSED");
			assertThat(context.getBean(Limits.class).breakerState("deepseek")).isEqualTo("CLOSED");
			assertThat(context.getBean(Limits.class).breakerState("memo")).isNull();
		});
	}

	@Test
	void memoryChatIsNeverAChain() {
		this.contextRunner.withPropertyValues("linkai.clients.memo.fallback=deepseek", "linkai.clients.memo.model=x")
			.run((context) -> {
				ChatClientRegistry registry = context.getBean(ChatClientRegistry.class);
				assertThat(registry.get("memo")).isInstanceOf(FallbackChatClient.class);
				assertThat(registry.memory("memo")).isNotInstanceOf(FallbackChatClient.class)
					.isInstanceOf(MemoryChatClient.class);
			});
	}

	@Test
	void aClientThatFailsOnTheProvidersSideIsAnsweredByItsFallbackAndTheFallbackIsCounted() {
		wireMock.stubFor(post("/a/v1/chat/completions").willReturn(aResponse().withStatus(503)));
		wireMock.stubFor(post("/d/v1/chat/completions").willReturn(okJson("""
				{"id":"c-1","model":"deepseek-chat","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},
				 "finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""")));
		this.contextRunner
			.withPropertyValues("linkai.clients.assistant.fallback=deepseek",
					"linkai.clients.assistant.retry.max-retries=0")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withConfiguration(AutoConfigurations.of(LinkAiObservationAutoConfiguration.class))
			.run((context) -> {
				ChatResponse response = context.getBean("assistantChatClient", ChatClient.class)
					.chat(ChatRequest.of("hello"));
				assertThat(response.clientName()).isEqualTo("deepseek");
				assertThat(response.content()).isEqualTo("hi");
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("linkai.client.fallbacks")
					.tags("from", "assistant", "to", "deepseek", "reason", "server-error")
					.counter()
					.count()).isOne();
				assertThat(meters.get("linkai.client.breaker.state")
					.tags("linkai.client.name", "assistant", "state", "closed")
					.gauge()
					.value()).isOne();
			});
		wireMock.verify(1, postRequestedFor(urlEqualTo("/d/v1/chat/completions")));
	}

	@Test
	void aRequestRateAndABudgetApplyToTheClientsCalls() {
		wireMock.stubFor(post("/d/v1/chat/completions").willReturn(
				okJson("""
						{"id":"c-1","model":"deepseek-chat","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},
						 "finish_reason":"stop"}],"usage":{"prompt_tokens":600,"completion_tokens":400,"total_tokens":1000}}""")));
		this.contextRunner
			.withPropertyValues("linkai.pricing.deepseek-chat.input=2", "linkai.pricing.deepseek-chat.output=8",
					"linkai.clients.deepseek.budget.cost=0.004", "linkai.clients.deepseek.limits.max-in-flight=4")
			.run((context) -> {
				ChatClient deepseek = context.getBean("deepseekChatClient", ChatClient.class);
				// 600 x 2 + 400 x 8 = 4400 per million: over the budget after one call
				deepseek.chat("hello");
				org.awaitility.Awaitility.await()
					.untilAsserted(() -> assertThat(context.getBean(Limits.class).budgetRemaining("deepseek"))
						.isEqualTo(-400L));
				assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> deepseek.chat("again")))
					.isInstanceOf(io.github.linkai.spring.client.error.BudgetExhaustedException.class)
					.hasMessageContaining("nothing was sent");
			});
	}

	@Test
	void healthShowsEachClientsBreakerAndBudget() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(LinkAiHealthContributorAutoConfiguration.class))
			.withPropertyValues("linkai.clients.assistant.fallback=deepseek",
					"linkai.clients.deepseek.budget.tokens=1000")
			.run((context) -> {
				CompositeReactiveHealthContributor linkai = (CompositeReactiveHealthContributor) context
					.getBean("linkaiHealthContributor", ReactiveHealthContributor.class);
				Health assistant = ((ReactiveHealthIndicator) linkai.getContributor("assistant")).health().block();
				Health deepseek = ((ReactiveHealthIndicator) linkai.getContributor("deepseek")).health().block();
				assertThat(assistant.getDetails()).containsEntry("breaker", Map.of("state", "CLOSED"));
				assertThat(deepseek.getDetails()).containsKey("budget");
				assertThat(deepseek.getDetails().get("budget").toString()).contains("unit=tokens", "limit=1000");
			});
	}

	@Test
	void aFallbackIsTheClientsOwnAndNotInherited() {
		this.contextRunner
			.withPropertyValues("linkai.provider=openai", "linkai.api-key=" + KEY,
					"linkai.base-url=" + wireMock.baseUrl() + "/t/v1/", "linkai.model=m", "linkai.fallback=deepseek")
			.run((context) -> {
				ChatClientRegistry registry = context.getBean(ChatClientRegistry.class);
				assertThat(registry.get("default")).isInstanceOf(FallbackChatClient.class);
				assertThat(registry.get("assistant")).isNotInstanceOf(FallbackChatClient.class);
			});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					linkai.clients.assistant.fallback=nobody           | linkai.clients.assistant.fallback | Unknown client 'nobody'
					linkai.clients.assistant.fallback=assistant        | linkai.clients.assistant.fallback | Names the client itself
					linkai.clients.assistant.fallback=memo.memory      | linkai.clients.assistant.fallback | is a memory chat client
					linkai.clients.assistant.fallback=memoMemoryChatClient | linkai.clients.assistant.fallback | memory chat keeps its conversation on one server
					linkai.clients.assistant.fallback=deepseek,deepseek | linkai.clients.assistant.fallback | Names 'deepseek' twice
					linkai.clients.assistant.limits.max-in-flight=0    | linkai.clients.assistant.limits.max-in-flight | Must be at least 1
					linkai.clients.assistant.limits.max-wait=-1s       | linkai.clients.assistant.limits.max-wait | Must not be negative
					linkai.clients.assistant.limits.request-rate=0     | linkai.clients.assistant.limits.request-rate | Must be at least 1
					linkai.clients.assistant.breaker.failure-threshold=0 | linkai.clients.assistant.breaker.failure-threshold | Must be at least 1
					linkai.clients.assistant.budget.tokens=-5          | linkai.clients.assistant.budget.tokens | Must be at least 1
					linkai.clients.assistant.budget.cost=10            | linkai.clients.assistant.budget.cost | No price for the client's model 'deepseek-chat'
					linkai.clients.memo.budget.cost=10                 | linkai.clients.memo.budget.cost | needs the client's model to price
					linkai.pricing.deepseek-chat.input=-1;linkai.pricing.deepseek-chat.output=1 | linkai.pricing.deepseek-chat.input | Must not be negative
					linkai.pricing[LinkAI-4o-mini].output=-0.5;linkai.pricing[LinkAI-4o-mini].input=1 | linkai.pricing[LinkAI-4o-mini].output | Must not be negative
					linkai.limits.redis.timeout=0s                     | linkai.limits.redis.timeout | Must be positive
					linkai.limits.redis.unsynchronized-time=-1s        | linkai.limits.redis.unsynchronized-time | Must be zero or positive
					linkai.limits.redis.unsynchronized-requests=0      | linkai.limits.redis.unsynchronized-requests | Must be at least 1
					linkai.clients.assistant.key-cooldown=0s           | linkai.clients.assistant.key-cooldown | Must be positive
					linkai.clients.pooled.provider=openai;linkai.clients.pooled.base-url=http://localhost/v1;linkai.clients.pooled.model=m;linkai.clients.pooled.api-keys[0]=sk-pool0a1b2c;linkai.clients.pooled.api-keys[1]=${NO_SUCH_POOL_KEY} | linkai.clients.pooled.api-keys[1] | unresolved placeholder ${NO_SUCH_POOL_KEY}
					""")
	void aMistakeFailsStartupNamingItsProperty(String properties, String name, String reason) {
		this.contextRunner.withPropertyValues(properties.split(";"))
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("Property " + name + " ")
				.hasMessageContaining(reason));
	}

	@Test
	void aPriceWithoutItsOutputFailsNamingIt() {
		this.contextRunner.withPropertyValues("linkai.pricing.deepseek-chat.input=1")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("linkai.pricing.deepseek-chat.output"));
	}

	@Test
	void chainsThatFormACycleFailNamingTheCycle() {
		this.contextRunner
			.withPropertyValues("linkai.clients.assistant.fallback=deepseek",
					"linkai.clients.deepseek.fallback=assistant")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("linkai.clients.assistant.fallback")
				.hasMessageContaining("assistant -> deepseek -> assistant"));
	}

	@Test
	void aKeyPoolIsCheckedByPositionNeverShowingAKey() {
		this.contextRunner
			.withPropertyValues("linkai.clients.deepseek.api-key=",
					"linkai.clients.deepseek.api-keys=" + KEY + "," + SECOND_KEY + "," + KEY)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("linkai.clients.deepseek.api-keys[2]")
				.hasMessageContaining("same key as an earlier one")
				.hasMessageNotContaining(KEY));
		this.contextRunner.withPropertyValues("linkai.clients.deepseek.api-keys=" + SECOND_KEY)
			.withPropertyValues("linkai.clients.deepseek.api-key=" + KEY)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("linkai.clients.deepseek.api-keys")
				.hasMessageContaining("not both"));
	}

	@Test
	void aKeyPoolMakesAClientWhoseKeysAreMaskedEverywhere() {
		this.contextRunner
			.withPropertyValues("linkai.clients.pool.provider=openai",
					"linkai.clients.pool.api-keys=" + KEY + "," + SECOND_KEY,
					"linkai.clients.pool.base-url=" + wireMock.baseUrl() + "/p/v1/", "linkai.clients.pool.model=m")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ConfiguredClients clients = context.getBean(ConfiguredClients.class);
				assertThat(clients.credentials()).contains(KEY, SECOND_KEY);
				LinkAiClientProperties pool = clients.clients()
					.stream()
					.filter((client) -> client.name().equals("pool"))
					.findFirst()
					.orElseThrow()
					.properties();
				assertThat(pool.toString()).contains("apiKeys=[******, ******]").doesNotContain(SECOND_KEY);
				assertThat(pool.primaryApiKey()).isEqualTo(KEY);
				assertThat(context.getBean(Limits.class).details("pool")).extracting("keys")
					.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
					.hasSize(2)
					.allSatisfy((key) -> assertThat(key.toString()).doesNotContain(KEY).doesNotContain(SECOND_KEY));
			});
	}

	@Test
	void apiKeysAloneConfigureTheDefaultClientAndANamedClientsOwnKeysReplaceTheInheritedKey() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class))
			.withPropertyValues("linkai.provider=openai", "linkai.api-keys=" + KEY + "," + SECOND_KEY,
					"linkai.base-url=" + wireMock.baseUrl() + "/v1/", "linkai.model=m",
					"linkai.clients.own.api-keys=" + SECOND_KEY, "linkai.clients.single.api-key=" + SECOND_KEY)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasBean("linkAiChatClient");
				ConfiguredClients clients = context.getBean(ConfiguredClients.class);
				assertThat(clients.clients()).extracting((client) -> client.properties().credentials())
					.containsExactly(List.of(KEY, SECOND_KEY), List.of(SECOND_KEY), List.of(SECOND_KEY));
			});
	}

	private static String[] client(String name, String path) {
		String prefix = "linkai.clients." + name + ".";
		return List
			.of(prefix + "provider=openai", prefix + "api-key=" + (name.equals("assistant") ? KEY : SECOND_KEY),
					prefix + "base-url=" + wireMock.baseUrl() + path + "/v1/", prefix + "model=deepseek-chat")
			.toArray(String[]::new);
	}

}
