package io.github.linkai.spring.autoconfigure;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * Adapts the clients' properties to {@link LinkAiConnectionDetails}: each client's
 * {@code base-url} (else its provider's default) and {@code api-key}, checked naming the
 * property.
 */
class PropertiesLinkAiConnectionDetails implements LinkAiConnectionDetails {

	private final Supplier<List<BoundClient<?>>> clients;

	PropertiesLinkAiConnectionDetails(Supplier<List<BoundClient<?>>> clients) {
		this.clients = SingletonSupplier.of(clients);
	}

	@Override
	public @Nullable Connection getConnection(String clientName, String provider) {
		for (BoundClient<?> client : this.clients.get()) {
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
