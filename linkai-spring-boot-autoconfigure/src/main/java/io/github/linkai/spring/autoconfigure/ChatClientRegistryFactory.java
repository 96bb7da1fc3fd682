package io.github.linkai.spring.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.http.ChatClientFactory;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.provider.jijyun.Jijyun;
import io.github.linkai.spring.provider.jijyun.JijyunOptions;
import io.github.linkai.spring.provider.jijyun.JijyunSettings;
import io.github.linkai.spring.provider.linkai.LinkAi;
import io.github.linkai.spring.provider.linkai.LinkAiCredentials;
import io.github.linkai.spring.provider.lingma.Lingma;
import io.github.linkai.spring.provider.lingma.LingmaOptions;
import io.github.linkai.spring.provider.lingma.LingmaSettings;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsPropertyMapper;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds every configured client on Boot's HTTP building blocks: the shared {@link WebClient.Builder}
 * (customizers, observation, codecs for JSON bodies), the {@link ClientHttpConnectorBuilder} and each
 * client's own {@link HttpClientSettings} (falling back to {@code spring.http.clients.*}).
 */
class ChatClientRegistryFactory {

	/** Used when neither the client nor spring.http.clients sets a timeout. */
	static final HttpClientSettings DEFAULT_SETTINGS = new HttpClientSettings(null, Duration.ofSeconds(10),
			Duration.ofSeconds(120), null);

	private final WebClient.Builder webClientBuilder;

	private final ClientHttpConnectorBuilder<?> connectorBuilder;

	private final HttpClientSettingsPropertyMapper settingsMapper;

	private final ConnectionPools pools;

	ChatClientRegistryFactory(WebClient.Builder webClientBuilder, ClientHttpConnectorBuilder<?> connectorBuilder,
			HttpClientSettingsPropertyMapper settingsMapper, ConnectionPools pools) {
		this.webClientBuilder = webClientBuilder;
		this.connectorBuilder = connectorBuilder;
		this.settingsMapper = settingsMapper;
		this.pools = pools;
	}

	ChatClientRegistry create(List<ClientDefinition> definitions) {
		Map<String, ChatClient> clients = new LinkedHashMap<>();
		Map<String, MemoryChatClient> memoryClients = new LinkedHashMap<>();
		for (ClientDefinition definition : definitions) {
			try {
				add(definition, clients, memoryClients);
			}
			catch (ChatRequestValidationException ex) {
				// A default option out of its documented range: name the property that set it.
				ChatOption option = Arrays.stream(ChatOption.values())
					.filter((candidate) -> candidate.fieldName().equals(ex.field()))
					.findFirst()
					.orElseThrow(() -> ex);
				throw new InvalidConfigurationPropertyValueException(definition.optionProperty(option),
						option.valueIn(definition.defaults()), ex.getMessage());
			}
		}
		return new ChatClientRegistry(clients, memoryClients);
	}

	private void add(ClientDefinition definition, Map<String, ChatClient> clients,
			Map<String, MemoryChatClient> memoryClients) {
		ChatClientFactory factory = new ChatClientFactory(this.webClientBuilder, connector(definition));
		definition.checkOwnOptions(switch (definition.provider()) {
			case LINKAI -> LinkAi.SUPPORTED_OPTIONS;
			case LINGMA -> Lingma.SUPPORTED_OPTIONS;
			case JIJYUN -> Jijyun.SUPPORTED_OPTIONS;
		});
		switch (definition.provider()) {
			case LINKAI -> {
				LinkAiCredentials credentials = LinkAiCredentials.parse(requireApiKey(definition));
				String baseUrl = baseUrl(definition, LinkAi.DEFAULT_BASE_URL);
				clients.put(definition.name(),
						LinkAi.chatClient(definition.name(), credentials, baseUrl, definition.defaults(), factory));
				memoryClients.put(definition.name(), LinkAi.memoryChatClient(definition.name(), credentials, baseUrl,
						definition.defaults(), factory));
			}
			case LINGMA -> clients.put(definition.name(), lingma(definition, factory));
			case JIJYUN -> clients.put(definition.name(), jijyun(definition, factory));
		}
	}

