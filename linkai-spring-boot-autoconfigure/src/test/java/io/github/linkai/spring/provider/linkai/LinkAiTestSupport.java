package io.github.linkai.spring.provider.linkai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.client.http.RetryPolicy;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.client.spi.WireJson;
import tools.jackson.databind.JsonNode;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients on a WireMock server, fixtures from the API documents, and what the LinkAI
 * suites check alike.
 */
final class LinkAiTestSupport {

	/**
	 * The key part of the API documents' example key
	 * {@code Link_tOCJYmHxxm55eA1xs-Kv2fXJcH2}.
	 */
	static final String API_KEY = "Link_tOCJYmHxxm55eA1xs";

	/** The documents' example of a key with an app code appended, for OpenAI SDKs. */
	static final String KEY_WITH_APP_CODE = "Link_tOCJYmHxxm55eA1xs-Kv2fXJcH2";

	static final String CHAT_PATH = "/v1/chat/completions";

	static final String MEMORY_PATH = "/v1/chat/memory/completions";

	private LinkAiTestSupport() {
	}

	/** A plain chat client on the server, with the bare key and no defaults. */
	static ChatClient chatClient(WireMockExtension server) {
		return chatClient(server.baseUrl(), API_KEY, new ReactorClientHttpConnector());
	}

	/** A plain chat client with the given base URL, key and transport. */
	static ChatClient chatClient(String baseUrl, String key, ClientHttpConnector connector) {
		return LinkAi.chatClient(new LinkAiSettings(key, baseUrl, LinkAiOptions.none()), factory(connector));
	}

	/** A memory chat client on the server, with the bare key and no defaults. */
	static MemoryChatClient memoryClient(WireMockExtension server) {
		return LinkAi.memoryChatClient(new LinkAiSettings(API_KEY, server.baseUrl(), LinkAiOptions.none()),
				factory(new ReactorClientHttpConnector()));
	}

	private static ChatClientFactory factory(ClientHttpConnector connector) {
		// one attempt: these suites check how each answer maps; retries have their own
		// tests
		return new HttpChatClientFactory(connector, ClientSettings.builder("test").retry(RetryPolicy.none()).build());
	}

	/** A fixture next to the tests, as UTF-8 text. */
	static String fixture(String name) {
		try (InputStream in = LinkAiTestSupport.class.getResourceAsStream(name)) {
			assertThat(in).as("fixture %s", name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The only request the server received, its body parsed. */
	static JsonNode onlyRequestBody(WireMockExtension server) {
		List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return WireJson.mapper().readTree(requests.get(0).getBodyAsString());
	}

	/** Checks that nothing was sent. */
	static void assertNoRequestSent(WireMockExtension server) {
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

}
