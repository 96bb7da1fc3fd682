package io.github.linkai.spring.autoconfigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.admission.PriceTable;
import io.github.linkai.spring.client.spi.BlankSettings;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ChatProvider;
import io.github.linkai.spring.client.spi.ChatProviders;
import io.github.linkai.spring.client.spi.SettingProblems;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Binds every client's properties with Boot's {@link Binder}: the top level onto
 * {@link LinkAiProperties}, each {@code linkai.clients.<name>} onto a fresh binding of
 * the top level (so it inherits whatever it does not set, whatever the property), and
 * each client's provider settings onto the provider's own type. A key under
 * {@code linkai.} that none of these binds is a mistake ({@code provder=lingma}, a
 * {@code lingma.*} block on a LinkAI client) and fails startup naming it.
 *
 * <p>
 * Boot's {@code NoUnboundElementsBindHandler} checks after each bind call, but a client's
 * keys are bound by two calls (the common settings and the provider's), so the bound
 * names are recorded here across all calls and checked once at the end, with the same
 * rules for collection elements.
 */
final class ClientPropertiesBinder {

	static final String PREFIX = "linkai";

	private static final String CLIENTS = PREFIX + ".clients";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)[^}]*}");

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

	/**
	 * Whether the top-level client is configured: {@code linkai.api-key} or
	 * {@code linkai.api-keys} is set.
	 */
	boolean hasDefaultClient() {
		return this.binder.bind(PREFIX + ".api-key", String.class).isBound()
				|| this.binder.bind(PREFIX + ".api-keys", Bindable.listOf(String.class)).isBound();
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
		RecordingBindHandler recorder = new RecordingBindHandler();
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
			// a chain is the client's own: inherited, every client would name the top
			// level's
			properties.setFallback(new ArrayList<>());
			String providerId = this.binder.bind(prefix + ".provider", String.class).orElse(top.getProvider());
			ChatProvider<?> provider = checkedProvider(prefix, providerId);
			boolean sameProvider = provider == topProvider;
			if (!sameProvider) {
				// a credential, host or model means nothing to another provider, and a
				// key
				// must never reach it
				properties.setApiKey(null);
				properties.setApiKeys(new ArrayList<>());
				properties.setBaseUrl(null);
				properties.setModel(null);
			}
			this.binder.bind(prefix, Bindable.ofInstance(properties), recorder);
			ownKeysOnly(prefix, properties, recorder);
			clients.add(bind(name, prefix, provider, properties, recorder, sameProvider));
		}
		checkEverythingBound(recorder, clients, topProvider);
		clients.forEach(ClientPropertiesBinder::check);
		LimitsChecks.checkStore(top);
		PriceTable prices = LimitsChecks.prices(top);
		LimitsChecks.checkBudgets(clients, prices);
		LimitsChecks.checkFallbacks(clients);
		return new ConfiguredClients(top, clients, prices);
	}

	/**
	 * A client that sets api-key or api-keys itself does not also inherit the other from
	 * the top level.
	 */
	private static void ownKeysOnly(String prefix, LinkAiClientProperties properties, RecordingBindHandler recorder) {
		boolean ownKey = recorder.isBound(ConfigurationPropertyName.of(prefix + ".api-key"));
		boolean ownKeys = recorder.isBound(ConfigurationPropertyName.of(prefix + ".api-keys"));
		if (ownKeys && !ownKey) {
			properties.setApiKey(null);
		}
		if (ownKey && !ownKeys) {
			properties.setApiKeys(new ArrayList<>());
		}
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
			LinkAiClientProperties properties, RecordingBindHandler recorder, boolean inheritTopSettings) {
		S settings = provider.newSettings();
		if (inheritTopSettings) {
			this.binder.bind(settingsName(PREFIX, provider), Bindable.ofInstance(settings));
		}
		this.binder.bind(settingsName(prefix, provider), Bindable.ofInstance(settings), recorder);
		ChatOptions configured = new ChatOptions(BlankSettings.unsetIfBlank(properties.getModel()),
				properties.getTemperature(), properties.getTopP(), properties.getMaxTokens());
		return new ConfiguredClient<>(name, prefix, provider, properties, settings,
				ChatOption.retain(configured, provider.supportedOptions()),
				(property) -> recorder.isBound(ConfigurationPropertyName.of(property)));
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
		ChatOptions configured = new ChatOptions(BlankSettings.unsetIfBlank(client.properties().getModel()),
				client.properties().getTemperature(), client.properties().getTopP(),
				client.properties().getMaxTokens());
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

	private void checkEverythingBound(RecordingBindHandler recorder, List<ConfiguredClient<?>> clients,
			ChatProvider<?> topProvider) {
		ConfigurationPropertyName root = ConfigurationPropertyName.of(PREFIX);
		Set<String> unbound = new TreeSet<>();
		for (ConfigurationPropertySource source : this.sources) {
			if (source instanceof IterableConfigurationPropertySource iterable && !isSystemEnvironment(source)) {
				for (ConfigurationPropertyName name : iterable) {
					if (root.isAncestorOf(name) && recorder.isUnbound(name)) {
						unbound.add(name.toString());
					}
					else if (root.isAncestorOf(name)) {
						checkResolved(name);
					}
				}
			}
		}
		if (!unbound.isEmpty()) {
			String first = unbound.iterator().next();
			throw new InvalidConfigurationPropertyValueException(first, null, explain(first, clients, topProvider)
					+ ((unbound.size() > 1) ? " (also unbound: " + unbound + ")" : ""));
		}
	}

	/**
	 * Fails on a value that still holds a placeholder: Boot leaves
	 * {@code ${LINKAI_API_KEY}} as it is when the variable is not set, and the literal
	 * text would be sent (or put in a URL path). A client's {@code api-key} and
	 * {@code base-url} are checked where its connection is resolved: a
	 * {@link LinkAiConnectionDetails} bean (the test kit's, in a test where the variable
	 * is not set) makes them unused.
	 */
	private void checkResolved(ConfigurationPropertyName name) {
		if (isConnectionProperty(name)) {
			return;
		}
		String value = this.binder.bind(name, Bindable.of(String.class)).orElse(null);
		String variable = (value != null) ? unresolvedPlaceholder(value) : null;
		if (variable != null) {
			throw new InvalidConfigurationPropertyValueException(name.toString(), null, unresolvedReason(variable));
		}
	}

	/**
	 * {@code linkai.api-key}, {@code linkai.base-url} and the same of a
	 * {@code linkai.clients.<name>}.
	 */
	private static boolean isConnectionProperty(ConfigurationPropertyName name) {
		int elements = name.getNumberOfElements();
		boolean clientLevel = elements == 2
				|| (elements == 4 && name.getElement(1, ConfigurationPropertyName.Form.DASHED).equals("clients"));
		String last = name.getLastElement(ConfigurationPropertyName.Form.DASHED);
		return clientLevel && (last.equals("api-key") || last.equals("base-url"));
	}

	/** The variable of the first unresolved placeholder in a value, or {@code null}. */
	static @Nullable String unresolvedPlaceholder(String value) {
		Matcher placeholder = PLACEHOLDER.matcher(value);
		return placeholder.find() ? placeholder.group(1) : null;
	}

	/** Why a value with an unresolved placeholder is rejected, and what to do. */
	static String unresolvedReason(String variable) {
		return "It holds the unresolved placeholder ${" + variable + "}: set " + variable
				+ " (an environment variable or a property), or give a default with ${" + variable + ":...}";
	}

	/**
	 * A {@code LINKAI_...} environment variable is often there for a placeholder
	 * ({@code ${LINKAI_KEY}}), not meant as a property: only property files, system
	 * properties and the like are checked.
	 */
	private static boolean isSystemEnvironment(ConfigurationPropertySource source) {
		return source.getUnderlyingSource() instanceof PropertySource<?> propertySource
				&& StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(propertySource.getName());
	}

	private String explain(String name, List<ConfiguredClient<?>> clients, ChatProvider<?> topProvider) {
		String prefix = name.startsWith(CLIENTS + ".")
				? CLIENTS + "."
						+ ConfigurationPropertyName.of(name).getElement(2, ConfigurationPropertyName.Form.ORIGINAL)
				: PREFIX;
		String rest = name.substring(prefix.length() + 1);
		String block = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
		String providerId = clients.stream()
			.filter((client) -> client.prefix().equals(prefix))
			.map((client) -> client.provider().id())
			.findFirst()
			.orElse(topProvider.id());
		ChatProvider<?> other = this.providers.find(block);
		if (other != null && !other.settingsPrefix().isEmpty() && !block.equals(providerId)) {
			return "A " + block + " settings block on a " + providerId + " client (" + prefix + ".provider is "
					+ providerId + "): it would never be used. Set " + prefix + ".provider=" + block
					+ " or remove the block";
		}
		return "Not a property of a " + providerId + " client: check its spelling (see the starter's "
				+ "configuration metadata for the known keys)";
	}

	/**
	 * Records what was bound, as {@code NoUnboundElementsBindHandler} does, across bind
	 * calls.
	 */
	private static final class RecordingBindHandler extends AbstractBindHandler {

		private final Set<ConfigurationPropertyName> boundNames = new HashSet<>();

		@Override
		public @Nullable Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
				Object result) {
			this.boundNames.add(name);
			return super.onSuccess(name, target, context, result);
		}

		boolean isBound(ConfigurationPropertyName name) {
			return this.boundNames.contains(name);
		}

		boolean isUnbound(ConfigurationPropertyName candidate) {
			if (this.boundNames.contains(candidate)) {
				return false;
			}
			// an element of a list or map bound as a whole (kb-ids[0] when kb-ids was
			// bound)
			for (int i = candidate.getNumberOfElements() - 1; i > 0; i--) {
				if (candidate.isNumericIndex(i) && this.boundNames.contains(candidate.chop(i))) {
					return false;
				}
			}
			return true;
		}

	}

}
