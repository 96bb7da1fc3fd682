package io.github.linkai.spring.autoconfigure;

import java.util.regex.Pattern;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.http.CallFailureLog;
import io.github.linkai.spring.client.http.CallObserver;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsPropertyMapper;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Creates the configured chat clients: the default one from {@code linkai.*} when
 * {@code linkai.api-key} is set (a {@link ChatClient} and, for a provider with memory
 * chat, a {@link MemoryChatClient}), one bean per {@code linkai.clients.<name>} qualified
 * by its name, and the {@link ChatClientRegistry} holding them all. Each client's base
 * URL and credential come from the {@link LinkAiConnectionDetails} bean: the properties
 * by default.
 */
@AutoConfiguration(after = { HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class })
@ConditionalOnClass({ ClientHttpConnector.class, ClientHttpConnectorBuilder.class })
@EnableConfigurationProperties(LinkAiProperties.class)
@ImportRuntimeHints(LinkAiRuntimeHints.class)
public final class LinkAiAutoConfiguration {

	/**
	 * {@code linkai.api-key}, {@code linkai.clients.x.api-key}, {@code LINKAI_API_KEY},
	 * configprops' {@code apiKey}.
	 */
	private static final Pattern CREDENTIAL_KEY = Pattern
		.compile("(?i)(linkai\\..*)?api[-_]?key|linkai(_\\w+)?_api_?key");

	private LinkAiAutoConfiguration() {
	}

	@Bean
	@Conditional(OnLinkAiClientsCondition.None.class)
	static SmartInitializingSingleton linkAiNoClientNotice() {
		return () -> LogFactory.getLog(LinkAiAutoConfiguration.class)
			.info("The LinkAI starter is on the classpath but no chat client is configured: set linkai.api-key "
					+ "(or linkai.clients.<name>.api-key) to get a ChatClient bean.");
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnLinkAiClientsCondition.class)
	@Import(NamedChatClientsRegistrar.class)
	static class ClientsConfiguration {

		/**
		 * The clients as configured, bound and checked once: what every other bean is
		 * built from.
		 */
		@Bean
		ConfiguredClients linkAiConfiguredClients(Environment environment, ResourceLoader resourceLoader) {
			return LinkAiProviders.binder(environment, resourceLoader.getClassLoader()).bindAll();
		}

		@Bean
		@ConditionalOnMissingBean
		ChatClientRegistry linkAiChatClientRegistry(ConfiguredClients clients,
				ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
				ObjectProvider<CallObserver> observers, ClientResources resources,
				LinkAiConnectionDetails connectionDetails) {
			HttpClientSettingsPropertyMapper settingsMapper = new HttpClientSettingsPropertyMapper(
					sslBundles.getIfAvailable(), httpClientSettings.getIfAvailable(HttpClientSettings::defaults));
			return new ChatClientRegistryFactory(connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect),
					settingsMapper, resources, CallObserver.of(observers.orderedStream().toList()), connectionDetails)
				.create(clients);
		}

		@Bean
		@ConditionalOnMissingBean
		LinkAiConnectionDetails linkAiConnectionDetails(ConfiguredClients clients) {
			return new PropertiesLinkAiConnectionDetails(clients);
		}

		/**
		 * Every failed call, logged once at WARN, naming its cause and never a
		 * credential.
		 */
		@Bean
		@ConditionalOnMissingBean
		CallFailureLog linkAiCallFailureLog() {
			return new CallFailureLog();
		}

		@Bean
		ClientResources linkAiClientResources() {
			return new ClientResources();
		}

		@Bean
		@ConditionalOnMissingBean(ChatClient.class)
		@Conditional(OnDefaultClientCondition.class)
		ChatClient linkAiChatClient(ChatClientRegistry registry) {
			return registry.get(ChatClientRegistry.DEFAULT_NAME);
		}

		@Bean
		@ConditionalOnMissingBean(MemoryChatClient.class)
		@Conditional(OnDefaultClientCondition.WithMemoryChat.class)
		MemoryChatClient linkAiMemoryChatClient(ChatClientRegistry registry) {
			return registry.memory(ChatClientRegistry.DEFAULT_NAME);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorConfiguration {

		/**
		 * Masks the clients' credentials on actuator's env and configprops pages even
		 * with {@code show-values=always}: a Jijyun key or a Yunxiao token is as secret
		 * as a password. An entry is masked by its key ({@code linkai.api-key},
		 * {@code LINKAI_API_KEY}...) or by its value, when the value holds a configured
		 * client's credential (the {@code YUNXIAO_TOKEN} a placeholder reads).
		 */
		@Bean
		@ConditionalOnMissingBean(name = "linkAiCredentialSanitizer")
		SanitizingFunction linkAiCredentialSanitizer(ObjectProvider<ConfiguredClients> clients) {
			ConfiguredCredentials credentials = new ConfiguredCredentials(clients::getIfAvailable);
			return SanitizingFunction.sanitizeValue()
				.ifKeyMatches((key) -> CREDENTIAL_KEY.matcher(key).matches())
				.ifValueStringMatches(credentials);
		}

	}

}
