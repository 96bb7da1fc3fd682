package io.github.linkai.spring.client.http;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.provider.linkai.LinkAi;
import io.github.linkai.spring.provider.linkai.LinkAiOptions;
import io.github.linkai.spring.provider.linkai.LinkAiSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream that ends at its end marker leaves its connection to the next call: the body's
 * rest is read, not cancelled (a cancelled body closes its connection, which over TLS
 * costs a handshake per answer). Counted at a Reactor Netty server, which keeps
 * connections alive.
 */
class StreamConnectionReuseTests {

	private static final String STREAM = """
			data: {"choices":[{"index":0,"delta":{"content":"你"},"finish_reason":null}]}

			data: {"choices":[{"index":0,"delta":{"content":"好"},"finish_reason":"stop"}]}

			data: [DONE]

			""";

	private static final int POOL_SIZE = 4;

	private final AtomicInteger connections = new AtomicInteger();

	private DisposableServer server;

	private ConnectionProvider pool;

	@BeforeEach
	void start() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnChannelInit((observer, channel, address) -> this.connections.incrementAndGet())
			.route((routes) -> routes.post("/v1/chat/completions", (request, response) -> request.receive()
				.then()
				.then(response.header("Content-Type", "text/event-stream").sendString(Mono.just(STREAM)).then())))
			.bindNow();
		this.pool = ConnectionProvider.create("reuse", POOL_SIZE);
	}

	@AfterEach
	void stop() {
		this.pool.dispose();
		this.server.disposeNow();
	}

	@Test
	void thirtyStreamsInARowReuseTheirConnection() {
		ChatClient client = LinkAi.chatClient(
				new LinkAiSettings("Link_tOCJYmHxxm55eA1xs", "http://127.0.0.1:" + this.server.port(),
						LinkAiOptions.none()),
				new HttpChatClientFactory(new ReactorClientHttpConnector(HttpClient.create(this.pool)),
						ClientSettings.builder("test").retry(RetryPolicy.none()).build()));

		for (int i = 0; i < 30; i++) {
			assertThat(client.stream("你好").collectList().block()).hasSize(2);
		}

		// a stream completes at its end marker while its connection still reads the
		// body's rest, so the next call
		// may find it not yet back in the pool and open another (more often on a loaded
		// machine): at most the
		// pool's size. A stream that cancelled its body would close its connection and
		// open thirty.
		assertThat(this.connections.get()).isBetween(1, POOL_SIZE);
	}

}
