package io.github.linkai.spring.autoconfigure;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/** Reads the client configuration before the properties bean exists, for conditions and registrars. */
final class LinkAiClientsBinding {

	private static final Bindable<Map<String, LinkAiClientProperties>> CLIENTS = Bindable.mapOf(String.class,
			LinkAiClientProperties.class);

	private LinkAiClientsBinding() {
	}

	static boolean hasDefaultClient(Environment environment) {
		return environment.getProperty("linkai.api-key") != null;
	}

	static LinkAiProvider defaultProvider(Environment environment) {
		return Binder.get(environment).bind("linkai.provider", LinkAiProvider.class).orElse(LinkAiProvider.LINKAI);
	}

	static Map<String, LinkAiClientProperties> namedClients(Environment environment) {
		return Binder.get(environment).bind("linkai.clients", CLIENTS).orElse(Map.of());
	}

}
