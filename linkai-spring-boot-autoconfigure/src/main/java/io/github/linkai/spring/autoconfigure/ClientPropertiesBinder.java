package io.github.linkai.spring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.spi.BlankSettings;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ChatProvider;
import io.github.linkai.spring.client.spi.ChatProviders;
import io.github.linkai.spring.client.spi.SettingProblems;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.Environment;

/**
 * Binds every client's properties with Boot's {@link Binder}: the top level onto
 * {@link LinkAiProperties}, each {@code linkai.clients.<name>} onto a fresh binding of
 * the top level (so it inherits whatever it does not set, whatever the property), and
 * each client's provider settings onto the provider's own type, all in one pass that also
 * checks every value ({@link #bindAll()}). A key under {@code linkai.} that none of these
 * binds fails startup naming it ({@link BoundNames}).
 */
final class ClientPropertiesBinder {

	static final String PREFIX = "linkai";

	private static final String CLIENTS = PREFIX + ".clients";

	private static final Bindable<Map<String, Object>> NAMES = Bindable.mapOf(String.class, Object.class);

	/**
	 * Names a named client cannot have: the default client's, and the one whose bean
	 * names are the default's.
	 */
	private static final Set<String> RESERVED_NAMES = Set.of(ChatClientRegistry.DEFAULT_NAME, "linkAi");

	private final Binder binder;

	private final Iterable<ConfigurationPropertySource> sources;

	private final ChatProviders providers;

	private ClientPropertiesBinder(Binder binder, Iterable<ConfigurationPropertySource> sources,
			ChatProviders providers) {
		this.binder = binder;
		this.sources = sources;
		this.providers = providers;
	}

	/**
	 * A binder over the environment's properties (placeholders resolved), for the given
	 * providers.
	 */
	static ClientPropertiesBinder of(Environment environment, ChatProviders providers) {
		return new ClientPropertiesBinder(Binder.get(environment), ConfigurationPropertySources.get(environment),
				providers);
	}

	/** Whether the top-level client is configured: {@code linkai.api-key} is set. */
	boolean hasDefaultClient() {
		return this.binder.bind(PREFIX + ".api-key", String.class).isBound();
	}

	/** The top-level provider id, as configured (unchecked). */
	String defaultProviderId() {
		return this.binder.bind(PREFIX + ".provider", String.class).orElse(new LinkAiClientProperties().getProvider());
	}

	/**
	 * The named clients and their provider ids as configured (unchecked), in
	 * configuration order.
	 */
	Map<String, String> namedClients() {
		Map<String, String> named = new LinkedHashMap<>();
		for (String name : this.binder.bind(CLIENTS, NAMES).orElse(Map.of()).keySet()) {
			named.put(name,
					this.binder.bind(clientPrefix(name) + ".provider", String.class).orElse(defaultProviderId()));
		}
		return named;
	}

	/** The provider of that id, or {@code null}. */
	@Nullable ChatProvider<?> provider(String id) {
		return this.providers.find(id);
	}

	/**
	 * Every configured client, bound and checked in one pass: the top-level one when
	 * {@code linkai.api-key} is set, then the named ones.
	 * @throws InvalidConfigurationPropertyValueException naming the first key that binds
	 * to nothing, an unknown provider, a reserved client name or an invalid value
	 */
	ConfiguredClients bindAll() {
		BoundNames recorder = new BoundNames();
		LinkAiProperties top = new LinkAiProperties();
		this.binder.bind(PREFIX, Bindable.ofInstance(top), recorder);
		ChatProvider<?> topProvider = checkedProvider(PREFIX, top.getProvider());
		List<ConfiguredClient<?>> clients = new ArrayList<>();
		// bound whether or not the top level is a client itself: named clients inherit
		// its
		// provider settings, and its keys must be known as bound
		ConfiguredClient<?> topClient = bind(ChatClientRegistry.DEFAULT_NAME, PREFIX, topProvider, top, recorder,
				false);
		if (hasDefaultClient()) {
			clients.add(topClient);
		}
		// not top.getClients(): a client that sets only provider settings (app-code) has
		// no entry there
		for (String name : namedClients().keySet()) {
			if (RESERVED_NAMES.contains(name)) {
				throw new InvalidConfigurationPropertyValueException(clientPrefix(name), null, "'" + name
						+ "' is taken by the top-level client (linkai.*) and its beans; choose another name");
			}
			String prefix = clientPrefix(name);
			LinkAiClientProperties properties = new LinkAiClientProperties();
			this.binder.bind(PREFIX, Bindable.ofInstance(properties));
			String providerId = this.binder.bind(prefix + ".provider", String.class).orElse(top.getProvider());
			ChatProvider<?> provider = checkedProvider(prefix, providerId);
			boolean sameProvider = provider == topProvider;
			if (!sameProvider) {
				// a credential, host or model means nothing to another provider, and a
				// key
				// must never reach it
				properties.setApiKey(null);
				properties.setBaseUrl(null);
				properties.setModel(null);
			}
			this.binder.bind(prefix, Bindable.ofInstance(properties), recorder);
			clients.add(bind(name, prefix, provider, properties, recorder, sameProvider));
		}
		recorder.checkAllBound(this.sources, this.binder, this.providers, clients, topProvider);
		clients.forEach(ClientPropertiesBinder::check);
		return new ConfiguredClients(top, clients);
	}

