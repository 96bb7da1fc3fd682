package io.github.linkai.spring.autoconfigure;

import java.util.Map;

import io.github.linkai.spring.ai.ClientChatModel;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.spi.ChatProvider;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers a Spring AI {@link ChatModel} per named client, {@code <name>ChatModel} qualified by the client's
 * name, and {@code <name>MemoryChatModel} for one with memory chat, picked by its bean name (qualifying it by the
 * client's name too would make {@code @Qualifier("<name>") ChatModel} ambiguous). Neither is a default candidate.
 * As {@link NamedChatClientsRegistrar}'s, the definitions name a static factory method, so AOT can write them out.
 */
class NamedChatModelsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanClassLoaderAware {

	private Environment environment;

	private ClassLoader classLoader;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		ClientPropertiesBinder binder = LinkAiProviders.binder(this.environment, this.classLoader);
		for (Map.Entry<String, String> entry : binder.namedClients().entrySet()) {
			String name = entry.getKey();
			NamedChatClientsRegistrar.register(registry, name + "ChatModel", ChatModel.class, NamedChatModels.class,
					"chatModel", name, name);
			ChatProvider<?> provider = binder.provider(entry.getValue());
			if (provider != null && provider.hasMemoryChat()) {
				NamedChatClientsRegistrar.register(registry, name + "MemoryChatModel", ChatModel.class,
						NamedChatModels.class, "memoryChatModel", name, null);
			}
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
