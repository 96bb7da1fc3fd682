package io.github.linkai.spring.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LinkAiPropertyFailureAnalyzer}: a rejected property is named, its
 * value never shown when it may hold a credential; and the startup checks it reports on.
 */
class LinkAiPropertyFailureAnalyzerTests {

	private static final String SECRET = "sk-7c1f0d2b9e4a4c55";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class));

	@Test
	void aMisspeltCredentialPropertyIsNamedWithoutItsValue() {
		FailureAnalysis analysis = analyze("linkai.api-key=k1", "linkai.clients.eng.token=" + SECRET);

		assertThat(analysis.getDescription()).contains("'linkai.clients.eng.token'").doesNotContain(SECRET);
	}

	@Test
	void aBaseUrlHoldingAKeyIsNamedWithoutItsValue() {
		FailureAnalysis analysis = analyze("linkai.api-key=k1", "linkai.base-url=api.example.com/v1?key=" + SECRET);

		assertThat(analysis.getDescription()).contains("'linkai.base-url'").doesNotContain(SECRET);
	}

	@Test
	void aNumberIsShown() {
		FailureAnalysis analysis = analyze("linkai.api-key=k1", "linkai.retry.max-retries=-1");

		assertThat(analysis.getDescription()).contains("'linkai.retry.max-retries' with value '-1'")
			.contains("Must be 0 (no retries) or more");
	}

	@Test
	void anUnresolvedPlaceholderFailsInsteadOfBeingSentAsTheKey() {
		FailureAnalysis analysis = analyze("linkai.api-key=${LINKAI_TEST_KEY_NOT_SET}");

		assertThat(analysis.getDescription()).contains("'linkai.api-key'")
			.contains("unresolved placeholder ${LINKAI_TEST_KEY_NOT_SET}");
	}

	@Test
	void timeoutsAndPoolSizesAreNamed() {
		assertThat(analyze("linkai.api-key=k1", "linkai.deadline=-1s").getDescription()).contains("'linkai.deadline'");
		assertThat(analyze("linkai.api-key=k1", "linkai.clients.batch.idle-timeout=0s").getDescription())
			.contains("'linkai.clients.batch.idle-timeout'");
		assertThat(analyze("linkai.api-key=k1", "linkai.pool.max-connections=0").getDescription())
			.contains("'linkai.pool.max-connections' with value '0'");
	}

	@Test
	void otherPropertiesAreLeftToBoot() {
		assertThat(new LinkAiPropertyFailureAnalyzer(new MockEnvironment())
			.analyze(new InvalidConfigurationPropertyValueException("spring.foo", "x", "bad"))).isNull();
	}

	private FailureAnalysis analyze(String... properties) {
		MockEnvironment environment = new MockEnvironment();
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		for (String property : properties) {
			values.put(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
		}
		environment.getPropertySources().addFirst(new MapPropertySource("test", values));
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new LinkAiPropertyFailureAnalyzer(environment).analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

}
