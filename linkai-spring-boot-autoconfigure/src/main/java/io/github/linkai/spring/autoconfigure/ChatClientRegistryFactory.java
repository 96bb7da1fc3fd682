package io.github.linkai.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.ChatClientTarget;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.http.CallListener;
import io.github.linkai.spring.client.http.ChatClientFactory;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.RetryPolicy;
import io.github.linkai.spring.client.http.SameOriginRedirects;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ProviderClients;
import io.github.linkai.spring.client.spi.ProviderConfigurationException;
import io.github.linkai.spring.observation.ChatObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsPropertyMapper;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Builds every configured client on Boot's HTTP building blocks: the
 * {@link ClientHttpConnectorBuilder} and each client's own {@link HttpClientSettings}
 * (falling back to {@code spring.http.clients.*}). What a client is made of is its
 * provider's business; here only what every client has is checked, naming the property.
 */
class ChatClientRegistryFactory {

	private static final Log logger = LogFactory.getLog(ChatClientRegistryFactory.class);

	/**
	 * What applies when neither the client nor spring.http.clients sets it: the timeouts,
	 * and no redirects followed (Boot's own default follows them, and a request carries
	 * the credential).
	 */
	static final HttpClientSettings DEFAULT_SETTINGS = new HttpClientSettings(null, HttpRedirects.DONT_FOLLOW,
			Duration.ofSeconds(10), Duration.ofMinutes(2), null);

	private final ClientHttpConnectorBuilder<?> connectorBuilder;

	private final HttpClientSettingsPropertyMapper settingsMapper;

	private final ConnectionPools pools;

	private final ObservationRegistry observationRegistry;

	private final @Nullable ChatObservationConvention observationConvention;

	private final boolean recordContent;

	private final @Nullable CallListener listener;

	private final LinkAiConnectionDetails connectionDetails;

	ChatClientRegistryFactory(ClientHttpConnectorBuilder<?> connectorBuilder,
			HttpClientSettingsPropertyMapper settingsMapper, ConnectionPools pools,
			ObservationRegistry observationRegistry, @Nullable ChatObservationConvention observationConvention,
			boolean recordContent, @Nullable CallListener listener, LinkAiConnectionDetails connectionDetails) {
		this.connectorBuilder = connectorBuilder;
		this.settingsMapper = settingsMapper;
		this.pools = pools;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.recordContent = recordContent;
		this.listener = listener;
		this.connectionDetails = connectionDetails;
	}

	ChatClientRegistry create(List<BoundClient<?>> clients) {
		Map<String, ChatClient> chatClients = new LinkedHashMap<>();
		Map<String, MemoryChatClient> memoryClients = new LinkedHashMap<>();
		Map<String, ChatClientTarget> targets = new LinkedHashMap<>();
		for (BoundClient<?> client : clients) {
			Created created = create(client);
			chatClients.put(client.name(), created.clients().chat());
			if (created.clients().memory() != null) {
				memoryClients.put(client.name(), created.clients().memory());
			}
			targets.put(client.name(), created.target());
		}
		return new ChatClientRegistry(chatClients, memoryClients, targets);
	}

	private <S> Created create(BoundClient<S> client) {
		LinkAiConnectionDetails.Connection connection = ClientConnections.resolve(client, this.connectionDetails);
		String credential = connection.credential();
		String baseUrl = connection.baseUrl();
		ChatOptions defaults = defaults(client);
		ChatClientFactory factory = new ChatClientFactory(connector(client), settings(client, defaults));
		ProviderClients created;
		try {
			created = client.provider().create(credential, baseUrl, client.settings(), factory);
		}
		catch (ProviderConfigurationException ex) {
			throw new InvalidConfigurationPropertyValueException(client.property(ex.setting()), ex.value(),
					ex.getMessage() + "; set " + client.property(ex.setting()));
		}
		catch (ChatRequestValidationException ex) {
			// A default option out of its documented range: name the property that set
			// it.
			ChatOption option = ChatOption.ofField(ex.field());
			if (option == null) {
				throw ex;
			}
			throw new InvalidConfigurationPropertyValueException(client.optionProperty(option),
					option.valueIn(defaults), ex.getMessage());
		}
		// what the startup log line shows is what the registry (and so the health
		// details) says the client targets
		ChatClientTarget target = new ChatClientTarget(client.provider().id(),
				Objects.toString(URI.create(baseUrl).getHost(), ""), client.provider().describe(client.settings()));
		logger.info("Chat client '" + client.name() + "': provider " + target.provider() + ", host " + target.host()
				+ (target.description().isEmpty() ? "" : ", " + target.description())
				+ ((created.memory() != null) ? ", with memory chat" : ""));
		return new Created(created, target);
	}

