package io.github.linkai.spring.autoconfigure;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Reports a rejected {@code linkai.*} property without its value. Boot's own analyzer
 * re-reads the raw value from the environment and prints it, and a {@code linkai}
 * property may hold a credential: a key with a line break, a base URL with a key in its
 * query, a credential under a misspelt name. Only values that cannot hold text (numbers,
 * durations, sizes) are shown.
 */
class LinkAiPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationPropertyValueException>
		implements Ordered {

	private static final List<String> SECRET_HINTS = List.of("key", "token", "secret", "password", "credential",
			"base-url", "extra-body");

	private final @Nullable Environment environment;

	LinkAiPropertyFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		// before Boot's InvalidConfigurationPropertyValueFailureAnalyzer, which would
		// print the value
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure,
			InvalidConfigurationPropertyValueException cause) {
		String name = cause.getName();
		if (!name.equals(ClientPropertiesBinder.PREFIX) && !name.startsWith(ClientPropertiesBinder.PREFIX + ".")
				&& !name.startsWith(ClientPropertiesBinder.PREFIX + "[")) {
			return null;
		}
		StringBuilder description = new StringBuilder("Invalid configuration property '").append(name).append("'");
		Object value = cause.getValue();
		boolean secret = mayHoldSecret(name);
		if (value != null && (!secret || value instanceof Number || value instanceof Boolean
				|| value instanceof java.time.Duration || value instanceof org.springframework.util.unit.DataSize)) {
			description.append(" with value '").append(value).append("'");
		}
		Origin origin = origin(name);
		if (origin != null) {
			description.append(" (originating from '").append(origin).append("')");
		}
		description.append(": ").append((cause.getReason() != null) ? cause.getReason() : "no reason was given");
		return new FailureAnalysis(description.toString(), "Review the property " + name
				+ (secret ? "; its value is not shown, as it may hold a credential." : "."), cause);
	}

	/**
	 * Whether a property may hold a credential: a key or token, a base URL (which may
	 * carry one in its user info or query), an extra body field. (A misspelt name has no
	 * value to show: nothing was bound.)
	 */
	private static boolean mayHoldSecret(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		for (String hint : SECRET_HINTS) {
			if (lower.contains(hint)) {
				return true;
			}
		}
		return false;
	}

	private @Nullable Origin origin(String name) {
		if (!(this.environment instanceof ConfigurableEnvironment configurable)) {
			return null;
		}
		for (PropertySource<?> source : configurable.getPropertySources()) {
			if (source instanceof OriginLookup<?> && source.containsProperty(name)) {
				@SuppressWarnings("unchecked")
				Origin origin = ((OriginLookup<String>) source).getOrigin(name);
				if (origin != null) {
					return origin;
				}
			}
		}
		return null;
	}

}
