package io.github.linkai.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ChatProviders;
import io.github.linkai.spring.provider.jijyun.JijyunProperties;
import io.github.linkai.spring.provider.lingma.LingmaProperties;
import io.github.linkai.spring.provider.linkai.LinkAiProviderProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ClientPropertiesBinder}: inheritance through Boot's binder, and every
 * key under {@code linkai.} that binds to nothing failing with its name.
 */
class ClientPropertiesBinderTests {

	private static final ChatProviders PROVIDERS = ChatProviders
		.load(ClientPropertiesBinderTests.class.getClassLoader());

	@Test
	void bindAllWhenOnlyTheTopLevelIsSetShouldGiveTheDefaultClient() {
		List<ConfiguredClient<?>> clients = bind("linkai.api-key=k1", "linkai.app-code=APP1", "linkai.temperature=0.3");

		assertThat(clients).singleElement().satisfies((client) -> {
			assertThat(client.name()).isEqualTo("default");
			assertThat(client.prefix()).isEqualTo("linkai");
			assertThat(client.provider().id()).isEqualTo("linkai");
			assertThat(client.properties().getApiKey()).isEqualTo("k1");
			assertThat(((LinkAiProviderProperties) client.settings()).getAppCode()).isEqualTo("APP1");
			assertThat(client.optionProperty(ChatOption.TEMPERATURE)).isEqualTo("linkai.temperature");
		});
	}

	@Test
	void bindAllShouldLetANamedClientInheritEveryValueItDoesNotSet() {
		List<ConfiguredClient<?>> clients = bind("linkai.api-key=k1", "linkai.base-url=https://proxy.example",
				"linkai.app-code=APP1", "linkai.read-timeout=7s", "linkai.pool.max-connections=20",
				"linkai.clients.sales.app-code=SALES", "linkai.clients.sales.temperature=0.9");

		ConfiguredClient<?> sales = clients.get(1);
		assertThat(sales.name()).isEqualTo("sales");
		assertThat(sales.prefix()).isEqualTo("linkai.clients.sales");
		assertThat(sales.properties().getApiKey()).isEqualTo("k1");
		assertThat(sales.properties().getBaseUrl()).isEqualTo("https://proxy.example");
		assertThat(sales.properties().getReadTimeout()).isEqualTo(Duration.ofSeconds(7));
		assertThat(sales.properties().getPool().getMaxConnections()).isEqualTo(20);
		assertThat(sales.properties().getPool().getMaxIdleTime()).isEqualTo(Duration.ofSeconds(30));
		assertThat(sales.properties().getTemperature()).isEqualTo(0.9);
		assertThat(((LinkAiProviderProperties) sales.settings()).getAppCode()).isEqualTo("SALES");
		assertThat(sales.ownsOption(ChatOption.TEMPERATURE)).isTrue();
		assertThat(sales.ownsOption(ChatOption.MODEL)).isFalse();
		assertThat(sales.optionProperty(ChatOption.TEMPERATURE)).isEqualTo("linkai.clients.sales.temperature");
		assertThat(sales.optionProperty(ChatOption.MODEL)).isEqualTo("linkai.clients.sales.model");
		assertThat(sales.propertyThatSet("pool.max-connections")).isEqualTo("linkai.pool.max-connections");
	}