	/**
	 * What the exchange needs of this client, from its properties and the application's
	 * observation.
	 */
	private ClientSettings settings(BoundClient<?> client, ChatOptions defaults) {
		LinkAiClientProperties p = client.properties();
		LinkAiClientProperties.Retry retry = p.getRetry();
		long maxEventBytes = p.getMaxEventSize().toBytes();
		if (maxEventBytes < 1 || maxEventBytes > Integer.MAX_VALUE) {
			throw new InvalidConfigurationPropertyValueException(client.property("max-event-size"), p.getMaxEventSize(),
					"Must be between 1B and 2GB");
		}
		if (retry.getMaxRetries() < 0) {
			throw new InvalidConfigurationPropertyValueException(client.property("retry.max-retries"),
					retry.getMaxRetries(), "Must be 0 (no retries) or more");
		}
		positive(client, "first-event-timeout", p.getFirstEventTimeout());
		positive(client, "idle-timeout", p.getIdleTimeout());
		positive(client, "deadline", p.getDeadline());
		notNegative(client, "retry.initial-backoff", retry.getInitialBackoff());
		notNegative(client, "retry.max-backoff", retry.getMaxBackoff());
		notNegative(client, "retry.max-retry-after", retry.getMaxRetryAfter());
		return ClientSettings.builder(client.name())
			.defaults(defaults)
			.maxEventBytes((int) maxEventBytes)
			.firstEventTimeout(p.getFirstEventTimeout())
			.idleTimeout(p.getIdleTimeout())
			.deadline(p.getDeadline())
			.retry(new RetryPolicy(retry.getMaxRetries(), retry.getInitialBackoff(), retry.getMaxBackoff(),
					RetryPolicy.defaults().jitter(), retry.getMaxRetryAfter()))
			.observation(this.observationRegistry, this.observationConvention)
			.recordContent(this.recordContent)
			.listener(this.listener)
			.build();
	}

	private static void positive(BoundClient<?> client, String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new InvalidConfigurationPropertyValueException(client.property(property), value, "Must be positive");
		}
	}

	private static void notNegative(BoundClient<?> client, String property, Duration value) {
		if (value.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(client.property(property), value,
					"Must not be negative");
		}
	}

	/**
	 * The neutral defaults. An option the client sets itself that its provider has no
	 * field for fails: it would never be sent. Inherited top-level values are shared
	 * defaults, dropped where they do not apply.
	 */
	private static ChatOptions defaults(BoundClient<?> client) {
		LinkAiClientProperties p = client.properties();
		ChatOptions defaults = new ChatOptions(ClientConnections.unsetIfBlank(p.getModel()), p.getTemperature(),
				p.getTopP(), p.getMaxTokens());
		for (ChatOption option : client.ownOptions()) {
			Object value = option.valueIn(defaults);
			if (value != null && !client.provider().supportedOptions().contains(option)) {
				throw new InvalidConfigurationPropertyValueException(client.optionProperty(option), value, "The "
						+ client.provider().id() + " client has no " + option.fieldName() + " to send; remove it");
			}
		}
		if (client.provider().requiresModel() && defaults.model() == null) {
			throw new InvalidConfigurationPropertyValueException(client.property("model"), p.getModel(), "The "
					+ client.provider().id() + " client needs the model to call; set " + client.property("model"));
		}
		return defaults;
	}

	/**
	 * The client's connector. Redirects the settings enable are followed only to the same
	 * origin ({@link SameOriginRedirects}, judged by Reactor Netty at each hop); another
	 * connector cannot be told so and follows none.
	 */
	private ClientHttpConnector connector(BoundClient<?> client) {
		HttpClientSettings settings = this.settingsMapper.map(client.properties()).orElse(DEFAULT_SETTINGS);
		boolean followRedirects = settings.redirects() != HttpRedirects.DONT_FOLLOW;
		ClientHttpConnectorBuilder<?> builder = this.connectorBuilder;
		if (client.properties().getPool().getMaxConnections() < 1) {
			throw new InvalidConfigurationPropertyValueException(client.property("pool.max-connections"),
					client.properties().getPool().getMaxConnections(), "Must be at least 1");
		}
		if (builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			// Each client gets its own bounded pool: Reactor Netty's shared one holds
			// only max(16, 2 * cores)
			// connections, and every open stream holds one.
			var pool = this.pools.create(client.name(), client.properties().getPool());
			reactor = reactor.withHttpClientFactory(() -> HttpClient.create(pool));
			// after Boot's followRedirect(true): the customizer runs last
			builder = followRedirects ? reactor.withHttpClientCustomizer(SameOriginRedirects::followSameOriginOnly)
					: reactor;
		}
		else if (followRedirects) {
			logger.warn("Chat client '" + client.name() + "': redirects " + settings.redirects() + " ignored, "
					+ "redirects are followed (to the same origin only) with the Reactor Netty connector only");
			settings = settings.withRedirects(HttpRedirects.DONT_FOLLOW);
		}
		return builder.build(settings);
	}

	/** A provider's clients and what they talk to. */
	private record Created(ProviderClients clients, ChatClientTarget target) {
	}

}
