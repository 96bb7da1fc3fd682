package io.github.linkai.spring.autoconfigure;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.linkai.spring.client.spi.ChatProvider;
import io.github.linkai.spring.client.spi.ChatProviders;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The names a binding pass bound, recorded across its bind calls, and the check that
 * every {@code linkai.*} key in the environment was one of them. Boot's
 * {@code NoUnboundElementsBindHandler} checks after each bind call, but a client's keys
 * are bound by two calls (the common settings and the provider's), so the names are
 * recorded here and checked once at the end, with the same rules for collection elements.
 * A key that binds to nothing is a mistake ({@code provder=lingma}, a {@code lingma.*}
 * block on a LinkAI client) and fails startup naming it; so does a value that still holds
 * an unresolved placeholder.
 */
final class BoundNames extends AbstractBindHandler {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)[^}]*}");

	private final Set<ConfigurationPropertyName> names = new HashSet<>();

	@Override
	public @Nullable Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
			Object result) {
		this.names.add(name);
		return super.onSuccess(name, target, context, result);
	}

	/** Whether the property of that full name was bound. */
	boolean isBound(String name) {
		return this.names.contains(ConfigurationPropertyName.of(name));
	}

	/**
	 * Fails on the first {@code linkai.*} key of {@code sources} that was not bound, or
	 * that holds an unresolved placeholder.
	 * @param clients the clients bound, to say which provider a key was meant for
	 * @param topProvider the top level's provider
	 */
	void checkAllBound(Iterable<ConfigurationPropertySource> sources, Binder binder, ChatProviders providers,
			List<ConfiguredClient<?>> clients, ChatProvider<?> topProvider) {
		ConfigurationPropertyName root = ConfigurationPropertyName.of(ClientPropertiesBinder.PREFIX);
		Set<String> unbound = new TreeSet<>();
		for (ConfigurationPropertySource source : sources) {
			if (source instanceof IterableConfigurationPropertySource iterable && !isSystemEnvironment(source)) {
				for (ConfigurationPropertyName name : iterable) {
					if (root.isAncestorOf(name) && isUnbound(name)) {
						unbound.add(name.toString());
					}
					else if (root.isAncestorOf(name)) {
						checkResolved(binder, name);
					}
				}
			}
		}
		if (!unbound.isEmpty()) {
			String first = unbound.iterator().next();
			throw new InvalidConfigurationPropertyValueException(first, null,
					explain(first, providers, clients, topProvider)
							+ ((unbound.size() > 1) ? " (also unbound: " + unbound + ")" : ""));
		}
	}

	private boolean isUnbound(ConfigurationPropertyName candidate) {
		if (this.names.contains(candidate)) {
			return false;
		}
		// an element of a list or map bound as a whole (kb-ids[0] when kb-ids was bound)
		for (int i = candidate.getNumberOfElements() - 1; i > 0; i--) {
			if (candidate.isNumericIndex(i) && this.names.contains(candidate.chop(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Fails on a value that still holds a placeholder: Boot leaves
	 * {@code ${LINKAI_API_KEY}} as it is when the variable is not set, and the literal
	 * text would be sent (or put in a URL path). A client's {@code api-key} and
	 * {@code base-url} are checked where its connection is resolved: a
	 * {@link LinkAiConnectionDetails} bean (the test kit's, in a test where the variable
	 * is not set) makes them unused.
	 */
	private static void checkResolved(Binder binder, ConfigurationPropertyName name) {
		if (isConnectionProperty(name)) {
			return;
		}
		String value = binder.bind(name, Bindable.of(String.class)).orElse(null);
		String variable = (value != null) ? unresolvedPlaceholder(value) : null;
		if (variable != null) {
			// the value is the placeholder's text itself, no secret: the key and URL are
			// not
			// checked here
			throw new InvalidConfigurationPropertyValueException(name.toString(), value, unresolvedReason(variable));
		}
	}

	/**
	 * {@code linkai.api-key}, each of {@code linkai.api-keys}, {@code linkai.base-url}
	 * and the same of a {@code linkai.clients.<name>}.
	 */
	private static boolean isConnectionProperty(ConfigurationPropertyName property) {
		ConfigurationPropertyName name = property.isLastElementIndexed() ? property.getParent() : property;
		int elements = name.getNumberOfElements();
		boolean clientLevel = elements == 2
				|| (elements == 4 && name.getElement(1, ConfigurationPropertyName.Form.DASHED).equals("clients"));
		String last = name.getLastElement(ConfigurationPropertyName.Form.DASHED);
		return clientLevel && (last.equals("api-key") || last.equals("api-keys") || last.equals("base-url"));
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

	private static String explain(String name, ChatProviders providers, List<ConfiguredClient<?>> clients,
			ChatProvider<?> topProvider) {
		String named = ClientPropertiesBinder.PREFIX + ".clients";
		String prefix = name.startsWith(named + ".")
				? named + "."
						+ ConfigurationPropertyName.of(name).getElement(2, ConfigurationPropertyName.Form.ORIGINAL)
				: ClientPropertiesBinder.PREFIX;
		String rest = name.substring(prefix.length() + 1);
		String block = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
		String providerId = clients.stream()
			.filter((client) -> client.prefix().equals(prefix))
			.map((client) -> client.provider().id())
			.findFirst()
			.orElse(topProvider.id());
		ChatProvider<?> other = providers.find(block);
		if (other != null && !other.settingsPrefix().isEmpty() && !block.equals(providerId)) {
			return "A " + block + " settings block on " + ConfiguredClient.an(providerId) + " client (" + prefix
					+ ".provider is " + providerId + "): it would never be used. Set " + prefix + ".provider=" + block
					+ " or remove the block";
		}
		ChatProvider<?> known = providers.find(providerId);
		ChatProvider<?> provider = (known != null) ? known : topProvider;
		String suggestion = PropertySuggestions.closest(rest, provider, prefix.equals(ClientPropertiesBinder.PREFIX));
		return "Not a property of " + ConfiguredClient.an(providerId) + " client: "
				+ ((suggestion != null) ? "did you mean " + prefix + "." + suggestion + "?"
						: "check its spelling (see the starter's configuration metadata for the known keys)");
	}

}
