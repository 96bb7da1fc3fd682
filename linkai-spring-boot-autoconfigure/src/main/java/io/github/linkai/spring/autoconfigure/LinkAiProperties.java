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

	/** Observation of the chat calls (metrics and spans). */
	private final Observations observations = new Observations();

	public Map<String, LinkAiClientProperties> getClients() {
		return this.clients;
	}

	public void setClients(Map<String, LinkAiClientProperties> clients) {
		this.clients = clients;
	}

	public Observations getObservations() {
		return this.observations;
	}

	/** Observation of the chat calls. */
	public static class Observations {

		/**
		 * Whether spans carry the prompt and the answer (gen_ai.input.messages, gen_ai.output.messages). They
		 * are your users' words, sent to your tracing backend in full: keep it off unless that is allowed.
		 */
		private boolean includeContent;

		public boolean isIncludeContent() {
			return this.includeContent;
		}

		public void setIncludeContent(boolean includeContent) {
			this.includeContent = includeContent;
		}

	}

}
