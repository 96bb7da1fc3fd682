package io.github.linkai.spring.client.http;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.LoggerLevels;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.error.ChatClientException;
import io.github.linkai.spring.provider.linkai.LinkAi;
import io.github.linkai.spring.provider.linkai.LinkAiOptions;
import io.github.linkai.spring.provider.linkai.LinkAiSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A failed call is logged once at WARN with the client, the host and port it called and
 * the kind of failure, and never with the key or the question.
 */
@ExtendWith(OutputCaptureExtension.class)
class CallFailureLogTests {

	private static final String KEY = "Link_CallFailureLogKey42";

	private static final String QUESTION = "a question nobody may read";

	private LoggerLevels levels;

	@BeforeEach
	void logWhatThisTestChecks() {
		this.levels = LoggerLevels.set(Level.WARN, "io.github.linkai.spring.calls");
	}

	@AfterEach
	void restoreLogging() {
		this.levels.close();
	}

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void aRefusedConnectionIsLoggedWithItsHostAndPort(CapturedOutput output) throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		fail(client("http://127.0.0.1:" + closed), QUESTION);

		assertThat(output).containsOnlyOnce("Chat call of client 'test' (linkai, 127.0.0.1:" + closed
				+ ") failed: connection refused [ChatTransportException]");
		assertNothingSecret(output);
	}

	@Test
	void anUnknownHostIsLoggedAsSuch(CapturedOutput output) {
		fail(client("http://no-such-host.invalid"), QUESTION);

		assertThat(output).containsOnlyOnce("(linkai, no-such-host.invalid:80) failed: unknown host");
		assertNothingSecret(output);
	}

	@Test
	void aStatusIsLoggedWithTheProvidersErrorCodeButNotItsMessage(CapturedOutput output) {
		wm.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"busy answering " + QUESTION + "\",\"type\":\"server_busy\"}}")));

		fail(client(wm.baseUrl()), QUESTION);

		assertThat(output).containsOnlyOnce("failed: HTTP 503 [server_busy] [ServiceUnavailableException]");
		assertNothingSecret(output);
	}

	@Test
	void aTimeoutSaysWhichTimerRanOut(CapturedOutput output) {
		wm.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody("")
			.withFixedDelay(5_000)));
		ChatClient client = LinkAi.chatClient(new LinkAiSettings(KEY, wm.baseUrl(), LinkAiOptions.none()),
				new HttpChatClientFactory(new ReactorClientHttpConnector(),
						ClientSettings.builder("test")
							.retry(RetryPolicy.none())
							.deadline(Duration.ofMillis(300))
							.observer(new CallFailureLog())
							.build()));

		assertThatExceptionOfType(ChatClientException.class).isThrownBy(() -> client.chat(QUESTION));

		assertThat(output).contains("failed: timeout: [linkai/test] Deadline of PT0.3S exceeded (deadline)");
		assertNothingSecret(output);
	}

	@Test
	void anInvalidRequestNamesTheFieldAndNotTheText(CapturedOutput output) {
		fail(client(wm.baseUrl()), ChatRequest.builder().user(QUESTION).temperature(1.5).build());

		assertThat(output).containsOnlyOnce("failed: invalid request, temperature must be in [0, 1] but was 1.5");
		assertNothingSecret(output);
	}

	private static void fail(ChatClient client, String question) {
		fail(client, ChatRequest.of(question));
	}

	private static void fail(ChatClient client, ChatRequest request) {
		assertThatExceptionOfType(ChatClientException.class).isThrownBy(() -> client.chat(request));
	}

	private static void assertNothingSecret(CapturedOutput output) {
		assertThat(output).doesNotContain(KEY).doesNotContain(QUESTION);
	}

	private static ChatClient client(String baseUrl) {
		return LinkAi.chatClient(new LinkAiSettings(KEY, baseUrl, LinkAiOptions.none()),
				new HttpChatClientFactory(new ReactorClientHttpConnector(),
						ClientSettings.builder("test")
							.defaults(ChatOptions.none())
							.retry(RetryPolicy.none())
							.observer(new CallFailureLog())
							.build()));
	}

}
