package io.github.linkai.spring.autoconfigure;

import io.github.linkai.spring.ai.ClientChatModel;
import io.github.linkai.spring.client.ChatClientRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.core.env.Environment;

/**
 * Registers a Spring AI {@link ChatModel} per named client, {@code <name>ChatModel}
 * qualified by the client's name, and {@code <name>MemoryChatModel} for one with memory
 * chat, picked by its bean name (qualifying it by the client's name too would make
 * {@code @Qualifier("<name>") ChatModel} ambiguous). Neither is a default candidate.
 */
class NamedChatModelsRegistrar extends NamedClientBeansRegistrar {

	NamedChatModelsRegistrar(Environment environment, @Nullable ClassLoader classLoader) {
		super(environment, classLoader);
	}

	@Override
	void register(BeanDefinitionRegistry registry, String name, boolean memoryChat) {
		register(registry, name + "ChatModel", ChatModel.class, NamedChatModels.class, "chatModel", name, name);
		if (memoryChat) {
			register(registry, name + "MemoryChatModel", ChatModel.class, NamedChatModels.class, "memoryChatModel",
					name, null);
		}
	}

	/** The factory methods the named chat models' bean definitions point to. */
	public static final class NamedChatModels {

		private NamedChatModels() {
		}

		/** The named client as a chat model. */
		public static ChatModel chatModel(ChatClientRegistry registry, String name) {
			return ClientChatModel.of(registry.get(name));
		}

		/** The named memory-chat client as a chat model. */
		public static ChatModel memoryChatModel(ChatClientRegistry registry, String name) {
			return ClientChatModel.ofMemory(registry.memory(name));
		}

	}

}