	@Test
	void bindAllShouldNotPassCredentialsHostOrModelToAnotherProvider() {
		List<ConfiguredClient<?>> clients = bind("linkai.api-key=k1", "linkai.base-url=https://proxy.example",
				"linkai.model=LinkAI-4o", "linkai.app-code=APP1", "linkai.connect-timeout=3s", "linkai.temperature=0.5",
				"linkai.clients.eng.provider=lingma", "linkai.clients.eng.lingma.organization-id=ORG1");

		ConfiguredClient<?> eng = clients.get(1);
		assertThat(eng.provider().id()).isEqualTo("lingma");
		assertThat(eng.properties().getApiKey()).isNull();
		assertThat(eng.properties().getBaseUrl()).isNull();
		assertThat(eng.properties().getModel()).isNull();
		assertThat(eng.properties().getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(eng.properties().getTemperature()).isEqualTo(0.5);
		assertThat(((LingmaProperties) eng.settings()).getOrganizationId()).isEqualTo("ORG1");
	}

	@Test
	void bindAllShouldLetNamedClientsOfTheTopLevelProviderInheritItsSettingsBlock() {
		List<ConfiguredClient<?>> clients = bind("linkai.provider=lingma", "linkai.lingma.organization-id=ORG1",
				"linkai.lingma.kb-ids[0]=kb-a", "linkai.lingma.kb-ids[1]=kb-b", "linkai.clients.a.api-key=t1",
				"linkai.clients.b.api-key=t2", "linkai.clients.b.lingma.team-docs=true");

		assertThat(clients).extracting(ConfiguredClient::name).containsExactly("a", "b");
		LingmaProperties a = (LingmaProperties) clients.get(0).settings();
		LingmaProperties b = (LingmaProperties) clients.get(1).settings();
		assertThat(a.getOrganizationId()).isEqualTo("ORG1");
		assertThat(a.getKbIds()).containsExactly("kb-a", "kb-b");
		assertThat(a.getTeamDocs()).isNull();
		assertThat(b.getOrganizationId()).isEqualTo("ORG1");
		assertThat(b.getTeamDocs()).isTrue();
	}

	@Test
	void bindAllShouldBindAClientThatSetsOnlyProviderSettings() {
		List<ConfiguredClient<?>> clients = bind("linkai.api-key=k1", "linkai.clients.support.app-code=S1");

		assertThat(clients).extracting(ConfiguredClient::name).containsExactly("default", "support");
		assertThat(((LinkAiProviderProperties) clients.get(1).settings()).getAppCode()).isEqualTo("S1");
	}

	@Test
	void bindAllWhenAKeyIsMisspelledShouldFailNamingIt() {
		assertFailure(List.of("linkai.api-key=k1", "linkai.provder=lingma"), "linkai.provder",
				"Not a property of a linkai client: did you mean linkai.provider?");
		assertFailure(List.of("linkai.clients.eng.api-key=k1", "linkai.clients.eng.provder=lingma"),
				"linkai.clients.eng.provder", "did you mean linkai.clients.eng.provider?");
		assertFailure(List.of("linkai.api-key=k1", "linkai.pool.max-conections=5"), "linkai.pool.max-conections",
				"did you mean linkai.pool.max-connections?");
		assertFailure(List.of("linkai.provider=lingma", "linkai.api-key=k1", "linkai.lingma.organisation-id=o"),
				"linkai.lingma.organisation-id",
				"Not a property of a lingma client: did you mean " + "linkai.lingma.organization-id?");
		assertFailure(List.of("linkai.api-key=k1", "linkai.something-else=5"), "linkai.something-else",
				"check its spelling");
	}

	@Test
	void bindAllWhenASettingsBlockIsForAnotherProviderShouldFailNamingIt() {
		assertFailure(List.of("linkai.api-key=k1", "linkai.lingma.organization-id=ORG1"),
				"linkai.lingma.organization-id", "A lingma settings block on a linkai client");
		assertFailure(List.of("linkai.clients.eng.api-key=k1", "linkai.clients.eng.jijyun.ibot-id=b"),
				"linkai.clients.eng.jijyun.ibot-id", "Set linkai.clients.eng.provider=jijyun or remove the block");
	}

	@Test
	void bindAllWhenALinkAiSettingIsOnAnotherProvidersClientShouldFailNamingIt() {
		assertFailure(
				List.of("linkai.clients.eng.provider=lingma", "linkai.clients.eng.api-key=t",
						"linkai.clients.eng.lingma.organization-id=O", "linkai.clients.eng.app-code=APP1"),
				"linkai.clients.eng.app-code", "Not a property of a lingma client");
	}

	@Test
	void bindAllWhenTheProviderIsUnknownShouldFailListingTheKnownOnes() {
		assertFailure(List.of("linkai.api-key=k1", "linkai.provider=lingmaa"), "linkai.provider", "lingma");
		assertFailure(List.of("linkai.clients.x.api-key=k1", "linkai.clients.x.provider=openia"),
				"linkai.clients.x.provider", "Unknown provider");
	}

	@Test
	void bindAllShouldIgnoreEnvironmentVariablesThatAreNotMeantAsProperties() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new org.springframework.core.env.SystemEnvironmentPropertySource(
							StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("LINKAI_API_KEY", "k1", "LINKAI_KEY_FILE", "/run/secrets/linkai")));

		List<ConfiguredClient<?>> clients = ClientPropertiesBinder.of(environment, PROVIDERS).bindAll().clients();

		assertThat(clients).singleElement()
			.satisfies((client) -> assertThat(client.properties().getApiKey()).isEqualTo("k1"));
	}

	@Test
	void bindAllShouldStillCheckSystemProperties() {
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
					Map.of("linkai.api-key", "k1", "linkai.tempreature", "0.2")));

		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> ClientPropertiesBinder.of(environment, PROVIDERS).bindAll())
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("linkai.tempreature"));
	}

	@Test
	void namedClientsShouldGiveEachNameWithItsProvider() {
		MockEnvironment environment = environment("linkai.provider=jijyun", "linkai.clients.a.api-key=x",
				"linkai.clients.b.provider=lingma", "linkai.clients.c.jijyun.ibot-id=bot");

		assertThat(ClientPropertiesBinder.of(environment, PROVIDERS).namedClients())
			.containsExactly(Map.entry("a", "jijyun"), Map.entry("b", "lingma"), Map.entry("c", "jijyun"));
	}

	@Test
	void bindAllShouldKeepJijyunListsAsBound() {
		List<ConfiguredClient<?>> clients = bind("linkai.provider=jijyun", "linkai.api-key=k",
				"linkai.jijyun.tools=web,calc");

		assertThat(((JijyunProperties) clients.get(0).settings()).getTools()).containsExactly("web", "calc");
	}

	@Test
	void bindAllShouldAcceptTheHealthSettingsAsTopLevelKeysButNotPerClient() {
		assertThat(bind("linkai.api-key=k1", "linkai.health.window=2m", "linkai.health.failure-threshold=5",
				"linkai.health.probe.enabled=true", "linkai.health.probe.interval=30s",
				"linkai.health.probe.timeout=3s", "linkai.health.probe.message=hello"))
			.hasSize(1);
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> bind("linkai.api-key=k1", "linkai.health.probe.enabeld=true"))
			.withMessageContaining("linkai.health.probe.enabeld");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> bind("linkai.api-key=k1", "linkai.clients.sales.health.window=2m"))
			.withMessageContaining("linkai.clients.sales.health.window");
	}

	private static List<ConfiguredClient<?>> bind(String... properties) {
		return ClientPropertiesBinder.of(environment(properties), PROVIDERS).bindAll().clients();
	}

	private static void assertFailure(List<String> properties, String name, String message) {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> bind(properties.toArray(new String[0])))
			.satisfies((ex) -> {
				assertThat(ex.getName()).isEqualTo(name);
				assertThat(ex.getMessage()).contains(message);
			});
	}

	/** The properties in their order, as a properties file gives them. */
	private static MockEnvironment environment(String... properties) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (String property : properties) {
			int equals = property.indexOf('=');
			values.put(property.substring(0, equals), property.substring(equals + 1));
		}
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("application.properties", values));
		return environment;
	}

}
