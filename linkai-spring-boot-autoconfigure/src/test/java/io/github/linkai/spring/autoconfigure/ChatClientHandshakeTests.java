package io.github.linkai.spring.autoconfigure;

import java.time.Duration;

import io.github.linkai.spring.MisbehavingServer;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A TLS handshake the server never answers is bounded by the client's
 * {@code connect-timeout}, as a TCP connect is (Reactor Netty's own handshake timeout is
 * 10 s, three times over with retries), and since nothing was sent, even a memory chat
 * turn is tried again. Against a raw socket that accepts the connection and never answers
 * the ClientHello.
 */
class ChatClientHandshakeTests {

	private final MisbehavingServer server = MisbehavingServer.start(MisbehavingServer.Exchange::hold);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class))
		.withPropertyValues("linkai.api-key=Link_tOCJYmHxxm55eA1xs",
				"linkai.base-url=https://127.0.0.1:" + this.server.port(), "linkai.connect-timeout=300ms");

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void aStalledHandshakeTimesOutAtTheConnectTimeout() {
		this.contextRunner.withPropertyValues("linkai.retry.max-retries=0").run((context) -> {
			ChatClient client = context.getBean(ChatClient.class);
			// the JVM's first TLS setup takes a second or two on a loaded machine: not
			// timed
			assertThat(catchThrowable(() -> client.chat("你好"))).isInstanceOf(ChatTimeoutException.class);

			long start = System.nanoTime();
			Throwable error = catchThrowable(() -> client.chat("你好"));
			Duration took = Duration.ofNanos(System.nanoTime() - start);

			assertThat(error).isInstanceOf(ChatTimeoutException.class)
				.hasMessageContaining("TLS handshake not complete within the connect-timeout")
				.hasMessageContaining("handshake timed out after 300ms");
			// Reactor Netty's own handshake timeout is 10 s
			assertThat(took).isLessThan(Duration.ofSeconds(5));
			assertThat(this.server.connections()).isEqualTo(2);
		});
	}

	@Test
	void aMemoryChatTurnWhoseHandshakeFailedWasNeverSentAndIsTriedAgain() {
		this.contextRunner.withPropertyValues("linkai.retry.max-retries=2", "linkai.retry.initial-backoff=10ms")
			.run((context) -> {
				Throwable error = catchThrowable(() -> context.getBean(MemoryChatClient.class).chat(null, "你好"));

				assertThat(error).isInstanceOf(ChatTimeoutException.class);
				assertThat(this.server.connections()).as("connections: the first attempt and two retries").isEqualTo(3);
			});
	}

}
