package io.github.linkai.spring.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.MemoryChatClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatClientFailureAnalyzer}: a missing client injected by a host says
 * which property to set or which qualifier to use.
 */
class ChatClientFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class));

	@Test
	void analyzeWhenNoApiKeyIsSetShouldSayToSetIt() {
		FailureAnalysis analysis = analyze(NeedsChatClient.class);

		assertThat(analysis.getDescription()).contains("A ChatClient was required")
			.contains("created only when linkai.api-key is set");
		assertThat(analysis.getAction()).startsWith("Set linkai.api-key");
	}

	@Test
	void analyzeWhenOnlyNamedClientsExistShouldNameTheQualifiersToUse() {
		FailureAnalysis analysis = analyze(NeedsChatClient.class, "linkai.clients.support.api-key=k1",
				"linkai.clients.eng.provider=lingma", "linkai.clients.eng.api-key=t1",
				"linkai.clients.eng.lingma.organization-id=O");

		assertThat(analysis.getDescription()).contains("named clients (linkai.clients.*) are injected by name");
		assertThat(analysis.getAction()).containsAnyOf("@Qualifier(\"support\")", "@Qualifier(\"eng\")")
			.containsAnyOf("configured: support, eng", "configured: eng, support");
	}

	@Test
	void analyzeWhenTheDefaultProviderHasNoMemoryChatShouldSaySo() {
		FailureAnalysis analysis = analyze(NeedsMemoryChatClient.class, "linkai.provider=lingma", "linkai.api-key=t1",
				"linkai.lingma.organization-id=O");

		assertThat(analysis.getDescription()).contains("provider (lingma, linkai.provider) has no memory chat");
		assertThat(analysis.getAction()).contains("Inject a ChatClient instead");
	}

	@Test
	void analyzeWhenTheQualifierNamesNoClientShouldListTheConfiguredOnes() {
		FailureAnalysis analysis = analyze(NeedsSuportClient.class, "linkai.api-key=k1",
				"linkai.clients.support.app-code=S1");

		assertThat(analysis.getDescription()).contains("qualified \"suport\"").contains("configured: support");
		assertThat(analysis.getAction()).contains("linkai.clients.suport.*");
	}

	@Test
	void analyzeWhenAnotherBeanIsMissingShouldLeaveItToBoot() {
		this.contextRunner.withBean(NeedsString.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(new ChatClientFailureAnalyzer(new MockEnvironment()).analyze(context.getStartupFailure()))
				.isNull();
		});
	}

	@Test
	void analyzerIsRegistered() throws IOException {
		List<String> analyzers = new ArrayList<>();
		for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
			Properties factories = PropertiesLoaderUtils.loadProperties(new UrlResource(url));
			analyzers.add(factories.getProperty(FailureAnalyzer.class.getName(), ""));
		}
		assertThat(analyzers).anyMatch((names) -> names.contains(ChatClientFailureAnalyzer.class.getName()));
	}

	private FailureAnalysis analyze(Class<?> consumer, String... properties) {
		MockEnvironment environment = new MockEnvironment();
		for (String property : properties) {
			environment.setProperty(property.substring(0, property.indexOf('=')),
					property.substring(property.indexOf('=') + 1));
		}
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.contextRunner.withPropertyValues(properties).withBean(consumer).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new ChatClientFailureAnalyzer(environment).analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

	record NeedsChatClient(ChatClient client) {
	}

	record NeedsMemoryChatClient(MemoryChatClient client) {
	}

	record NeedsSuportClient(@Qualifier("suport") ChatClient client) {
	}

	record NeedsString(String value) {
	}

}
