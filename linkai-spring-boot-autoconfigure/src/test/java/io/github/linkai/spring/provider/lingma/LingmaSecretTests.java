package io.github.linkai.spring.provider.lingma;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.error.ChatTransportException;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.WireTestSupport.printed;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.ORGANIZATION;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.PATH;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.TOKEN;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.client;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.factory;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The token travels in its header only: never in an exception's text nor in a
 * {@code toString()}.
 */
class LingmaSecretTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 400, 401, 403, 404, 409, 429, 500, 503 })
	void errorBodiesEchoingTheTokenAreMasked(int status) {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(fixture("error-echoing-token.json"))));

		Throwable chatError = catchThrowable(() -> client(wm).chat("你好"));
		Throwable streamError = catchThrowable(() -> client(wm).stream("你好").blockLast());

		for (Throwable error : new Throwable[] { chatError, streamError }) {
			assertThat(error).isInstanceOf(ProviderApiException.class);
			assertThat(((ProviderApiException) error).errorMessage()).isEqualTo("个人访问令牌 ****** 无效或已过期");
			assertNoToken(error);
		}
	}

	@Test
	void anErrorReplyWithASuccessfulStatusIsMasked() {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody(fixture("error-echoing-token.json"))));

		Throwable error = catchThrowable(() -> client(wm).chat("你好"));

		assertThat(error).isInstanceOf(ProviderApiException.class).hasMessageContaining("[InvalidToken]");
		assertNoToken(error);
	}

	@Test
	void aMalformedReplyEchoingTheTokenIsMasked() {
		wm.stubFor(post(urlPathEqualTo(PATH))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"output\": " + TOKEN)));

		Throwable error = catchThrowable(() -> client(wm).chat("你好"));

		assertThat(error).isInstanceOf(ResponseDecodingException.class);
		assertNoToken(error);
	}

	@Test
	void aConnectionResetIsATransportErrorWithoutTheToken() {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		Throwable chatError = catchThrowable(() -> client(wm).chat("你好"));
		Throwable streamError = catchThrowable(() -> client(wm).stream("你好").blockLast());

		assertThat(chatError).isInstanceOf(ChatTransportException.class);
		assertThat(streamError).isInstanceOf(ChatTransportException.class);
		assertNoToken(chatError);
		assertNoToken(streamError);
	}

	@Test
	void aRefusedConnectionIsATransportErrorWithoutTheToken() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		ChatClient client = Lingma
			.chatClient(new LingmaSettings(TOKEN, "http://127.0.0.1:" + closedPort, ORGANIZATION, null), factory());

		Throwable error = catchThrowable(() -> client.chat("你好"));

		assertThat(error).isInstanceOf(ChatTransportException.class);
		assertNoToken(error);
	}

	@Test
	void nothingHoldingTheTokenPrintsIt() {
		LingmaSettings settings = new LingmaSettings(TOKEN, LingmaTestSupport.baseUrl(wm), ORGANIZATION,
				LingmaOptions.knowledgeBases("kb-ops"));

		assertThat(settings.toString()).doesNotContain(TOKEN)
			.contains("token=******")
			.contains("organizationId=" + ORGANIZATION)
			.contains("kb-ops");
		assertThat(new LingmaMapping(settings).toString()).doesNotContain(TOKEN).contains("token=******");
		assertThat(Lingma.chatClient(settings, factory()).toString()).doesNotContain(TOKEN);
	}

	private static void assertNoToken(Throwable error) {
		assertThat(printed(error)).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 12));
	}

}
