package io.github.linkai.demo;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;

import io.github.linkai.spring.autoconfigure.LinkAiConnectionDetails;
import io.github.linkai.spring.test.ProviderStub;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stub starts only when no credential is configured, and then adds the clients of
 * {@code stub-clients.properties} and the stub's connection details; with a key anywhere
 * the environment is left alone.
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
	void postProcessWithoutAKeyShouldAddTheClientsConnectThemToTheStubAndStopItWithTheContext() {
		MockEnvironment environment = new MockEnvironment()
			// a setting that is not a credential keeps the stub, and wins over the stub's
			// clients
			.withProperty("linkai.clients.search.jijyun.search", "false");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("linkai.clients.search.provider")).isEqualTo("jijyun");
		assertThat(environment.getProperty("linkai.clients.search.jijyun.search")).isEqualTo("false");
		String stubUrl;
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			this.bootstrapContext.close(context);
			DefaultListableBeanFactory beanFactory = context.getDefaultListableBeanFactory();
			ProviderStub stub = (ProviderStub) beanFactory.getSingleton(StubEnvironmentPostProcessor.BEAN_NAME);
			LinkAiConnectionDetails details = (LinkAiConnectionDetails) beanFactory
				.getSingleton(StubEnvironmentPostProcessor.CONNECTION_DETAILS_BEAN_NAME);
			assertThat(stub).isNotNull();
			assertThat(details).isNotNull();
			assertThat(details.getConnection("openai", "openai"))
				.isEqualTo(new LinkAiConnectionDetails.Connection(stub.baseUrl("openai"), stub.apiKey()));
			stubUrl = stub.baseUrl();
			assertThat(isListening(stubUrl)).isTrue();
			context.refresh();
		}
		assertThat(isListening(stubUrl)).isFalse();
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
