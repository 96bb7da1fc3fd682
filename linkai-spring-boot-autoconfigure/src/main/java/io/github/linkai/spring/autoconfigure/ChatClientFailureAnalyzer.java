package io.github.linkai.spring.autoconfigure;

import java.lang.annotation.Annotation;
import java.util.Map;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.spi.ChatProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Says which property to set, or which qualifier to use, when a {@link ChatClient} or
 * {@link MemoryChatClient} is injected and there is none: Spring's "No qualifying bean of
 * type ChatClient" does not say that the default client exists only when
 * {@code linkai.api-key} is set, or that named clients need a qualifier.
 */
class ChatClientFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> implements Ordered {

	private final Environment environment;

	ChatClientFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		// before Boot's generic NoSuchBeanDefinitionFailureAnalyzer, which would answer
		// first
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		Class<?> type = cause.getBeanType();
		boolean memory = type == MemoryChatClient.class;
		if (type == null || (type != ChatClient.class && !memory)) {
			return null;
		}
		String kind = type.getSimpleName();
		ClientPropertiesBinder binder = LinkAiProviders.binder(this.environment, getClass().getClassLoader());
		Map<String, String> named = binder.namedClients();
		String qualifier = qualifier(findCause(rootFailure, UnsatisfiedDependencyException.class));
		if (qualifier != null) {
			return analyzeNamed(kind, memory, qualifier, named, binder, cause);
		}
		String namedHint = named.isEmpty() ? "" : " or inject a named client with @Qualifier(\""
				+ first(named, binder, memory) + "\") (configured: " + String.join(", ", named.keySet()) + ")";
		if (!binder.hasDefaultClient()) {
			return new FailureAnalysis(
					"A " + kind + " was required, but there is no default chat client: it is "
							+ "created only when linkai.api-key is set"
							+ (named.isEmpty() ? "."
									: ", and the named clients (linkai.clients.*) are injected by name."),
					"Set linkai.api-key (and linkai.provider when the API is not LinkAI's)" + namedHint + ".", cause);
		}
		if (memory) {
			return new FailureAnalysis(
					"A MemoryChatClient was required, but the default client's provider (" + binder.defaultProviderId()
							+ ", linkai.provider) has no memory chat.",
					"Inject a ChatClient instead, or configure a client whose provider has memory chat (linkai)"
							+ namedHint + ".",
					cause);
		}
		return null;
	}

	private FailureAnalysis analyzeNamed(String kind, boolean memory, String qualifier, Map<String, String> named,
			ClientPropertiesBinder binder, NoSuchBeanDefinitionException cause) {
		String providerId = named.get(qualifier);
		if (providerId == null) {
			return new FailureAnalysis(
					"A " + kind + " qualified \"" + qualifier + "\" was required, but no client "
							+ "of that name is configured"
							+ (named.isEmpty() ? "." : " (configured: " + String.join(", ", named.keySet()) + ")."),
					"Configure it under linkai.clients." + qualifier
							+ ".* (it inherits the top-level key of its provider), or correct the " + "qualifier.",
					cause);
		}
		ChatProvider<?> provider = binder.provider(providerId);
		if (memory && provider != null && !provider.hasMemoryChat()) {
			return new FailureAnalysis(
					"A MemoryChatClient qualified \"" + qualifier + "\" was required, but that " + "client's provider ("
							+ providerId + ") has no memory chat.",
					"Inject @Qualifier(\"" + qualifier + "\") ChatClient instead, or use a linkai client.", cause);
		}
		return new FailureAnalysis(
				"A " + kind + " qualified \"" + qualifier + "\" was required, but no such bean " + "was created.",
				"Check that linkai.clients." + qualifier + ".* is set where the application starts.", cause);
	}

	private static String first(Map<String, String> named, ClientPropertiesBinder binder, boolean memory) {
		for (Map.Entry<String, String> entry : named.entrySet()) {
			ChatProvider<?> provider = binder.provider(entry.getValue());
			if (!memory || (provider != null && provider.hasMemoryChat())) {
				return entry.getKey();
			}
		}
		return named.keySet().iterator().next();
	}

	private static @Nullable String qualifier(@Nullable UnsatisfiedDependencyException failure) {
		InjectionPoint point = (failure != null) ? failure.getInjectionPoint() : null;
		if (point == null) {
			return null;
		}
		for (Annotation annotation : point.getAnnotations()) {
			if (annotation instanceof Qualifier qualifier && !qualifier.value().isEmpty()) {
				return qualifier.value();
			}
		}
		return null;
	}

}
