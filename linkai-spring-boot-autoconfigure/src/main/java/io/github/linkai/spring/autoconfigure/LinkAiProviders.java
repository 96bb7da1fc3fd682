package io.github.linkai.spring.autoconfigure;

import io.github.linkai.spring.client.spi.ChatProviders;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;

/**
 * Where the glue finds the providers on the class path and a binder over the client
 * properties.
 */
final class LinkAiProviders {

	private LinkAiProviders() {
	}

	static ClientPropertiesBinder binder(ConditionContext context) {
		return binder(context.getEnvironment(), context.getClassLoader());
	}

	static ClientPropertiesBinder binder(Environment environment, @Nullable ClassLoader classLoader) {
		return ClientPropertiesBinder.of(environment, ChatProviders.load(classLoader));
	}

}
