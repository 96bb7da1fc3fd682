package io.github.linkai.spring.client;

import java.util.Objects;

/**
 * What a configured client talks to, for logs and health checks: its provider, the host
 * of its base URL and whatever else the provider says identifies the target (an app code,
 * an organization). Never a credential.
 *
 * @param provider the provider id, as {@link ChatClient#provider()}
 * @param host the host of the client's base URL, empty when not known
 * @param description what identifies the target besides its host, e.g.
 * {@code app code G7z6vKwp}; empty when the provider adds nothing
 */
public record ChatClientTarget(String provider, String host, String description) {

	public ChatClientTarget {
		Objects.requireNonNull(provider, "provider must not be null");
		Objects.requireNonNull(host, "host must not be null");
		Objects.requireNonNull(description, "description must not be null");
	}

	/**
	 * What is known of a client built outside the starter's configuration: only its
	 * provider.
	 */
	public static ChatClientTarget of(ChatClient client) {
		return new ChatClientTarget(client.provider(), "", "");
	}

}
