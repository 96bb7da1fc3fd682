package io.github.linkai.demo;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;

import io.github.linkai.spring.test.ProviderStub;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stub starts only when no credential is configured, and then gives every client of
 * {@code stub-clients.properties} its address and key; with a key anywhere the environment is left alone.
 */
class StubEnvironmentPostProcessorTests {

	private final DefaultBootstrapContext bootstrapContext = new DefaultBootstrapContext();

	private final StubEnvironmentPostProcessor postProcessor = new StubEnvironmentPostProcessor(new DeferredLogs(),
			this.bootstrapContext);

	@Test
	void postProcessWhenTheDefaultClientHasAKeyShouldNotStartTheStub() {
		MockEnvironment environment = new MockEnvironment().withProperty("linkai.api-key", "Link_RealKey");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources()).hasSize(1);
		assertThat(environment.getProperty("linkai.base-url")).isNull();
	}

	@Test
	void postProcessWhenANamedClientHasAKeyShouldNotStartTheStub() {
		MockEnvironment environment = new MockEnvironment().withProperty("linkai.clients.deepseek.provider", "openai")
			.withProperty("linkai.clients.deepseek.api-key", "sk-real");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources()).hasSize(1);
		assertThat(environment.getProperty("linkai.clients.search.provider")).isNull();
	}

	@Test
	void postProcessWithoutAKeyShouldPointEveryClientAtTheStubAndStopItWithTheContext() {
		MockEnvironment environment = new MockEnvironment()
			// a setting that is not a credential keeps the stub, and wins over the stub's clients
			.withProperty("linkai.clients.search.jijyun.search", "false");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			this.bootstrapContext.close(context);
			ProviderStub stub = (ProviderStub) context.getDefaultListableBeanFactory()
				.getSingleton(StubEnvironmentPostProcessor.BEAN_NAME);
			assertThat(stub).isNotNull();
			assertThat(environment.getProperty("linkai.api-key")).isEqualTo(stub.apiKey());
			assertThat(environment.getProperty("linkai.base-url")).isEqualTo(stub.baseUrl());
			assertThat(environment.getProperty("linkai.clients.search.base-url")).isEqualTo(stub.baseUrl());
			assertThat(environment.getProperty("linkai.clients.coder.base-url")).isEqualTo(stub.baseUrl());
			assertThat(environment.getProperty("linkai.clients.openai.base-url")).isEqualTo(stub.baseUrl("openai"));
			assertThat(environment.getProperty("linkai.clients.search.jijyun.search")).isEqualTo("false");
			context.refresh();
		}
		// the stub is closed with the context: its port no longer answers
		assertThat(isListening(environment.getProperty("linkai.base-url"))).isFalse();
	}

	private static boolean isListening(String url) {
		URI uri = URI.create(url);
		try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
