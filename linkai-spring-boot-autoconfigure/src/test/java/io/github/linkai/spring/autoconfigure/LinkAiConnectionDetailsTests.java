package io.github.linkai.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.autoconfigure.LinkAiConnectionDetails.Connection;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.WireTestSupport.printed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LinkAiConnectionDetails}: the properties-based default, and a bean of
 * the application's that takes its place.
 */
class LinkAiConnectionDetailsTests {

	private static final String KEY = "Link_tOCJYmHxxm55eA1xs";

	private static final String VAULT_KEY = "Link_FromTheVault0123456";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class));

	@BeforeEach
	void stubChat() throws IOException {
		wireMock.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("chat-reply.json"))));
	}

	@Test
	void noConnectionDetailsWhenNoClientIsConfigured() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(LinkAiConnectionDetails.class));
	}

	@Test
	void propertiesGiveEveryConfiguredClientItsConnectionByDefault() {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.clients.eng.provider=lingma",
					"linkai.clients.eng.api-key=pt-token-of-eng", "linkai.clients.eng.lingma.organization-id=org1")
			.run((context) -> {
				LinkAiConnectionDetails details = context.getBean(LinkAiConnectionDetails.class);
				assertThat(details).isInstanceOf(PropertiesLinkAiConnectionDetails.class);
				assertThat(details.getConnection("default", "linkai"))
					.isEqualTo(new Connection("https://api.link-ai.tech", KEY));
				assertThat(details.getConnection("eng", "lingma"))
					.isEqualTo(new Connection("https://openapi-rdc.aliyuncs.com", "pt-token-of-eng"));
				assertThat(details.getConnection("other", "linkai")).isNull();
			});
	}

	@Test
	void aConnectionDetailsBeanTakesThePlaceOfThePropertiesForEveryClient() {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.base-url=https://api.link-ai.tech",
					"linkai.clients.support.app-code=SUPPORT1")
			.withBean(LinkAiConnectionDetails.class,
					() -> (client, provider) -> new Connection(wireMock.baseUrl(), VAULT_KEY + "-" + client))
			.run((context) -> {
				assertThat(context).getBean(LinkAiConnectionDetails.class)
					.isNotInstanceOf(PropertiesLinkAiConnectionDetails.class);
				ChatClientRegistry registry = context.getBean(ChatClientRegistry.class);
				registry.get("default").chat("你好");
				registry.get("support").chat("你好");
				wireMock.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withHeader("Authorization",
						equalTo("Bearer " + VAULT_KEY + "-default")));
				wireMock.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withHeader("Authorization",
						equalTo("Bearer " + VAULT_KEY + "-support")));
				assertThat(registry.target("default").host()).isEqualTo("localhost");
			});
	}

	@Test
	void aClientTheBeanHasNoConnectionForUsesItsProperties() {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.base-url=" + wireMock.baseUrl(),
					"linkai.clients.support.app-code=SUPPORT1")
			.withBean(LinkAiConnectionDetails.class,
					() -> (client, provider) -> client.equals("support") ? new Connection(wireMock.baseUrl(), VAULT_KEY)
							: null)
			.run((context) -> {
				context.getBean(ChatClient.class).chat("你好");
				wireMock.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withHeader("Authorization",
						equalTo("Bearer " + KEY)));
			});
	}

	@Test
	void anUnresolvedKeyPlaceholderIsNoErrorWhenABeanGivesTheCredential() {
		this.contextRunner.withPropertyValues("linkai.api-key=${LINKAI_KEY_NOT_SET_IN_THIS_TEST}")
			.withBean(LinkAiConnectionDetails.class,
					() -> (client, provider) -> new Connection(wireMock.baseUrl(), VAULT_KEY))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(ChatClient.class).chat("你好");
				wireMock.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withHeader("Authorization",
						equalTo("Bearer " + VAULT_KEY)));
			});
	}

	@Test
	void anEmptyKeyDeclaresTheClientAndABeanGivesItsCredential() {
		// an application that starts a stand-in when no key is set:
		// linkai.api-key=${LINKAI_API_KEY:}
		this.contextRunner.withPropertyValues("linkai.api-key=")
			.withBean(LinkAiConnectionDetails.class,
					() -> (client, provider) -> new Connection(wireMock.baseUrl(), VAULT_KEY))
			.run((context) -> {
				context.getBean(ChatClient.class).chat("你好");
				wireMock.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withHeader("Authorization",
						equalTo("Bearer " + VAULT_KEY)));
			});
	}

	@Test
	void anUnresolvedKeyPlaceholderFailsNamingThePropertyWhenThePropertiesGiveTheConnection() {
		this.contextRunner.withPropertyValues("linkai.api-key=${LINKAI_KEY_NOT_SET_IN_THIS_TEST}")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("linkai.api-key")
				.hasMessageContaining("unresolved placeholder ${LINKAI_KEY_NOT_SET_IN_THIS_TEST}"));
	}

	@Test
	void anInvalidBaseUrlFromABeanFailsNamingTheBeanAndTheClient() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY)
			.withBean(LinkAiConnectionDetails.class,
					() -> new VaultConnectionDetails("ftp://vault.example/", VAULT_KEY))
			.run((context) -> {
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(InvalidConnectionDetailsException.class)
					.hasMessage("The connection that " + VaultConnectionDetails.class.getName()
							+ " gives the linkai chat client 'default' is invalid: the base URL: Must be an http:// or "
							+ "https:// URL with a host");
				assertThat(printed(context.getStartupFailure())).doesNotContain(VAULT_KEY).doesNotContain(KEY);
			});
	}

	@Test
	void aCredentialFromABeanIsCheckedAsThePropertyIsWithoutShowingIt() {
		String broken = VAULT_KEY + "\nX-Injected: yes";
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY)
			.withBean(LinkAiConnectionDetails.class, () -> new VaultConnectionDetails(wireMock.baseUrl(), broken))
			.run((context) -> {
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(InvalidConnectionDetailsException.class)
					.hasMessageContaining("the credential: The credential holds a control character");
				assertThat(printed(context.getStartupFailure())).doesNotContain(VAULT_KEY);
			});
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY)
			.withBean(LinkAiConnectionDetails.class, () -> new VaultConnectionDetails(wireMock.baseUrl(), " "))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConnectionDetailsException.class)
				.hasMessageContaining("the credential: A linkai client needs its credential"));
	}

	@Test
	void aBaseUrlWithUserInfoFromABeanFailsWithoutShowingIt() {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY)
			.withBean(LinkAiConnectionDetails.class,
					() -> new VaultConnectionDetails("https://user:" + VAULT_KEY + "@vault.example", VAULT_KEY))
			.run((context) -> {
				assertThat(context).getFailure()
					.rootCause()
					.hasMessageContaining("Must hold no query and no user info");
				assertThat(printed(context.getStartupFailure())).doesNotContain(VAULT_KEY);
			});
	}

	@Test
	void aConnectionNeverShowsItsCredential() {
		assertThat(new Connection("https://api.link-ai.tech", VAULT_KEY))
			.hasToString("Connection[baseUrl=https://api.link-ai.tech, credential=******]");
	}

	private static String fixture(String name) throws IOException {
		try (InputStream in = LinkAiConnectionDetailsTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** A connection from somewhere else than the properties, as a vault would give it. */
	static final class VaultConnectionDetails implements LinkAiConnectionDetails {

		private final String baseUrl;

		private final String credential;

		VaultConnectionDetails(String baseUrl, String credential) {
			this.baseUrl = baseUrl;
			this.credential = credential;
		}

		@Override
		public Connection getConnection(String clientName, String provider) {
			return new Connection(this.baseUrl, this.credential);
		}

	}

}
