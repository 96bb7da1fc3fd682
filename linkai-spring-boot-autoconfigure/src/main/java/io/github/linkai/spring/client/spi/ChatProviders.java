package io.github.linkai.spring.client.spi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ConcurrentReferenceHashMap;

/** The providers registered on the class path, by id. */
public final class ChatProviders {

	/**
	 * The providers of each class loader, looked up once: conditions, registrars and the
	 * auto-configuration all ask at startup. Weakly keyed, so a discarded class loader (a
	 * restarted application in devtools) is not kept.
	 */
	private static final Map<@Nullable ClassLoader, ChatProviders> CACHE = new ConcurrentReferenceHashMap<>(4,
			ConcurrentReferenceHashMap.ReferenceType.WEAK);

	private final Map<String, ChatProvider<?>> byId;

	private ChatProviders(Map<String, ChatProvider<?>> byId) {
		this.byId = byId;
	}

	/**
	 * Every provider registered in
	 * {@code META-INF/services/io.github.linkai.spring.client.spi.ChatProvider}.
	 * @throws IllegalStateException if two providers share an id
	 */
	public static ChatProviders load(@Nullable ClassLoader classLoader) {
		return CACHE.computeIfAbsent(classLoader, ChatProviders::discover);
	}

	private static ChatProviders discover(@Nullable ClassLoader classLoader) {
		Map<String, ChatProvider<?>> byId = new LinkedHashMap<>();
		for (ChatProvider<?> provider : ServiceLoader.load(ChatProvider.class, classLoader)) {
			ChatProvider<?> previous = byId.putIfAbsent(provider.id(), provider);
			if (previous != null && previous.getClass() != provider.getClass()) {
				throw new IllegalStateException("Two chat providers have the id '" + provider.id() + "': "
						+ previous.getClass().getName() + " and " + provider.getClass().getName());
			}
		}
		return new ChatProviders(byId);
	}

	/** The provider of that id, or {@code null}. */
	public @Nullable ChatProvider<?> find(String id) {
		return this.byId.get(id);
	}

	/** All providers. */
	public Collection<ChatProvider<?>> all() {
		return this.byId.values();
	}

	/** All ids, in registration order. */
	public java.util.Set<String> ids() {
		return this.byId.keySet();
	}

}
