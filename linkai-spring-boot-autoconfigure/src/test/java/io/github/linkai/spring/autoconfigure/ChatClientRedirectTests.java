package io.github.linkai.spring.autoconfigure;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.error.RedirectNotFollowedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.WireTestSupport.printed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A credential goes to its provider's origin and nowhere else: a redirect is not followed
 * by default, and when the redirects setting enables it, only to the same origin (scheme,
 * host and port). Two WireMock servers on two loopback ports are two origins;
 * {@code localhost} and {@code 127.0.0.1} are two hosts.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatClientRedirectTests {

	@RegisterExtension
	static WireMockExtension provider = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@RegisterExtension
	static WireMockExtension other = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class));

	@AfterEach
	void otherOriginSawNothing() {
		assertThat(other.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource
	void aRedirectIsNotFollowedByDefaultAndFailsNamingTheStatusAndTheTargetOriginOnly(ProviderCase client) {
		stubOther(client);
		provider.stubFor(client.chatPath()
			.willReturn(aResponse().withStatus(302).withHeader("Location", otherUrl(client.path() + "?t=secret"))));

		this.contextRunner.withPropertyValues(client.properties(providerUrl())).run((context) -> {
			ChatClient chat = context.getBean(ChatClient.class);
			for (Throwable error : List.of(catchThrowable(() -> chat.chat("你好")),
					catchThrowable(() -> chat.stream("你好").blockLast()))) {
				assertThat(error).isInstanceOf(RedirectNotFollowedException.class)
					.hasMessageContaining("HTTP 302 redirect to " + otherUrl("") + " not followed")
					.hasMessageNotContaining("secret")
					.hasMessageNotContaining(client.path());
				assertThat(((RedirectNotFollowedException) error).statusCode()).isEqualTo(302);
				assertThat(((RedirectNotFollowedException) error).location()).isEqualTo(otherUrl(""));
				assertThat(printed(error)).doesNotContain(client.credential());
			}
		});
	}

	@ParameterizedTest
	@EnumSource
	void anExplicitDontFollowWinsOverSpringHttpClientsRedirects(ProviderCase client) {
		stubOther(client);
		provider.stubFor(client.chatPath().willReturn(aResponse().withStatus(307).withHeader("Location", "/moved")));
		provider.stubFor(post(urlPathEqualTo("/moved")).willReturn(okJson(client.reply())));

		this.contextRunner
			.withPropertyValues(client.properties(providerUrl(), "spring.http.clients.redirects=follow",
					"linkai.redirects=dont-follow"))
			.run((context) -> {
				Throwable error = catchThrowable(() -> context.getBean(ChatClient.class).chat("你好"));
				assertThat(error).isInstanceOf(RedirectNotFollowedException.class)
					.hasMessageContaining("HTTP 307 redirect to " + providerUrl());
				assertThat(provider.findAll(anyRequestedFor(urlPathEqualTo("/moved")))).isEmpty();
			});
	}

	@ParameterizedTest
	@EnumSource
	void enabledRedirectsAreFollowedToTheSameOrigin(ProviderCase client) {
		stubOther(client);
		provider.stubFor(client.chatPath().willReturn(aResponse().withStatus(307).withHeader("Location", "/moved")));
		provider.stubFor(post(urlPathEqualTo("/moved")).willReturn(okJson(client.reply())));

		for (String setting : List.of("linkai.redirects=follow",
				"spring.http.clients.redirects=follow-when-possible")) {
			this.contextRunner.withPropertyValues(client.properties(providerUrl(), setting)).run((context) -> {
				ChatClient chat = context.getBean(ChatClient.class);
				assertThat(chat.chat("你好")).isEqualTo("你好");
			});
		}
		// the same origin gets the credential again, Jijyun's key included (it joins
		// every request line)
		provider.verify(2, client.requestWithCredential("/moved"));
	}

	@ParameterizedTest
	@EnumSource
	void enabledRedirectsAreNotFollowedToAnotherPortOrHostAndTheCredentialStaysHome(ProviderCase client) {
		stubOther(client);
		provider.stubFor(post(urlPathEqualTo("/moved")).willReturn(okJson(client.reply())));
		// another port, then the same port under another host name
		for (String target : List.of(otherUrl("/moved"), "http://localhost:" + provider.getPort() + "/moved")) {
			provider.stubFor(client.chatPath().willReturn(aResponse().withStatus(308).withHeader("Location", target)));
			this.contextRunner.withPropertyValues(client.properties(providerUrl(), "linkai.redirects=follow"))
				.run((context) -> {
					ChatClient chat = context.getBean(ChatClient.class);
					for (Throwable error : List.of(catchThrowable(() -> chat.chat("你好")),
							catchThrowable(() -> chat.stream("你好").blockLast()))) {
						assertThat(error).isInstanceOf(RedirectNotFollowedException.class)
							.hasMessageContaining("HTTP 308 redirect to " + target.replace("/moved", ""));
						assertThat(printed(error)).doesNotContain(client.credential());
					}
				});
		}
		assertThat(provider.findAll(anyRequestedFor(urlPathEqualTo("/moved")))).isEmpty();
	}

	@Test
	void anotherConnectorFollowsNoRedirectSinceItCannotBeLimitedToTheOrigin(CapturedOutput output) {
		ProviderCase client = ProviderCase.LINGMA;
		stubOther(client);
		provider.stubFor(client.chatPath().willReturn(aResponse().withStatus(307).withHeader("Location", "/moved")));
		provider.stubFor(post(urlPathEqualTo("/moved")).willReturn(okJson(client.reply())));

		this.contextRunner.withBean(ClientHttpConnectorBuilder.class, ClientHttpConnectorBuilder::jdk)
			.withPropertyValues(client.properties(providerUrl(), "linkai.redirects=follow"))
			.run((context) -> {
				Throwable error = catchThrowable(() -> context.getBean(ChatClient.class).chat("你好"));
				assertThat(error).isInstanceOf(RedirectNotFollowedException.class);
			});
		assertThat(provider.findAll(anyRequestedFor(urlPathEqualTo("/moved")))).isEmpty();
		assertThat(output).contains("Chat client 'default': redirects FOLLOW ignored");
	}

	/**
	 * The other origin answers as the provider would: a followed redirect would succeed
	 * there.
	 */
	private static void stubOther(ProviderCase client) {
		other.stubFor(any(anyUrl()).willReturn(okJson(client.reply())));
	}

	private static String providerUrl() {
		return "http://127.0.0.1:" + provider.getPort();
	}

	private static String otherUrl(String path) {
		return "http://127.0.0.1:" + other.getPort() + path;
	}

}
