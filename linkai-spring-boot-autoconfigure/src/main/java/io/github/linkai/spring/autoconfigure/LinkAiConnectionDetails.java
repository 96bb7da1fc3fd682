package io.github.linkai.spring.autoconfigure;

import java.util.Objects;

import io.github.linkai.spring.client.spi.SecretMasker;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where each configured chat client connects and with which credential, as Spring Boot's
 * {@link ConnectionDetails} are for its own clients. By default they come from the
 * properties ({@code base-url} and {@code api-key} of {@code linkai.*} and
 * {@code linkai.clients.<name>.*}); define a bean of this type to take them from
 * somewhere else: a vault, a service registry, or the test kit's provider stub. Which
 * clients exist, and everything else about them, still comes from the properties.
 *
 * <p>
 * What a bean returns is checked as the properties are (an http or https URL with a host
 * and no query or user info; a credential that is not blank and holds no control
 * character), and a bad value fails startup naming the bean's class and the client, never
 * the credential.
 */
public interface LinkAiConnectionDetails extends ConnectionDetails {

	/**
	 * The connection of one configured client.
	 * @param clientName the client's name: {@code default} for the top-level
	 * {@code linkai.*} client, else the {@code <name>} of {@code linkai.clients.<name>}
	 * @param provider the client's provider id ({@code linkai}, {@code lingma},
	 * {@code jijyun}, {@code openai})
	 * @return its connection, or {@code null} to use the client's own properties
	 */
	@Nullable Connection getConnection(String clientName, String provider);

	/**
	 * A client's connection.
	 *
	 * @param baseUrl the API's base URL, as {@code base-url} takes it (e.g.
	 * {@code https://api.link-ai.tech}, or {@code https://api.deepseek.com/v1} for an
	 * OpenAI-compatible endpoint)
	 * @param credential the credential, sent as the provider expects it (its API key,
	 * Yunxiao token...); never shown by {@link #toString()}
	 */
	record Connection(String baseUrl, String credential) {

		public Connection {
			Objects.requireNonNull(baseUrl, "baseUrl must not be null");
			Objects.requireNonNull(credential, "credential must not be null");
		}

		@Override
		public String toString() {
			return "Connection[baseUrl=" + this.baseUrl + ", credential=" + SecretMasker.describe(this.credential)
					+ "]";
		}

	}

}
