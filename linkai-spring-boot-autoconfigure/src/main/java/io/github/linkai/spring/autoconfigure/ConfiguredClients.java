package io.github.linkai.spring.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.linkai.spring.client.admission.PriceTable;
import io.github.linkai.spring.client.spi.BlankSettings;

/**
 * The configured clients as one binding pass over {@code linkai.*} gave them, every value
 * checked: the one description the registry, the connection details, the health
 * contributor and the actuator's sanitizer are all built from. Immutable once made.
 *
 * @param properties the top level as bound: the settings every client inherits, and the
 * observation, health and web settings
 * @param clients the clients, the top-level one first when it is configured
 * @param prices the price table ({@code linkai.pricing})
 */
record ConfiguredClients(LinkAiProperties properties, List<ConfiguredClient<?>> clients, PriceTable prices) {

	ConfiguredClients {
		clients = List.copyOf(clients);
	}

	/**
	 * Every configured credential ({@code api-key} and each of {@code api-keys}),
	 * stripped.
	 */
	Set<String> credentials() {
		Set<String> credentials = new LinkedHashSet<>();
		for (ConfiguredClient<?> client : this.clients) {
			String apiKey = BlankSettings.unsetIfBlank(client.properties().getApiKey());
			if (apiKey != null) {
				credentials.add(apiKey);
			}
			credentials.addAll(client.properties().credentials());
		}
		return credentials;
	}

}
