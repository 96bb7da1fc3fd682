package io.github.linkai.spring.client.spi;

import java.util.Objects;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.MemoryChatClient;
import org.jspecify.annotations.Nullable;

/**
 * The clients a provider builds for one configuration.
 *
 * @param chat the chat client
 * @param memory the memory chat client, for a provider that keeps conversations on the
 * server
 */
public record ProviderClients(ChatClient chat, @Nullable MemoryChatClient memory) {

	public ProviderClients {
		Objects.requireNonNull(chat, "chat must not be null");
	}

	/** Only a chat client. */
	public static ProviderClients of(ChatClient chat) {
		return new ProviderClients(chat, null);
	}

}
