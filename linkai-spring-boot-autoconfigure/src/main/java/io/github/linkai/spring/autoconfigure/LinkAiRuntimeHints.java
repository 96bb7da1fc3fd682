package io.github.linkai.spring.autoconfigure;

import io.github.linkai.spring.client.spi.ChatProvider;
import io.github.linkai.spring.client.spi.ChatProviders;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

/**
 * What a native image needs beyond what AOT processing finds on its own: the providers'
 * service registration and constructors, the wire records Jackson binds and writes by
 * reflection, and the property types bound with the {@code Binder} at run time (the named
 * clients and each provider's settings).
 */
class LinkAiRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("META-INF/services/" + ChatProvider.class.getName());
		BindingReflectionHintsRegistrar wire = new BindingReflectionHintsRegistrar();
		for (ChatProvider<?> provider : ChatProviders.load(classLoader).all()) {
			hints.reflection().registerType(provider.getClass(), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
			wire.registerReflectionHints(hints.reflection(), provider.wireTypes().toArray(new Class<?>[0]));
			BindableRuntimeHintsRegistrar.forTypes(provider.newSettings().getClass()).registerHints(hints, classLoader);
		}
		BindableRuntimeHintsRegistrar.forTypes(LinkAiProperties.class, LinkAiClientProperties.class)
			.registerHints(hints, classLoader);
	}

}
