package io.github.linkai.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linkai.*}: the default client (created when {@code linkai.api-key} is set) and the named clients
 * under {@code linkai.clients.<name>.*}, which inherit unset values from the top level.
 */
@ConfigurationProperties(prefix = "linkai")
public class LinkAiProperties extends LinkAiClientProperties {

	/**
	 * Named clients, each a bean qualified by its name (e.g. @Qualifier("support") ChatClient) and in
	 * the ChatClientRegistry. Unset values are inherited from the top-level linkai.* settings.
	 */
	private Map<String, LinkAiClientProperties> clients = new LinkedHashMap<>();

	public Map<String, LinkAiClientProperties> getClients() {
		return this.clients;
	}

	public void setClients(Map<String, LinkAiClientProperties> clients) {
		this.clients = clients;
	}

}
