package io.github.linkai.spring.client.http;

import java.util.Objects;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.spi.WireMapping;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The building blocks of one configured client: a {@link WebClient.Builder} (in a Boot application the
 * auto-configured one, so customizers, observation and, for JSON bodies, codecs apply; event streams are framed
 * by {@link io.github.linkai.spring.client.stream.EventStreamLines}), the client's own connector (its timeouts,
 * TLS and connection pool) and its {@link ClientSettings}. A provider turns it into clients, one per endpoint.
 */
public final class ChatClientFactory {

	private final WebClient.Builder webClientBuilder;

	private final ClientHttpConnector connector;

	private final ClientSettings settings;

	/**
	 * @param webClientBuilder cloned for every client, never changed
	 * @param connector the transport for the clients this factory makes
	 * @param settings the client's settings
	 */
	public ChatClientFactory(WebClient.Builder webClientBuilder, ClientHttpConnector connector,
			ClientSettings settings) {
		this.webClientBuilder = Objects.requireNonNull(webClientBuilder, "webClientBuilder must not be null");
		this.connector = Objects.requireNonNull(connector, "connector must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
	}

	/** The settings of the clients this factory makes. */
	public ClientSettings settings() {
		return this.settings;
	}

	/**
	 * A client on {@code mapping}'s endpoint. A 3xx answer (a redirect the connector did not follow) fails the
	 * call with a {@link io.github.linkai.spring.client.error.RedirectNotFollowedException}.
	 */
	public ChatClient create(WireMapping<?, ?> mapping) {
		WebClient webClient = this.webClientBuilder.clone()
			.baseUrl(mapping.baseUrl())
			.clientConnector(mapping.decorate(this.connector))
			.build();
		return new ExchangeChatClient(new ChatExchange<>(mapping, webClient, this.settings));
	}

}
