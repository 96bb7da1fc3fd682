package io.github.linkai.spring.autoconfigure;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.MemoryChatClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.core.env.Environment;

/**
 * Registers a bean per named client, {@code <name>ChatClient} (and
 * {@code <name>MemoryChatClient} when its provider has memory chat), qualified by the
 * client's name. They are not default candidates: a plain {@code ChatClient} injection
 * point still gets the default client, and {@code @Qualifier("<name>")} picks a named
 * one.
 */
class NamedChatClientsRegistrar extends NamedClientBeansRegistrar {

	NamedChatClientsRegistrar(Environment environment, @Nullable ClassLoader classLoader) {
		super(environment, classLoader);
	}

	@Override
	void register(BeanDefinitionRegistry registry, String name, boolean memoryChat) {
		register(registry, name + "ChatClient", ChatClient.class, NamedClients.class, "chatClient", name, name);
		if (memoryChat) {
			register(registry, name + "MemoryChatClient", MemoryChatClient.class, NamedClients.class,
					"memoryChatClient", name, name);
		}
	}

	/** The factory methods the named clients' bean definitions point to. */
	public static final class NamedClients {

		private NamedClients() {
		}

		/** The named chat client. */
		public static ChatClient chatClient(ChatClientRegistry registry, String name) {
			return registry.get(name);
		}

		/** The named memory chat client. */
		public static MemoryChatClient memoryChatClient(ChatClientRegistry registry, String name) {
			return registry.memory(name);
		}

	}

}
