package io.github.linkai.spring.autoconfigure;

import java.util.Map;
import java.util.function.Function;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.MemoryChatClient;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers a bean per named client, {@code <name>ChatClient} (and {@code <name>MemoryChatClient} for
 * LinkAI), qualified by the client's name. They are not default candidates: a plain {@code ChatClient}
 * injection point still gets the default client, and {@code @Qualifier("<name>")} picks a named one.
 */
class NamedChatClientsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		BeanFactory beanFactory = (BeanFactory) registry;
		LinkAiProvider defaultProvider = LinkAiClientsBinding.defaultProvider(this.environment);
		for (Map.Entry<String, LinkAiClientProperties> entry : LinkAiClientsBinding.namedClients(this.environment)
			.entrySet()) {
			String name = entry.getKey();
			register(registry, beanFactory, name, name + "ChatClient", ChatClient.class,
					(clients) -> clients.get(name));
			LinkAiProvider provider = (entry.getValue().getProvider() != null) ? entry.getValue().getProvider()
					: defaultProvider;
			if (provider == LinkAiProvider.LINKAI) {
				register(registry, beanFactory, name, name + "MemoryChatClient", MemoryChatClient.class,
						(clients) -> clients.memory(name));
			}
		}
	}

	private <T> void register(BeanDefinitionRegistry registry, BeanFactory beanFactory, String name, String beanName,
			Class<T> type, Function<ChatClientRegistry, T> lookup) {
		if (registry.containsBeanDefinition(beanName)) {
			return; // the application defines its own bean of that name
		}
		RootBeanDefinition definition = new RootBeanDefinition(type,
				() -> lookup.apply(beanFactory.getBean(ChatClientRegistry.class)));
		definition.setDefaultCandidate(false);
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
		registry.registerBeanDefinition(beanName, definition);
	}

}
