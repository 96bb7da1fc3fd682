package io.github.linkai.spring.client.spi;

import java.util.List;
import java.util.Set;

import io.github.linkai.spring.client.ChatOptions;
import org.jspecify.annotations.Nullable;

/**
 * A provider, as the Spring glue sees it: what it is called, where it lives, what it
 * supports, its own settings and how it builds its clients. Each provider package has one
 * implementation, registered in
 * {@code META-INF/services/io.github.linkai.spring.client.spi.ChatProvider}; the glue
 * iterates them and never names one, so adding a provider is one package and one
 * registration line.
 *
 * @param <S> the provider's own settings: a JavaBean with defaults initialised, bound by
 * Spring Boot under {@code <client prefix>.<settingsPrefix()>} (for example
 * {@code linkai.clients.eng.lingma.*})
 */
public interface ChatProvider<S> {

	/** The id used in {@code provider=...}, metrics and errors, e.g. {@code lingma}. */
	String id();

	/**
	 * The base URL used when none is configured, or {@code null} when one must be
	 * ({@code base-url}).
	 */
	@Nullable String defaultBaseUrl();

	/** The neutral options this provider has a field for. */
	Set<ChatOption> supportedOptions();

	/**
	 * Whether the provider keeps conversations on the server, so its clients come with a
	 * memory chat client.
	 */
	default boolean hasMemoryChat() {
		return false;
	}

	/**
	 * Whether a client must name a model ({@code model}): the provider has no default
	 * one.
	 */
	default boolean requiresModel() {
		return false;
	}

	/** A new instance of the provider's settings, every default initialised. */
	S newSettings();

	/**
	 * Where the settings sit under a client's prefix: a block named by the provider
	 * ({@code lingma} for {@code linkai.lingma.organization-id}) by default; {@code ""}
	 * binds them at the client's prefix itself.
	 */
	default String settingsPrefix() {
		return id();
	}

	/**
	 * Checks one client's settings and default neutral options against what the provider
	 * documents, before any client is built. Each problem is reported by its setting's
	 * name relative to the client's prefix: {@code lingma.organization-id} for a provider
	 * setting, {@code temperature} for a neutral option (the glue names the property that
	 * set it, the client's own or the inherited top-level one).
	 * @param settings the bound settings
	 * @param defaults the client's default neutral options, those this provider supports
	 * @param problems where problems are reported
	 */
	void validate(S settings, ChatOptions defaults, SettingProblems problems);

	/**
	 * Builds the clients of one configuration, once {@link #validate validated}.
	 * @param credential the configured credential, exactly as it is to be sent
	 * @param baseUrl the configured base URL, else {@link #defaultBaseUrl()}
	 * @param settings the bound settings
	 * @param factory builds the clients on the client's exchange
	 */
	ProviderClients create(String credential, String baseUrl, S settings, ChatClientFactory factory);

	/**
	 * What identifies the client's target besides its host, for the startup log (an app
	 * code, an organization), e.g. {@code app code G7z6vKwp}; never a credential. Empty
	 * when there is nothing to add.
	 */
	default String describe(S settings) {
		return "";
	}

	/**
	 * What looks wrong in a configuration that is still valid, each a sentence for a
	 * startup warning: never the credential or any part of it.
	 * @param credential the credential the client sends
	 * @param settings the bound settings
	 */
	default List<String> warnings(String credential, S settings) {
		return List.of();
	}

	/**
	 * The records this provider's mapper binds or writes by reflection, for ahead-of-time
	 * processing: the records reached through their components' declared types need not
	 * be listed, those behind a component typed {@code Object} (or another supertype)
	 * must be.
	 */
	List<Class<?>> wireTypes();

}
