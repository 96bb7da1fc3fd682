package io.github.linkai.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.MisbehavingServer;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.observation.ChatMeterObservationHandler;
import io.github.linkai.spring.observation.ChatObservationConvention;
import io.github.linkai.spring.observation.DefaultChatObservationConvention;
import io.github.linkai.spring.observation.GenAiSemanticConventions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LinkAiObservationAutoConfiguration}: the clients observed in Boot's
 * registry, their meters scraped as Prometheus would, for every provider, with no secret
 * anywhere.
 */
class LinkAiObservationAutoConfigurationTests {

	private static final String LINKAI_KEY = "Link_tOCJYmHxxm55eA1xs";

	private static final String YUNXIAO_TOKEN = "pt-0fh3abcdef0fbG";

	private static final String JIJYUN_KEY = "jjyQX7kfZpWmTr01";

	private static final String OPENAI_KEY = "sk-7c1f0d2b9e4a4c55";

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, PrometheusMetricsExportAutoConfiguration.class,
				LinkAiObservationAutoConfiguration.class, LinkAiAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class));

	@BeforeEach
	void stubs() {
		wm.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("linkai/chat-response.json"))));
		wm.stubFor(post("/v1/chat/memory/completions").willReturn(okJson(fixture("linkai/memory-response.json"))));
		wm.stubFor(post(urlPathEqualTo("/oapi/v1/lingma/organizations/ORG1/model/chat"))
			.willReturn(okJson(fixture("lingma/reply.json"))));
		wm.stubFor(post(urlPathEqualTo("/v1/openapi/chat")).willReturn(okJson(fixture("jijyun/reply.json"))));
		wm.stubFor(post("/oa/v1/chat/completions").willReturn(okJson(fixture("openai/reply.json"))));
	}

	@Test
	void everyProvidersCallsAreMeteredByClientWithoutASecretSessionIdOrQuestion() {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + LINKAI_KEY, "linkai.base-url=" + wm.baseUrl(),
					"linkai.clients.support.app-code=SUPPORT1", "linkai.clients.eng.provider=lingma",
					"linkai.clients.eng.api-key=" + YUNXIAO_TOKEN, "linkai.clients.eng.base-url=" + wm.baseUrl(),
					"linkai.clients.eng.lingma.organization-id=ORG1", "linkai.clients.search.provider=jijyun",
					"linkai.clients.search.api-key=" + JIJYUN_KEY, "linkai.clients.search.base-url=" + wm.baseUrl(),
					"linkai.clients.ds.provider=openai", "linkai.clients.ds.api-key=" + OPENAI_KEY,
					"linkai.clients.ds.base-url=" + wm.baseUrl() + "/oa/v1", "linkai.clients.ds.model=deepseek-chat")
			.run((context) -> {
				ChatClientRegistry registry = context.getBean(ChatClientRegistry.class);
				for (String name : registry.names()) {
					registry.get(name).chat("私密问题 secret-question");
				}
				registry.memory("default").chat("session-abc-123", "私密问题 secret-question");

				String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
				assertThat(scrape).contains("gen_ai_client_operation_duration_seconds_bucket{")
					.contains("le=\"81.92\"")
					.contains("gen_ai_client_token_usage_bucket{")
					.contains("linkai_client_cost_total{");
				for (String name : registry.names()) {
					assertThat(scrape).contains("linkai_client_name=\"" + name + "\"");
				}
				for (String provider : new String[] { "linkai", "lingma", "jijyun", "openai" }) {
					assertThat(scrape).contains("gen_ai_provider_name=\"" + provider + "\"");
				}
				assertThat(scrape).doesNotContain(LINKAI_KEY)
					.doesNotContain(YUNXIAO_TOKEN)
					.doesNotContain(JIJYUN_KEY)
					.doesNotContain(OPENAI_KEY)
					.doesNotContain("session-abc-123")
					.doesNotContain("secret-question")
					.doesNotContain("apiKey");
				// two clients on one host are told apart
				assertThat(context.getBean(MeterRegistry.class)
					.get("gen_ai.client.operation.duration")
					.tag("server.address", "localhost")
					.timers()).extracting((timer) -> timer.getId().getTag("linkai.client.name"))
					.contains("default", "support", "eng", "search", "ds");
			});
	}

	@Test
	void aConventionBeanRenamesTheMeters() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + LINKAI_KEY, "linkai.base-url=" + wm.baseUrl())
			.withBean(ChatObservationConvention.class, () -> new DefaultChatObservationConvention() {
				@Override
				public String getName() {
					return "gen_ai.client.inference.operation.duration";
				}

				@Override
				public String getTokenUsageName() {
					return "gen_ai.client.inference.token.usage";
				}
			})
			.run((context) -> {
				context.getBean(ChatClient.class).chat("你好");
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find("gen_ai.client.inference.operation.duration").timer()).isNotNull();
				assertThat(meters.find("gen_ai.client.inference.token.usage").summary()).isNotNull();
				assertThat(meters.find("gen_ai.client.operation.duration").timer()).isNull();
			});
	}

	@Test
	void theV141NamesAreTheDefault() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + LINKAI_KEY, "linkai.base-url=" + wm.baseUrl())
			.run((context) -> {
				assertThat(context.getBean(LinkAiProperties.class).getObservations().getSemanticConventions())
					.isEqualTo(GenAiSemanticConventions.V1_41);
				context.getBean(ChatClient.class).chat("你好");
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("gen_ai.client.operation.duration").timer().count()).isOne();
				assertThat(meters.get("gen_ai.client.token.usage")
					.tag("gen_ai.token.type", "input")
					.summary()
					.totalAmount()).isEqualTo(9);
				assertThat(meters.get("gen_ai.client.token.usage")
					.tag("gen_ai.token.type", "output")
					.summary()
					.totalAmount()).isEqualTo(17);
				assertThat(names(meters)).noneMatch((name) -> name.startsWith("gen_ai.client.inference."));
			});
	}

	@Test
	void theLatestExperimentalNamesCountEachKindOfTokenOverCalls() {
		wm.stubFor(post("/ds/v1/chat/completions")
			.willReturn(okJson(fixture("openai/deepseek-thinking-tool-call-reply.json"))));
		this.contextRunner
			.withPropertyValues("linkai.observations.semantic-conventions=latest-experimental",
					"linkai.clients.ds.provider=openai", "linkai.clients.ds.api-key=" + OPENAI_KEY,
					"linkai.clients.ds.base-url=" + wm.baseUrl() + "/ds/v1", "linkai.clients.ds.model=deepseek-chat")
			.run((context) -> {
				ChatClient client = context.getBean(ChatClientRegistry.class).get("ds");
				client.chat("上海几点?");
				client.chat("上海几点?");

				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(tokens(meters, "gen_ai.client.inference.usage.input_tokens")).isEqualTo(624);
				assertThat(tokens(meters, "gen_ai.client.inference.usage.cache_read.input_tokens")).isEqualTo(512);
				assertThat(tokens(meters, "gen_ai.client.inference.usage.output_tokens")).isEqualTo(116);
				assertThat(tokens(meters, "gen_ai.client.inference.usage.reasoning.output_tokens")).isEqualTo(62);
				Meter.Id input = meters.get("gen_ai.client.inference.usage.input_tokens").counter().getId();
				assertThat(input.getTag("gen_ai.token.modality")).isEqualTo("unknown");
				assertThat(input.getTag("gen_ai.operation.name")).isEqualTo("chat");
				assertThat(input.getTag("gen_ai.provider.name")).isEqualTo("openai");
				assertThat(input.getTag("gen_ai.request.model")).isEqualTo("deepseek-chat");
				assertThat(input.getTag("server.address")).isEqualTo("localhost");
				assertThat(input.getTag("linkai.client.name")).isEqualTo("ds");
				assertThat(meters.get("gen_ai.client.inference.operation.input_tokens").summary().count()).isEqualTo(2);
				assertThat(meters.get("gen_ai.client.inference.duration").timer().count()).isEqualTo(2);
				assertThat(names(meters)).noneMatch((name) -> name.equals("gen_ai.client.token.usage")
						|| name.startsWith("gen_ai.client.operation."));
				assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
					.contains("gen_ai_client_inference_usage_input_tokens_total{")
					.contains("gen_ai_client_inference_operation_output_tokens_bucket{")
					.contains("gen_ai_client_inference_duration_seconds_bucket{")
					.contains("le=\"81.92\"");
			});
	}

	@Test
	void theReleasedNamesBindAsWrittenAndAConventionBeanStillWinsOverTheProperty() {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + LINKAI_KEY, "linkai.base-url=" + wm.baseUrl(),
					"linkai.observations.semantic-conventions=v1-41")
			.run((context) -> assertThat(context.getBean(ChatObservationConvention.class).getName())
				.isEqualTo("gen_ai.client.operation.duration"));
		ChatObservationConvention own = new DefaultChatObservationConvention();
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + LINKAI_KEY, "linkai.base-url=" + wm.baseUrl(),
					"linkai.observations.semantic-conventions=latest-experimental")
			.withBean(ChatObservationConvention.class, () -> own)
			.run((context) -> assertThat(context.getBean(ChatObservationConvention.class)).isSameAs(own));
	}

	private static double tokens(MeterRegistry meters, String name) {
		return meters.get(name).counters().stream().mapToDouble(Counter::count).sum();
	}

	private static List<String> names(MeterRegistry meters) {
		return meters.getMeters().stream().map((meter) -> meter.getId().getName()).toList();
	}

	@Test
	void eachClientsConnectionPoolIsPublishedTaggedWithTheClientsName() {
		String event = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"你\"},\"finish_reason\":null}]}\n\n";
		try (MisbehavingServer server = MisbehavingServer.start((exchange) -> {
			exchange.readRequest();
			exchange.chunkedHead(200, "text/event-stream").chunk(event).hold();
		})) {
			this.contextRunner.withPropertyValues("linkai.api-key=" + LINKAI_KEY, "linkai.base-url=" + wm.baseUrl(),
					"linkai.clients.held.base-url=" + server.baseUrl(), "linkai.clients.held.pool.max-connections=1")
				.run((context) -> {
					ChatClientRegistry registry = context.getBean(ChatClientRegistry.class);
					registry.get("default").chat("你好");
					Disposable open = registry.get("held").stream("held open").subscribe();
					Disposable waiting = registry.get("held").stream("waits for the connection").subscribe();
					try {
						MeterRegistry meters = context.getBean(MeterRegistry.class);
						// the first stream's connection may still be opening when the
						// second one queues: wait for both
						awaitGauge(meters, "linkai.client.pool.connections.active", "held", 1);
						awaitGauge(meters, "linkai.client.pool.pending", "held", 1);
						assertThat(gauge(meters, "linkai.client.pool.connections.max", "held")).isOne();
						assertThat(gauge(meters, "linkai.client.pool.pending.max", "held")).isEqualTo(2);
						assertThat(gauge(meters, "linkai.client.pool.connections.active", "default")).isZero();
						assertThat(gauge(meters, "linkai.client.pool.connections.idle", "default")).isOne();
						assertThat(gauge(meters, "linkai.client.pool.connections.max", "default")).isEqualTo(500);
						assertThat(meters.get("linkai.client.pool.connections.active")
							.tag("linkai.client.name", "held")
							.gauge()
							.getId()
							.getTag("server.port")).isEqualTo(String.valueOf(server.port()));
					}
					finally {
						waiting.dispose();
						open.dispose();
					}
				});
		}
	}

	private static double gauge(MeterRegistry meters, String name, String client) {
		return RequiredSearch.in(meters).name(name).tag("linkai.client.name", client).gauge().value();
	}

	private static void awaitGauge(MeterRegistry meters, String name, String client, double value)
			throws InterruptedException {
		for (int i = 0; i < 200 && (meters.find(name).tag("linkai.client.name", client).gauge() == null
				|| gauge(meters, name, client) != value); i++) {
			Thread.sleep(50);
		}
		assertThat(gauge(meters, name, client)).as(name).isEqualTo(value);
	}

	@Test
	void withoutMicrometerCoreOnlyTheConventionIsThere() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LinkAiObservationAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(ChatObservationConvention.class);
				assertThat(context).doesNotHaveBean(ChatMeterObservationHandler.class);
			});
	}

	@Test
	void withoutAMeterRegistryThereIsNoMeterHandler() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LinkAiObservationAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ChatMeterObservationHandler.class));
	}

	@Test
	void contentRecordingIsOffByDefaultAndBindsWithoutTrippingTheUnknownKeyCheck() {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + LINKAI_KEY, "linkai.base-url=" + wm.baseUrl(),
					"linkai.observations.include-content=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(LinkAiProperties.class).getObservations().isIncludeContent()).isTrue();
				assertThat(context.getBean(ChatClient.class).chat("你好")).isNotBlank();
			});
		assertThat(new LinkAiProperties().getObservations().isIncludeContent()).isFalse();
	}

	private static String fixture(String name) {
		try (InputStream in = LinkAiObservationAutoConfigurationTests.class
			.getResourceAsStream("/io/github/linkai/spring/provider/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
