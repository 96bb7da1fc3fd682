package io.github.linkai.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.error.ChatClientException;
import io.github.linkai.spring.client.http.CallObserver;
import io.github.linkai.spring.health.ChatClientHealthIndicator;
import io.github.linkai.spring.health.ChatClientHealthTracker;
import io.github.linkai.spring.health.MutableClock;
import io.github.linkai.spring.health.PassiveHealthSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LinkAiHealthContributorAutoConfiguration}: when the {@code linkai}
 * contributor exists, its entries, and, against WireMock, what Boot's health endpoint
 * shows after real calls.
 */
class LinkAiHealthContributorAutoConfigurationTests {

	private static final String KEY = "Link_tOCJYmHxxm55eA1xs";

	private static final String CHAT = "/v1/chat/completions";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				LinkAiHealthContributorAutoConfiguration.class));

	/**
	 * With Boot's health endpoint, its registries, groups and probes, as an application
	 * with actuator has them.
	 */
	private final ApplicationContextRunner endpointRunner = this.contextRunner.withConfiguration(AutoConfigurations.of(
			HealthContributorRegistryAutoConfiguration.class, HealthContributorAutoConfiguration.class,
			HealthEndpointAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class,
			AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class));

	@BeforeEach
	void stubChat() throws IOException {
		wireMock.stubFor(post(CHAT).willReturn(okJson(fixture("chat-reply.json"))));
	}

	@Test
	void contributorShouldHaveAnEntryPerClientNamedByTheClient() {
		this.contextRunner.withPropertyValues(clients()).run((context) -> {
			assertThat(context).hasSingleBean(ChatClientHealthTracker.class);
			ReactiveHealthContributor contributor = context.getBean("linkaiHealthContributor",
					ReactiveHealthContributor.class);
			assertThat(contributor).isInstanceOf(CompositeReactiveHealthContributor.class);
			assertThat(((CompositeReactiveHealthContributor) contributor).stream().map((entry) -> entry.name()))
				.containsExactly("default", "support");
			assertThat(((CompositeReactiveHealthContributor) contributor).getContributor("support"))
				.isInstanceOf(ChatClientHealthIndicator.class);
		});
	}

	@Test
	void contributorShouldStayACompositeWithASingleClient() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY).run((context) -> {
			CompositeReactiveHealthContributor contributor = context.getBean("linkaiHealthContributor",
					CompositeReactiveHealthContributor.class);
			assertThat(contributor.stream().map((entry) -> entry.name())).containsExactly("default");
		});
	}

	@Test
	void trackerShouldBeTheListenerEveryClientReportsTo() {
		this.contextRunner.withPropertyValues(clients())
			.run((context) -> assertThat(context.getBeansOfType(CallObserver.class).values())
				.contains(context.getBean(ChatClientHealthTracker.class)));
	}

	@Test
	void noContributorWithoutSpringBootHealthTypes() {
		this.contextRunner.withPropertyValues(clients())
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health.contributor"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean("linkaiHealthContributor")
					.doesNotHaveBean(ChatClientHealthTracker.class);
				assertThat(context.getBean(ChatClient.class).chat("你好")).isNotBlank();
			});
	}

	/**
	 * As an application without the module sees it: the auto-configuration is filtered
	 * out by its class condition before its other annotations (whose condition class is
	 * missing too) are read.
	 */
	@Test
	void noContributorWithoutTheSpringBootHealthModule() {
		new ApplicationContextRunner().withUserConfiguration(ImportedAutoConfigurations.class)
			.withPropertyValues(clients())
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean("linkaiHealthContributor")
					.doesNotHaveBean(ChatClientHealthTracker.class);
				assertThat(context.getBean(ChatClient.class).chat("你好")).isNotBlank();
			});
	}

	@Test
	void noContributorWhenTheIndicatorIsDisabled() {
		this.contextRunner.withPropertyValues(clients())
			.withPropertyValues("management.health.linkai.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("linkaiHealthContributor")
				.doesNotHaveBean(ChatClientHealthTracker.class));
	}

	@Test
	void noContributorWhenDefaultIndicatorsAreDisabledUnlessItIsEnabled() {
		this.contextRunner.withPropertyValues(clients())
			.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("linkaiHealthContributor"));
		this.contextRunner.withPropertyValues(clients())
			.withPropertyValues("management.health.defaults.enabled=false", "management.health.linkai.enabled=true")
			.run((context) -> assertThat(context).hasBean("linkaiHealthContributor"));
	}

	@Test
	void noContributorWithoutClients() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean("linkaiHealthContributor")
			.doesNotHaveBean(ChatClientHealthTracker.class));
	}

	@Test
	void userDefinedContributorAndTrackerShouldMakeOursBackOff() {
		ReactiveHealthIndicator mine = () -> Mono.just(Health.up().build());
		ChatClientHealthTracker tracker = new ChatClientHealthTracker(PassiveHealthSettings.defaults(),
				Clock.systemUTC());
		this.contextRunner.withPropertyValues(clients())
			.withBean("linkaiHealthContributor", ReactiveHealthIndicator.class, () -> mine)
			.withBean(ChatClientHealthTracker.class, () -> tracker)
			.run((context) -> {
				assertThat(context.getBean("linkaiHealthContributor")).isSameAs(mine);
				assertThat(context.getBean(ChatClientHealthTracker.class)).isSameAs(tracker);
			});
	}

	@Test
	void healthPropertiesShouldBindWithoutTrippingTheUnknownKeyCheck() {
		this.contextRunner.withPropertyValues(clients())
			.withPropertyValues("linkai.health.window=2m", "linkai.health.failure-threshold=1",
					"linkai.health.probe.enabled=false", "linkai.health.probe.interval=30s",
					"linkai.health.probe.timeout=3s", "linkai.health.probe.message=hello")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				LinkAiProperties.Health health = context.getBean(LinkAiProperties.class).getHealth();
				assertThat(health.getWindow()).isEqualTo(Duration.ofMinutes(2));
				assertThat(health.getProbe().getMessage()).isEqualTo("hello");
			});
	}

	@Test
	void aTypoInAHealthPropertyOrAPerClientHealthSettingShouldFailStartupNamingIt() {
		this.contextRunner.withPropertyValues(clients())
			.withPropertyValues("linkai.health.windw=2m")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("linkai.health.windw"));
		this.contextRunner.withPropertyValues(clients())
			.withPropertyValues("linkai.clients.support.health.window=2m")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("linkai.clients.support.health.window"));
	}

	@Test
	void invalidHealthSettingsShouldFailStartupNamingTheProperty() {
		for (String property : List.of("linkai.health.window=0s", "linkai.health.failure-threshold=0")) {
			this.contextRunner.withPropertyValues(clients())
				.withPropertyValues(property)
				.run((context) -> assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining(property.substring(0, property.indexOf('='))));
		}
		this.contextRunner.withPropertyValues(clients())
			.withPropertyValues("linkai.health.probe.enabled=true", "linkai.health.probe.timeout=0s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("linkai.health.probe.timeout"));
	}

	@Test
	void healthEndpointShouldShowEachClientsStateFromItsRealCalls() {
		wireMock.stubFor(post(CHAT).withRequestBody(matchingJsonPath("$.app_code", equalTo("SUPPORT")))
			.willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"upstream down\"}}")));
		this.endpointRunner.withPropertyValues(clients()).run((context) -> {
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
			assertThat(indicated(endpoint, "default").getStatus()).isEqualTo(Status.UNKNOWN);
			ChatClient defaultClient = context.getBean(ChatClient.class);
			ChatClient support = context.getBean(ChatClientRegistry.class).get("support");
			defaultClient.chat("你好");
			defaultClient.stream("你好").blockLast();
			for (int i = 0; i < 3; i++) {
				assertThatExceptionOfType(ChatClientException.class).isThrownBy(() -> support.chat("你好"));
			}

			IndicatedHealthDescriptor up = indicated(endpoint, "default");
			assertThat(up.getStatus()).isEqualTo(Status.UP);
			assertThat(up.getDetails()).containsEntry("provider", "linkai")
				.containsEntry("host", "127.0.0.1")
				.containsEntry("target", "app code DEFAULT")
				.containsEntry("recentCalls", 2)
				.containsKey("lastSuccess");
			IndicatedHealthDescriptor down = indicated(endpoint, "support");
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsEntry("target", "app code SUPPORT")
				.containsEntry("reason", "PROVIDER_FAILING")
				.containsEntry("consecutiveFailures", 3)
				.containsEntry("errorRate", 1.0);
			assertThat(down.getDetails().get("lastFailure").toString()).contains("ServiceUnavailableException")
				.contains("status=503");
			assertThat(endpoint.healthForPath("linkai").getStatus()).isEqualTo(Status.DOWN);
			assertThat(json(endpoint.health())).doesNotContain(KEY);

			wireMock.stubFor(post(CHAT).withRequestBody(matchingJsonPath("$.app_code", equalTo("SUPPORT")))
				.willReturn(okJson(fixture("chat-reply.json"))));
			support.chat("你好");
			assertThat(indicated(endpoint, "support").getStatus()).isEqualTo(Status.UP);
			assertThat(endpoint.healthForPath("linkai").getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void healthEndpointShouldTellARejectedKeyAndAUsedUpQuotaByTheProvidersOwnStatuses() {
		// LinkAI: 401 is the key, 406 the credit, and 402 an app code that does not exist
		// (the caller's mistake)
		stubStatus("OPS", 401, "{\"error\":{\"type\":\"invalid_api_key\",\"message\":\"Incorrect key " + KEY + "\"}}");
		stubStatus("BILLING", 406, "{\"error\":{\"message\":\"insufficient credit\"}}");
		stubStatus("GONE", 402, "{\"error\":{\"message\":\"app not found\"}}");
		this.endpointRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.base-url=" + baseUrl(), "linkai.app-code=DEFAULT",
					"linkai.clients.ops.app-code=OPS", "linkai.clients.billing.app-code=BILLING",
					"linkai.clients.gone.app-code=GONE")
			.run((context) -> {
				ChatClientRegistry registry = context.getBean(ChatClientRegistry.class);
				registry.get("default").chat("你好");
				for (String name : List.of("ops", "billing", "gone")) {
					registry.get(name).chatReactive("你好").onErrorResume((ex) -> Mono.empty()).block();
				}
				HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
				IndicatedHealthDescriptor ops = indicated(endpoint, "ops");
				assertThat(ops.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				assertThat(ops.getStatus().getDescription()).contains("check the client's API key");
				assertThat(ops.getDetails()).containsEntry("reason", "CREDENTIAL_REJECTED");
				assertThat(ops.getDetails().get("lastFailure").toString()).contains("AuthenticationException")
					.contains("providerError=invalid_api_key");
				IndicatedHealthDescriptor billing = indicated(endpoint, "billing");
				assertThat(billing.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				assertThat(billing.getDetails()).containsEntry("reason", "QUOTA_EXHAUSTED");
				IndicatedHealthDescriptor gone = indicated(endpoint, "gone");
				assertThat(gone.getStatus()).isEqualTo(Status.UNKNOWN);
				assertThat(gone.getDetails().get("lastFailure").toString()).contains("AppNotFoundException")
					.contains("CLIENT_ERROR");
				assertThat(endpoint.healthForPath("linkai").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				String json = json(endpoint.health());
				assertThat(json).doesNotContain(KEY).contains("\"description\":\"The provider rejects the credential");
			});
	}

	@Test
	void clientMistakesShouldLeaveTheProviderUp() {
		wireMock.stubFor(post(CHAT).withRequestBody(matchingJsonPath("$.app_code", equalTo("SUPPORT")))
			.willReturn(aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"bad request\"}}")));
		this.endpointRunner.withPropertyValues(clients()).run((context) -> {
			ChatClient support = context.getBean(ChatClientRegistry.class).get("support");
			wireMock.stubFor(post(CHAT).withRequestBody(matchingJsonPath("$.app_code", equalTo("SUPPORT")))
				.willReturn(okJson(fixture("chat-reply.json"))));
			support.chat("你好");
			wireMock.stubFor(post(CHAT).withRequestBody(matchingJsonPath("$.app_code", equalTo("SUPPORT")))
				.willReturn(aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"bad request\"}}")));
			for (int i = 0; i < 5; i++) {
				assertThatExceptionOfType(ChatClientException.class).isThrownBy(() -> support.chat("你好"));
				assertThatExceptionOfType(ChatClientException.class)
					.isThrownBy(() -> support.chat(ChatRequest.builder().user("你好").temperature(7.0).build()));
			}
			IndicatedHealthDescriptor health = indicated(context.getBean(HealthEndpoint.class), "support");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("recentClientErrors", 10);
		});
	}

	@Test
	void anOutageShouldStayOutOfLivenessAndReachReadinessOnlyWhenIncluded() {
		wireMock.stubFor(post(CHAT).withRequestBody(matchingJsonPath("$.app_code", equalTo("SUPPORT")))
			.willReturn(aResponse().withStatus(500)));
		this.endpointRunner.withPropertyValues(clients())
			.withPropertyValues("management.endpoint.health.probes.enabled=true")
			.run((context) -> {
				started(context);
				failThreeTimes(context);
				HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
				assertThat(endpoint.health().getStatus()).isEqualTo(Status.DOWN);
				assertThat(endpoint.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
				assertThat(endpoint.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
			});
		this.endpointRunner.withPropertyValues(clients())
			.withPropertyValues("management.endpoint.health.probes.enabled=true",
					"management.endpoint.health.group.readiness.include=readinessState,linkai")
			.run((context) -> {
				started(context);
				HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
				assertThat(endpoint.healthForPath("readiness").getStatus()).as("before any call").isEqualTo(Status.UP);
				failThreeTimes(context);
				assertThat(endpoint.healthForPath("readiness").getStatus()).isEqualTo(Status.DOWN);
				assertThat(endpoint.healthForPath("readiness", "linkai", "support").getStatus()).isEqualTo(Status.DOWN);
				assertThat(endpoint.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void theApplicationsClockShouldRunTheWindow() {
		wireMock.stubFor(post(CHAT).withRequestBody(matchingJsonPath("$.app_code", equalTo("SUPPORT")))
			.willReturn(aResponse().withStatus(500)));
		MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
		this.endpointRunner.withPropertyValues(clients()).withBean(Clock.class, () -> clock).run((context) -> {
			failThreeTimes(context);
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
			assertThat(indicated(endpoint, "support").getStatus()).isEqualTo(Status.DOWN);
			assertThat(indicated(endpoint, "support").getDetails().get("lastFailure").toString())
				.contains("time=2026-11-22T10:00:00Z");
			clock.advance(Duration.ofMinutes(5).plusSeconds(1));
			assertThat(indicated(endpoint, "support").getStatus()).isEqualTo(Status.UNKNOWN);
		});
	}

	@Test
	void withoutTheProbeHealthChecksShouldCallNothing() {
		this.endpointRunner.withPropertyValues(clients()).run((context) -> {
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
			for (int i = 0; i < 10; i++) {
				endpoint.healthForPath("linkai");
			}
			wireMock.verify(0, postRequestedFor(urlPathEqualTo(CHAT)));
		});
	}

	@Test
	void aBurstOfHealthChecksShouldMakeOneProbeCallPerClient() throws Exception {
		wireMock.stubFor(post(CHAT).willReturn(okJson(fixture("chat-reply.json")).withFixedDelay(300)));
		this.endpointRunner.withPropertyValues(clients())
			.withPropertyValues("linkai.health.probe.enabled=true", "linkai.health.probe.message=health check")
			.run((context) -> {
				HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
				int checks = 16;
				CyclicBarrier start = new CyclicBarrier(checks);
				ExecutorService threads = Executors.newFixedThreadPool(checks);
				try {
					List<CompletableFuture<HealthDescriptor>> results = IntStream.range(0, checks)
						.mapToObj((i) -> CompletableFuture.supplyAsync(() -> {
							await(start);
							return endpoint.healthForPath("linkai");
						}, threads))
						.toList();
					for (CompletableFuture<HealthDescriptor> result : results) {
						assertThat(result.get().getStatus()).isEqualTo(Status.UP);
					}
				}
				finally {
					threads.shutdownNow();
				}
				wireMock.verify(2, postRequestedFor(urlPathEqualTo(CHAT)));
				wireMock.verify(1,
						postRequestedFor(urlPathEqualTo(CHAT))
							.withRequestBody(matchingJsonPath("$.app_code", equalTo("SUPPORT")))
							.withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("health check"))));
				endpoint.healthForPath("linkai");
				wireMock.verify(2, postRequestedFor(urlPathEqualTo(CHAT)));
				IndicatedHealthDescriptor support = indicated(endpoint, "support");
				assertThat(support.getDetails().get("probe").toString()).contains("lastResult=SUCCESS");
			});
	}

	/** What SpringApplication publishes once the application has started and is ready. */
	private static void started(AssertableApplicationContext context) {
		AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
	}

	private void failThreeTimes(AssertableApplicationContext context) {
		ChatClient support = context.getBean(ChatClientRegistry.class).get("support");
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(ChatClientException.class).isThrownBy(() -> support.chat("你好"));
		}
	}

	private static void stubStatus(String appCode, int status, String body) {
		wireMock.stubFor(post(CHAT).withRequestBody(matchingJsonPath("$.app_code", equalTo(appCode)))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static IndicatedHealthDescriptor indicated(HealthEndpoint endpoint, String client) {
		HealthDescriptor health = endpoint.healthForPath("linkai", client);
		assertThat(health).isInstanceOf(IndicatedHealthDescriptor.class);
		return (IndicatedHealthDescriptor) health;
	}

	private static String json(HealthDescriptor health) {
		assertThat(health).isInstanceOf(CompositeHealthDescriptor.class);
		return JsonMapper.builder().build().writeValueAsString(health);
	}

	private static String[] clients() {
		return new String[] { "linkai.api-key=" + KEY, "linkai.base-url=" + baseUrl(), "linkai.app-code=DEFAULT",
				"linkai.clients.support.app-code=SUPPORT" };
	}

	private static String baseUrl() {
		return "http://127.0.0.1:" + wireMock.getPort();
	}

	private static String fixture(String name) throws IOException {
		try (InputStream in = LinkAiHealthContributorAutoConfigurationTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
			LinkAiHealthContributorAutoConfiguration.class })
	static class ImportedAutoConfigurations {

	}

}
