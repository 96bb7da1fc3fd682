package io.github.linkai.spring.provider.openai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.client.http.RetryPolicy;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.client.spi.WireJson;
import tools.jackson.databind.JsonNode;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients on a WireMock server, fixtures, and what the OpenAI-compatible suites check
 * alike.
 */
final class OpenAiTestSupport {

	/**
	 * A key with characters a careless client would encode or split: it must arrive
	 * exactly so.
	 */
	static final String API_KEY = "sk-7f3A_9b+Q/xZ=eN-f00d";

	/**
	 * The base URL's path, as OpenAI-compatible endpoints give it
	 * ({@code https://api.deepseek.com/v1}).
	 */
	static final String BASE_PATH = "/v1";

	static final String CHAT_PATH = BASE_PATH + "/chat/completions";

	static final String MODEL = "deepseek-chat";

	private OpenAiTestSupport() {
	}

	/**
	 * A client on the server's {@code /v1}, with a default model and no default options.
	 */
	static ChatClient chatClient(WireMockExtension server) {
		return chatClient(server, OpenAiOptions.none());
	}

	/**
	 * A client on the server's {@code /v1}, with a default model and these default
	 * options.
	 */
	static ChatClient chatClient(WireMockExtension server, OpenAiOptions defaults) {
		return OpenAi.chatClient(new OpenAiSettings(API_KEY, server.baseUrl() + BASE_PATH, defaults),
				factory(new ChatOptions(MODEL, null, null, null)));
	}

	/** A factory whose clients have these neutral defaults. */
	static ChatClientFactory factory(ChatOptions defaults) {
		return new HttpChatClientFactory(new ReactorClientHttpConnector(),
				ClientSettings.builder("test").defaults(defaults).retry(RetryPolicy.none()).build());
	}

	/** A fixture next to the tests, as UTF-8 text. */
	static String fixture(String name) {
		try (InputStream in = OpenAiTestSupport.class.getResourceAsStream(name)) {
			assertThat(in).as("fixture %s", name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An event stream response. */
	static ResponseDefinitionBuilder eventStream(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream;charset=utf-8").withBody(body);
	}

	/** A JSON response with that status. */
	static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	/** The only request the server received. */
	static LoggedRequest onlyRequest(WireMockExtension server) {
		List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	/** The only request the server received, its body parsed. */
	static JsonNode onlyRequestBody(WireMockExtension server) {
		return WireJson.mapper().readTree(onlyRequest(server).getBodyAsString());
	}

	/** Checks that nothing was sent. */
	static void assertNoRequestSent(WireMockExtension server) {
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

}