	private static ChatClient jijyun(ClientDefinition definition, ChatClientFactory factory) {
		LinkAiClientProperties.Jijyun jijyun = definition.properties().getJijyun();
		JijyunOptions defaults;
		try {
			defaults = JijyunOptions.builder()
				.ibotId(jijyun.getIbotId())
				.knowledge(jijyun.getKnowledge())
				.search(jijyun.getSearch())
				.tools(jijyun.getTools().isEmpty() ? null : jijyun.getTools())
				.intention(jijyun.getIntention().isEmpty() ? null : jijyun.getIntention())
				.system(jijyun.getSystem())
				.returnFormat(jijyun.getReturnFormat())
				.handlerType(jijyun.getHandlerType())
				.fixContent(jijyun.getFixContent())
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(definition.property("jijyun"), null, ex.getMessage());
		}
		JijyunSettings settings = new JijyunSettings(requireApiKey(definition),
				baseUrl(definition, Jijyun.DEFAULT_BASE_URL), defaults);
		return Jijyun.chatClient(definition.name(), settings, definition.defaults(), factory);
	}

	private static ChatClient lingma(ClientDefinition definition, ChatClientFactory factory) {
		LinkAiClientProperties.Lingma lingma = definition.properties().getLingma();
		String organizationId = lingma.getOrganizationId();
		if (organizationId == null || organizationId.isBlank()) {
			throw new InvalidConfigurationPropertyValueException(definition.property("lingma.organization-id"),
					organizationId, "A lingma client needs the Yunxiao organization id; set "
							+ definition.property("lingma.organization-id"));
		}
		LingmaOptions defaults = new LingmaOptions(lingma.getKbIds().isEmpty() ? null : lingma.getKbIds(),
				lingma.getTeamDocs());
		LingmaSettings settings = new LingmaSettings(requireApiKey(definition),
				baseUrl(definition, Lingma.DEFAULT_BASE_URL), organizationId, defaults);
		return Lingma.chatClient(definition.name(), settings, definition.defaults(), factory);
	}

	private ClientHttpConnector connector(ClientDefinition definition) {
		HttpClientSettings settings = this.settingsMapper.map(definition.properties()).orElse(DEFAULT_SETTINGS);
		ClientHttpConnectorBuilder<?> builder = this.connectorBuilder;
		if (builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			// Each client gets its own bounded pool: Reactor Netty's shared one holds only max(16, 2 * cores)
			// connections, and every open stream holds one.
			var pool = this.pools.create(definition.name(), definition.properties().getPool());
			builder = reactor.withHttpClientFactory(() -> HttpClient.create(pool));
		}
		return builder.build(settings);
	}

	static String requireApiKey(ClientDefinition definition) {
		String apiKey = definition.properties().getApiKey();
		if (apiKey == null || apiKey.isBlank()) {
			throw new InvalidConfigurationPropertyValueException(definition.property("api-key"),
					(apiKey == null) ? null : "<blank>",
					"A " + definition.provider().id() + " client needs its credential; set "
							+ definition.property("api-key"));
		}
		return apiKey;
	}

	static String baseUrl(ClientDefinition definition, String defaultUrl) {
		String baseUrl = definition.properties().getBaseUrl();
		if (baseUrl == null || baseUrl.isBlank()) {
			return defaultUrl;
		}
		URI uri;
		try {
			uri = new URI(baseUrl.strip());
		}
		catch (URISyntaxException ex) {
			uri = null;
		}
		if (uri == null || uri.getHost() == null
				|| !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
			throw new InvalidConfigurationPropertyValueException(definition.property("base-url"), baseUrl,
					"Must be an http:// or https:// URL with a host");
		}
		return baseUrl;
	}

}
