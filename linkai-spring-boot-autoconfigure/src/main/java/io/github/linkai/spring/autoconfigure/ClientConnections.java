package io.github.linkai.spring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import io.github.linkai.spring.autoconfigure.LinkAiConnectionDetails.Connection;
import io.github.linkai.spring.client.spi.BlankSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The checks every client's connection gets, whatever its source: from the properties
 * (errors name the property) or from a {@link LinkAiConnectionDetails} bean (errors name
 * the bean's class and the client). Neither kind of error ever holds the credential.
 */
final class ClientConnections {

	/** What an error shows for a value that may hold a credential. */
	private static final String HIDDEN = "<hidden>";

	private ClientConnections() {
	}

	/**
	 * Where the client's credential comes from, for its startup line: the bean that gives
	 * its connection, else its property or environment variable; never the credential.
	 */
	static String credentialSource(ConfiguredClient<?> client, LinkAiConnectionDetails details) {
		boolean fromBean = !(details instanceof PropertiesLinkAiConnectionDetails)
				&& details.getConnection(client.name(), client.provider().id()) != null;
		return fromBean ? details.getClass().getSimpleName() : client.credentialSource();
	}

	/** The client's connection as its properties give it, or as {@code details} does. */
	static Connection resolve(ConfiguredClient<?> client, LinkAiConnectionDetails details) {
		Connection given = details.getConnection(client.name(), client.provider().id());
		if (given == null) {
			return fromProperties(client); // the bean has nothing for this client
		}
		if (details instanceof PropertiesLinkAiConnectionDetails) {
			return given; // checked, naming the properties, as it was made
		}
		String source = details.getClass().getName();
		Problem problem = (setting, shown, reason) -> new InvalidConnectionDetailsException(source, client.name(),
				client.provider().id(), setting + ": " + reason);
		return new Connection(baseUrl(given.baseUrl(), "the base URL", "the credential", problem),
				credential(given.credential(), client, "the credential", problem));
	}

	/**
	 * The client's {@code base-url} (else its provider's default) and {@code api-key},
	 * checked naming them.
	 */
	static Connection fromProperties(ConfiguredClient<?> client) {
		Problem problem = (setting, shown,
				reason) -> new InvalidConfigurationPropertyValueException(client.property(setting), shown, reason);
		List<String> pool = client.properties().getApiKeys();
		for (int i = 0; i < pool.size(); i++) {
			unresolvedChecked(client, "api-keys[" + i + "]", pool.get(i));
		}
		String apiKey = client.properties().primaryApiKey();
		String credential = credential(unresolvedChecked(client, "api-key", apiKey), client, "api-key", problem);
		String baseUrl = BlankSettings
			.unsetIfBlank(unresolvedChecked(client, "base-url", client.properties().getBaseUrl()));
		if (baseUrl == null) {
			String defaultUrl = client.provider().defaultBaseUrl();
			if (defaultUrl == null) {
				throw problem.of("base-url", null, "The " + client.provider().id()
						+ " client needs the endpoint's base URL; set " + client.property("base-url"));
			}
			return new Connection(defaultUrl, credential);
		}
		return new Connection(baseUrl(baseUrl, "base-url", client.property("api-key"), problem), credential);
	}

	/**
	 * The credential exactly as given, only surrounding whitespace (a newline from a
	 * secret file) removed: it is never split or changed inside. A control character
	 * inside would break or inject a header.
	 */
	private static String credential(@Nullable String apiKey, ConfiguredClient<?> client, String setting,
			Problem problem) {
		if (apiKey == null || apiKey.isBlank()) {
			String need = capitalize(ConfiguredClient.an(client.provider().id())) + " client needs its credential";
			throw problem.of(setting, (apiKey != null) ? "<blank>" : null,
					!setting.equals("api-key") ? need
							: (apiKey != null)
									? need + ", but " + client.credentialSource() + " is empty; set the key there"
									: need + "; set " + client.property("api-key"));
		}
		String credential = apiKey.strip();
		if (credential.chars().anyMatch(Character::isISOControl)) {
			throw problem.of(setting, HIDDEN,
					"The credential holds a control character (a line break?); " + "set it as one line");
		}
		return credential;
	}

	private static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/**
	 * The base URL, checked. User info and a query are looked for first, in the text
	 * itself: a URL whose host does not parse has no user info as {@link URI} sees it,
	 * and its password must not reach the host error. No error shows the value.
	 * @param credentialPlace where the credential goes instead of the URL, for the
	 * message
	 */
	private static String baseUrl(String baseUrl, String setting, String credentialPlace, Problem problem) {
		String url = baseUrl.strip();
		if (holdsUserInfoOrQuery(url)) {
			throw problem.of(setting, HIDDEN,
					"Must hold no query and no user info: a credential goes in " + credentialPlace);
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			uri = null;
		}
		if (uri == null || uri.getHost() == null
				|| !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
			throw problem.of(setting, HIDDEN, "Must be an http:// or https:// URL with a host");
		}
		return url;
	}

	/** Whether the authority holds an {@code @} or the URL a {@code ?}. */
	private static boolean holdsUserInfoOrQuery(String url) {
		int start = url.indexOf("//");
		int from = (start >= 0) ? start + 2 : 0;
		int end = from;
		while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
			end++;
		}
		return url.substring(from, end).contains("@") || url.indexOf('?') >= 0;
	}

	/**
	 * Fails on a value that still holds a placeholder: Boot leaves
	 * {@code ${LINKAI_API_KEY}} as it is when the variable is not set, and the literal
	 * text would be sent as the key (or as the host). Checked here rather than with the
	 * other properties, since a connection details bean makes these two unused.
	 */
	private static @Nullable String unresolvedChecked(ConfiguredClient<?> client, String setting,
			@Nullable String value) {
		String variable = (value != null) ? BoundNames.unresolvedPlaceholder(value) : null;
		if (variable != null) {
			throw new InvalidConfigurationPropertyValueException(client.property(setting), null,
					BoundNames.unresolvedReason(variable));
		}
		return value;
	}

	/** Makes the exception for a bad setting, in the source's kind. */
	@FunctionalInterface
	private interface Problem {

		RuntimeException of(String setting, @Nullable Object shownValue, String reason);

	}

}
