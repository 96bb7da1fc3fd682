package io.github.linkai.spring.provider.lingma;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.client.http.RetryPolicy;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients on a WireMock server, the document-based fixtures, and what the tests read from
 * requests.
 */
final class LingmaTestSupport {

	/**
	 * A token shaped like the document's example; it must never show up anywhere but the
	 * header.
	 */
	static final String TOKEN = "pt-0fh3Kq7ZXw0fbG_35afR2mN0484";

	static final String ORGANIZATION = "60d54f3daccf2bbd6659f3ad";

	static final String PATH = "/oapi/v1/lingma/organizations/" + ORGANIZATION + "/model/chat";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private LingmaTestSupport() {
	}

	/** The server's base URL on the loopback address. */
	static String baseUrl(WireMockExtension server) {
		return "http://127.0.0.1:" + server.getPort();
	}

	/** A client named {@code lingma} on the server with the given defaults. */
	static ChatClient client(WireMockExtension server, LingmaOptions lingmaDefaults, ChatOptions defaults) {
		return Lingma.chatClient(new LingmaSettings(TOKEN, baseUrl(server), ORGANIZATION, lingmaDefaults),
				factory(defaults));
	}

	/** A client named {@code lingma} on the server without defaults. */
	static ChatClient client(WireMockExtension server) {
		return client(server, LingmaOptions.none(), ChatOptions.none());
	}

	static ChatClientFactory factory() {
		return factory(ChatOptions.none());
	}

	/**
	 * The building blocks of a client named {@code lingma} with the given default
	 * options.
	 */
	static ChatClientFactory factory(ChatOptions defaults) {
		return new HttpChatClientFactory(new ReactorClientHttpConnector(),
				ClientSettings.builder("lingma").defaults(defaults).retry(RetryPolicy.none()).build());
	}

	/** A fixture of this package, with {@code ${token}} replaced by the test token. */
	static String fixture(String name) {
		try (InputStream in = LingmaTestSupport.class.getResourceAsStream(name)) {
			assertThat(in).as("fixture %s", name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${token}", TOKEN);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The only request the server received. */
	static LoggedRequest onlyRequest(WireMockExtension server) {
		assertThat(server.getAllServeEvents()).hasSize(1);
		return server.getAllServeEvents().get(0).getRequest();
	}

	/** A request's JSON body. */
	static JsonNode body(LoggedRequest request) {
		return JSON.readTree(request.getBodyAsString());
	}

}
