package io.github.linkai.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.ChatClientTarget;
import io.github.linkai.spring.client.http.CallObserver;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.client.http.SameOriginRedirects;
import io.github.linkai.spring.client.spi.ProviderClients;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsProperties;
import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsPropertyMapper;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Builds every configured client on Boot's HTTP building blocks: the
 * {@link ClientHttpConnectorBuilder} and each client's own {@link HttpClientSettings}
 * (falling back to {@code spring.http.clients.*}). The clients were checked when they
 * were bound; only their connections, which a {@link LinkAiConnectionDetails} bean may
 * give, are checked here.
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

	private final ClientResources resources;

	private final @Nullable CallObserver observer;

	private final LinkAiConnectionDetails connectionDetails;

	ChatClientRegistryFactory(ClientHttpConnectorBuilder<?> connectorBuilder,
			HttpClientSettingsPropertyMapper settingsMapper, ClientResources resources, @Nullable CallObserver observer,
			LinkAiConnectionDetails connectionDetails) {
		this.connectorBuilder = connectorBuilder;
		this.settingsMapper = settingsMapper;
		this.resources = resources;
		this.observer = observer;
		this.connectionDetails = connectionDetails;
	}

	ChatClientRegistry create(ConfiguredClients configured) {
		List<ChatClientRegistry.Registered> clients = new ArrayList<>();
		for (ConfiguredClient<?> client : configured.clients()) {
			clients.add(create(client));
		}
		return new ChatClientRegistry(clients);
	}

	private <S> ChatClientRegistry.Registered create(ConfiguredClient<S> client) {
		LinkAiConnectionDetails.Connection connection = ClientConnections.resolve(client, this.connectionDetails);
		ClientSettings settings = ClientSettings.builder(client.name())
			.defaults(client.defaults())
			.policy(client.properties())
			.scheduler(this.resources.timer())
			.observer(this.observer)
			.build();
		ProviderClients created = client.provider()
			.create(connection.credential(), connection.baseUrl(), client.settings(),
					new HttpChatClientFactory(connector(client), settings));
		// what the startup log line shows is what the registry (and so the health
		// details)
		// says the client targets
		ChatClientTarget target = new ChatClientTarget(client.provider().id(),
				Objects.toString(URI.create(connection.baseUrl()).getHost(), ""),
				client.provider().describe(client.settings()));
		logger.info("Chat client '" + client.name() + "': provider " + target.provider() + ", host " + target.host()
				+ (target.description().isEmpty() ? "" : ", " + target.description())
				+ ((created.memory() != null) ? ", with memory chat" : "") + ", credential from "
				+ ClientConnections.credentialSource(client, this.connectionDetails));
		client.provider()
			.warnings(connection.credential(), client.settings())
			.forEach((warning) -> logger.warn("Chat client '" + client.name() + "': " + warning));
		return new ChatClientRegistry.Registered(created.chat(), created.memory(), target);
	}

	/**
	 * The client's connector. Redirects the settings enable are followed only to the same
	 * origin ({@link SameOriginRedirects}, judged by Reactor Netty at each hop); another
	 * connector cannot be told so and follows none.
	 */
	private ClientHttpConnector connector(ConfiguredClient<?> client) {
		HttpClientSettings settings = this.settingsMapper.map(httpSettings(client.properties()))
			.orElse(DEFAULT_SETTINGS);
		boolean followRedirects = settings.redirects() != HttpRedirects.DONT_FOLLOW;
		ClientHttpConnectorBuilder<?> builder = this.connectorBuilder;
		if (builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			// Each client gets its own bounded pool: Reactor Netty's shared one holds
			// only max(16, 2 * cores) connections, and every open stream holds one.
			var pool = this.resources.pool(client.name(), client.properties().getPool());
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

	/** The client's connection settings, in the form Boot's mapper reads. */
	private static HttpClientSettingsProperties httpSettings(LinkAiClientProperties properties) {
		HttpClientSettingsProperties http = new HttpClientSettingsProperties() {
		};
		http.setConnectTimeout(properties.getConnectTimeout());
		http.setReadTimeout(properties.getReadTimeout());
		http.setRedirects(properties.getRedirects());
		http.setCookieHandling(properties.getCookieHandling());
		http.getSsl().setBundle(properties.getSsl().getBundle());
		return http;
	}

}