	/**
	 * {@code linkai.clients.<name>}, in the bracket form for a name that is not a valid
	 * element ({@code linkAi}).
	 */
	private static String clientPrefix(String name) {
		String dotted = CLIENTS + "." + name;
		return ConfigurationPropertyName.isValid(dotted) ? dotted : CLIENTS + "[" + name + "]";
	}

	private <S> ConfiguredClient<S> bind(String name, String prefix, ChatProvider<S> provider,
			LinkAiClientProperties properties, BoundNames recorder, boolean inheritTopSettings) {
		S settings = provider.newSettings();
		if (inheritTopSettings) {
			this.binder.bind(settingsName(PREFIX, provider), Bindable.ofInstance(settings));
		}
		this.binder.bind(settingsName(prefix, provider), Bindable.ofInstance(settings), recorder);
		return new ConfiguredClient<>(name, prefix, provider, properties, settings,
				ChatOption.retain(configuredOptions(properties), provider.supportedOptions()), recorder::isBound,
				this::origin);
	}

	/**
	 * Checks every value of a client: its call policy and pool, its neutral options (one
	 * it sets itself that its provider has no field for would never be sent; an inherited
	 * one is a shared default, dropped where it does not apply), and its provider's
	 * settings.
	 */
	private static <S> void check(ConfiguredClient<S> client) {
		SettingProblems problems = client.problems();
		client.properties().validate(problems);
		ChatOptions configured = configuredOptions(client.properties());
		for (ChatOption option : ChatOption.values()) {
			Object value = option.valueIn(configured);
			if (value != null && client.ownsOption(option) && !client.provider().supportedOptions().contains(option)) {
				problems.reject(option.propertyName(), value, "The " + client.provider().id() + " client has no "
						+ option.fieldName() + " to send; remove it");
			}
		}
		if (client.provider().requiresModel() && client.defaults().model() == null) {
			problems.reject("model", client.properties().getModel(), "The " + client.provider().id()
					+ " client needs the model to call; set " + client.property("model"));
		}
		client.provider().validate(client.settings(), client.defaults(), problems);
	}

	/**
	 * Where a property's value came from, for a message: the environment variable, or the
	 * property and its file (and the variable a placeholder in it reads); never the
	 * value.
	 */
	private String origin(String property) {
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : this.sources) {
			ConfigurationProperty found = source.getConfigurationProperty(name);
			if (found == null) {
				continue;
			}
			Origin origin = found.getOrigin();
			if (origin instanceof PropertySourceOrigin fromSource && fromSource.getOrigin() != null) {
				origin = fromSource.getOrigin(); // the file and line, or the variable,
													// behind it
			}
			if (origin instanceof SystemEnvironmentOrigin variable) {
				return "the environment variable " + variable.getProperty();
			}
			String placeholder = (found.getValue() instanceof String raw) ? BoundNames.unresolvedPlaceholder(raw)
					: null;
			String where = (origin instanceof PropertySourceOrigin fromSource)
					? " in " + fromSource.getPropertySource().getName() : (origin != null) ? " in " + origin : "";
			return property + where + ((placeholder != null) ? " (from ${" + placeholder + "})" : "");
		}
		return property;
	}

	/** The neutral options as set, a blank model meaning none. */
	private static ChatOptions configuredOptions(LinkAiClientProperties properties) {
		return new ChatOptions(BlankSettings.unsetIfBlank(properties.getModel()), properties.getTemperature(),
				properties.getTopP(), properties.getMaxTokens());
	}

	private static String settingsName(String prefix, ChatProvider<?> provider) {
		return provider.settingsPrefix().isEmpty() ? prefix : prefix + "." + provider.settingsPrefix();
	}

	private ChatProvider<?> checkedProvider(String prefix, String id) {
		ChatProvider<?> provider = this.providers.find(id);
		if (provider == null) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".provider", id,
					"Unknown provider; use one of " + this.providers.ids());
		}
		return provider;
	}

}
