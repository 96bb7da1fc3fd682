package io.github.linkai.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Adapts the clients' properties to {@link LinkAiConnectionDetails}: each client's
 * {@code base-url} (else its provider's default) and {@code api-key}, checked naming the
 * property.
 */
class PropertiesLinkAiConnectionDetails implements LinkAiConnectionDetails {

	private final ConfiguredClients clients;

	PropertiesLinkAiConnectionDetails(ConfiguredClients clients) {
		this.clients = clients;
	}

	@Override
	public @Nullable Connection getConnection(String clientName, String provider) {
		for (ConfiguredClient<?> client : this.clients.clients()) {
			if (client.name().equals(clientName) && client.provider().id().equals(provider)) {
				return ClientConnections.fromProperties(client);
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return "PropertiesLinkAiConnectionDetails";
	}

}
