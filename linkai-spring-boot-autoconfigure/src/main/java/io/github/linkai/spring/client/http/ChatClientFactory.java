package io.github.linkai.spring.client.http;

import java.util.Objects;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.spi.WireMapping;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds a {@link ChatClient} from a wire mapping and the HTTP building blocks: a {@link WebClient.Builder}
 * (in a Boot application the auto-configured one, so customizers, observation and, for JSON bodies, codecs
 * apply; event streams are framed by {@link io.github.linkai.spring.client.stream.EventStreamLines}) and the
 * client's own connector (its timeouts, TLS and connection pool).
 */
public final class ChatClientFactory {

	private final WebClient.Builder webClientBuilder;

	private final ClientHttpConnector connector;

	/**
	 * @param webClientBuilder cloned for every client, never changed
	 * @param connector the transport for the clients this factory makes
	 */
	public ChatClientFactory(WebClient.Builder webClientBuilder, ClientHttpConnector connector) {
		this.webClientBuilder = Objects.requireNonNull(webClientBuilder, "webClientBuilder must not be null");
		this.connector = Objects.requireNonNull(connector, "connector must not be null");
	}

	/** A client named {@code name} on {@code mapping}'s endpoint, with {@code defaults} for unset options. */
	public ChatClient create(String name, WireMapping<?, ?> mapping, ChatOptions defaults) {
		WebClient webClient = this.webClientBuilder.clone()
			.baseUrl(mapping.baseUrl())
			.clientConnector(mapping.decorate(this.connector))
			.build();
		return new ExchangeChatClient(new ChatExchange<>(name, mapping, webClient, defaults));
	}

}
