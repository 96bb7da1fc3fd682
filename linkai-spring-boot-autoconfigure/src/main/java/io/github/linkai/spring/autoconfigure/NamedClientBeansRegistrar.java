package io.github.linkai.spring.autoconfigure;

import java.util.Map;

import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.spi.ChatProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers beans for each named client ({@code linkai.clients.<name>}) as the
 * configuration declares them, before any bean exists. The definitions name a static
 * factory method and its arguments instead of an instance supplier, so AOT processing can
 * write them out: under AOT the set of named clients is fixed when the application is
 * processed (as Boot's conditions are); their settings are still read at run time.
 */
abstract class NamedClientBeansRegistrar implements ImportBeanDefinitionRegistrar {

	private final Environment environment;

	private final @Nullable ClassLoader classLoader;

	/** Spring passes both to an import registrar's constructor. */
	NamedClientBeansRegistrar(Environment environment, @Nullable ClassLoader classLoader) {
		this.environment = environment;
		this.classLoader = classLoader;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		ClientPropertiesBinder binder = LinkAiProviders.binder(this.environment, this.classLoader);
		for (Map.Entry<String, String> entry : binder.namedClients().entrySet()) {
			ChatProvider<?> provider = binder.provider(entry.getValue());
			register(registry, entry.getKey(), provider != null && provider.hasMemoryChat());
		}
	}

	/** Registers the beans of one named client. */
	abstract void register(BeanDefinitionRegistry registry, String name, boolean memoryChat);

	/**
	 * Registers a bean that is not a default candidate, made by
	 * {@code factoryClass.factoryMethod(registry, name)} (a static method taking the
	 * {@link ChatClientRegistry} and the client's name), unless the application defines a
	 * bean of that name.
	 * @param qualifier the qualifier value, or {@code null} to be picked by bean name
	 * only
	 */
	static void register(BeanDefinitionRegistry registry, String beanName, Class<?> type, Class<?> factoryClass,
			String factoryMethod, String name, @Nullable String qualifier) {
		if (registry.containsBeanDefinition(beanName)) {
			return; // the application defines its own bean of that name
		}
		RootBeanDefinition definition = new RootBeanDefinition(factoryClass);
		definition.setTargetType(type);
		definition.setFactoryMethodName(factoryMethod);
		definition.setAutowireMode(AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR);
		definition.getConstructorArgumentValues().addIndexedArgumentValue(1, name);
		definition.setDefaultCandidate(false);
		if (qualifier != null) {
			definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, qualifier));
		}
		registry.registerBeanDefinition(beanName, definition);
	}

}
