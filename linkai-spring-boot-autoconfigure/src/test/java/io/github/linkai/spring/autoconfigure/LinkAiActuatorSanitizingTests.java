package io.github.linkai.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the actuator part of {@link LinkAiAutoConfiguration}: credentials stay masked
 * on the env and configprops pages even when values are shown.
 */
class LinkAiActuatorSanitizingTests {

	private static final String LINKAI_KEY = "Link_tOCJYmHxxm55eA1xs";

	private static final String JIJYUN_KEY = "jjyQX7kfZpWmTr01";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withPropertyValues("linkai.api-key=" + LINKAI_KEY, "linkai.clients.search.provider=jijyun",
				"linkai.clients.search.api-key=" + JIJYUN_KEY, "linkai.model=LinkAI-4o-mini");

	@Test
	void credentialsAreMaskedOnTheEnvAndConfigpropsPagesWhileOtherValuesShow() {
		this.contextRunner.run((context) -> {
			List<SanitizingFunction> sanitizers = context.getBeanProvider(SanitizingFunction.class)
				.orderedStream()
				.toList();
			assertThat(sanitizers).hasSize(1);
			EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(), sanitizers, Show.ALWAYS);
			ConfigurationPropertiesReportEndpoint configprops = new ConfigurationPropertiesReportEndpoint(sanitizers,
					Show.ALWAYS);
			configprops.setApplicationContext(context);
			JsonMapper json = new JsonMapper();
			String envPage = json.writeValueAsString(env.environment(null));
			String configpropsPage = json.writeValueAsString(configprops.configurationPropertiesWithPrefix("linkai"));
			for (String page : List.of(envPage, configpropsPage)) {
				assertThat(page).doesNotContain(LINKAI_KEY).doesNotContain(JIJYUN_KEY).contains("LinkAI-4o-mini");
			}
		});
	}

	@Test
	void anyEntryHoldingAConfiguredCredentialIsMaskedWhateverItsKey() {
		String token = "pt-0fh3Kq7ZXw0fbG_35afR2mN0484";
		Map<String, Object> variables = Map.of("YUNXIAO_TOKEN", token + "\n", "BUILD_COMMAND",
				"java -jar app.jar --linkai.api-key=" + LINKAI_KEY, "ORG", "ORG-4f1d");
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("testEnvironment", variables)))
			.withPropertyValues("linkai.clients.eng.provider=lingma", "linkai.clients.eng.api-key=${YUNXIAO_TOKEN}",
					"linkai.clients.eng.lingma.organization-id=${ORG}", "app.backup=" + JIJYUN_KEY,
					"spring.task.execution.thread-name-prefix=${YUNXIAO_TOKEN}")
			.withUserConfiguration(AppPropertiesConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				List<SanitizingFunction> sanitizers = context.getBeanProvider(SanitizingFunction.class)
					.orderedStream()
					.toList();
				EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(), sanitizers, Show.ALWAYS);
				ConfigurationPropertiesReportEndpoint configprops = new ConfigurationPropertiesReportEndpoint(
						sanitizers, Show.ALWAYS);
				configprops.setApplicationContext(context);
				JsonMapper json = new JsonMapper();
				String envPage = json.writeValueAsString(env.environment(null));
				String taskPage = json
					.writeValueAsString(configprops.configurationPropertiesWithPrefix("spring.task.execution"));
				assertThat(envPage).doesNotContain(token)
					.doesNotContain(JIJYUN_KEY)
					.doesNotContain(LINKAI_KEY)
					.contains("YUNXIAO_TOKEN", "BUILD_COMMAND", "ORG-4f1d", "LinkAI-4o-mini");
				assertThat(json.writeValueAsString(env.environmentEntry("YUNXIAO_TOKEN"))).doesNotContain(token)
					.contains("******");
				assertThat(taskPage).doesNotContain(token).contains("threadNamePrefix", "******");
			});
	}

	@Test
	void everyKeyOfAPoolIsMaskedByItsKeyAndByItsValue() {
		String first = "sk-pool0a1b2c3d4e5f";
		String second = "sk-pool9z8y7x6w5v4u";
		Map<String, Object> variables = Map.of("LINKAI_CLIENTS_POOL_APIKEYS_1_", second, "BACKUP", first);
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("testEnvironment", variables)))
			.withPropertyValues("linkai.clients.pool.provider=openai", "linkai.clients.pool.api-keys[0]=" + first,
					"linkai.clients.pool.base-url=https://api.example.com/v1", "linkai.clients.pool.model=m")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				List<SanitizingFunction> sanitizers = context.getBeanProvider(SanitizingFunction.class)
					.orderedStream()
					.toList();
				EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(), sanitizers, Show.ALWAYS);
				ConfigurationPropertiesReportEndpoint configprops = new ConfigurationPropertiesReportEndpoint(
						sanitizers, Show.ALWAYS);
				configprops.setApplicationContext(context);
				JsonMapper json = new JsonMapper();
				String envPage = json.writeValueAsString(env.environment(null));
				String configpropsPage = json
					.writeValueAsString(configprops.configurationPropertiesWithPrefix("linkai"));
				for (String page : List.of(envPage, configpropsPage)) {
					assertThat(page).doesNotContain(first).doesNotContain(second);
				}
				assertThat(envPage).contains("BACKUP", "LINKAI_CLIENTS_POOL_APIKEYS_1_");
			});
	}

	@Test
	void aShortCredentialIsMaskedOnlyAsTheWholeValue() {
		this.contextRunner.withPropertyValues("linkai.clients.short.api-key=k1", "app.one=k1", "app.other=k1k1-x")
			.run((context) -> {
				List<SanitizingFunction> sanitizers = context.getBeanProvider(SanitizingFunction.class)
					.orderedStream()
					.toList();
				EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(), sanitizers, Show.ALWAYS);
				JsonMapper json = new JsonMapper();
				assertThat(json.writeValueAsString(env.environmentEntry("app.one"))).doesNotContain("\"k1\"");
				assertThat(json.writeValueAsString(env.environmentEntry("app.other"))).contains("k1k1-x");
			});
	}

	@Test
	void noSanitizerWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SanitizingFunction.class));
	}

	/**
	 * A configprops bean with a free-text property, from a jar: a test's own
	 * {@code @ConfigurationProperties} class would make the configuration processor write
	 * test metadata that hides the starter's.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TaskExecutionProperties.class)
	static class AppPropertiesConfiguration {

	}

}
