package io.github.linkai.spring.test;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.error.ServiceUnavailableException;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.client.http.RetryPolicy;
import io.github.linkai.spring.provider.linkai.LinkAi;
import io.github.linkai.spring.provider.linkai.LinkAiOptions;
import io.github.linkai.spring.provider.linkai.LinkAiSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ProviderStubExtension}: a stub for a test without a Spring context, injected,
 * reset before each test.
 */
@ExtendWith(ProviderStubExtension.class)
class ProviderStubExtensionTests {

	private ChatClient chat;

	@BeforeEach
	void createClient(ProviderStub stub) {
		ClientSettings settings = ClientSettings.builder("plain").retry(RetryPolicy.none()).build();
		this.chat = LinkAi.chatClient(new LinkAiSettings(stub.apiKey(), stub.baseUrl("linkai"), LinkAiOptions.none()),
				new HttpChatClientFactory(new ReactorClientHttpConnector(), settings));
	}

	@Test
	void scriptsTheAnswerOfAClientBuiltWithoutSpring(ProviderStub stub) {
		stub.enqueue(StubAnswer.status(503));

		assertThatExceptionOfType(ServiceUnavailableException.class).isThrownBy(() -> this.chat.chat("hi"));
		assertThat(this.chat.chat("hi")).contains("You asked: \"hi\"");
		assertThat(stub.requests()).extracting(StubRequest::endpoint).containsOnly(StubEndpoint.LINKAI_CHAT);
	}

	@Test
	void startsEachTestWithNothingRecorded(ProviderStub stub) {
		assertThat(stub.requests()).isEmpty();
	}

}
