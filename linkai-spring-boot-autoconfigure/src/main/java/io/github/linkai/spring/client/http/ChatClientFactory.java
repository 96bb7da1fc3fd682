package io.github.linkai.spring.client.http;

import java.util.Objects;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.spi.WireMapping;

import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * The building blocks of one configured client: its connector (in a Boot application
 * built by Boot's {@code ClientHttpConnectorBuilder}, with the client's timeouts, TLS and
 * connection pool) and its {@link ClientSettings}. A provider turns it into clients, one
 * per endpoint.
 */
public final class ChatClientFactory {

	private final ClientHttpConnector connector;

	private final ClientSettings settings;

	/**
	 * The building blocks of one client.
	 * @param connector the transport for the clients this factory makes
	 * @param settings the client's settings
	 */
	public ChatClientFactory(ClientHttpConnector connector, ClientSettings settings) {
		this.connector = Objects.requireNonNull(connector, "connector must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
	}

	/** The settings of the clients this factory makes. */
	public ClientSettings settings() {
		return this.settings;
	}

	/**
	 * A client on {@code mapping}'s endpoint. A 3xx answer (a redirect the connector did
	 * not follow) fails the call with a
	 * {@link io.github.linkai.spring.client.error.RedirectNotFollowedException}.
	 */
	public ChatClient create(WireMapping<?, ?> mapping) {
		return new ExchangeChatClient(new ChatExchange<>(mapping, mapping.decorate(this.connector), this.settings));
	}

}
