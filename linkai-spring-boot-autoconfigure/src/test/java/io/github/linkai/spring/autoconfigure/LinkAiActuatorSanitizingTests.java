package io.github.linkai.spring.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the actuator part of {@link LinkAiAutoConfiguration}: credentials stay masked on the env and
 * configprops pages even when values are shown.
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
			List<SanitizingFunction> sanitizers = context.getBeanProvider(SanitizingFunction.class).orderedStream().toList();
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
	void noSanitizerWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SanitizingFunction.class));
	}

}
