package io.github.linkai.spring.test;

import io.github.linkai.spring.autoconfigure.LinkAiConnectionDetails;
import io.github.linkai.spring.client.ChatClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that takes its connections from a vault: in a {@link LinkAiStub} test,
 * the stub's win.
 */
@SpringBootTest(
		classes = { StubbedApplication.class, LinkAiStubOverApplicationConnectionDetailsTests.VaultConnections.class })
@LinkAiStub
class LinkAiStubOverApplicationConnectionDetailsTests {

	@Test
	void theClientsTalkToTheStub(@Autowired ChatClient chat, @Autowired ProviderStub stub) {
		assertThat(chat.chat("hi")).contains("You asked: \"hi\"");
		assertThat(stub.lastRequest().authenticated()).isTrue();
	}

	@Configuration(proxyBeanMethods = false)
	static class VaultConnections {

		@Bean
		LinkAiConnectionDetails vaultConnectionDetails() {
			return (client, provider) -> new LinkAiConnectionDetails.Connection("https://vault.example", "vault-key");
		}

	}

}
