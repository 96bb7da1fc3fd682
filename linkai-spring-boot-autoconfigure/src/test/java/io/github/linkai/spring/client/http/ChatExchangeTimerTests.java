package io.github.linkai.spring.client.http;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.github.linkai.spring.MisbehavingServer;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.provider.linkai.LinkAi;
import io.github.linkai.spring.provider.linkai.LinkAiOptions;
import io.github.linkai.spring.provider.linkai.LinkAiSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The exchange's timers against a server on a raw socket that misbehaves in the ways
 * WireMock cannot: each says what it bounds, from when, and ends the call with the typed
 * error that names it. Short timeouts on a real scheduler; every bound on the test's side
 * is generous.
 */
class ChatExchangeTimerTests {

	private static final String KEY = "Link_tOCJYmHxxm55eA1xs";

	private static final String STREAM = """
			data: {"choices":[{"index":0,"delta":{"content":"你"},"finish_reason":null}]}

			data: {"choices":[{"index":0,"delta":{"content":"好"},"finish_reason":"stop"}]}

			data: [DONE]

			""";

	/** Far longer than any timeout a case sets: a call still running then has hung. */
	private static final Duration HANG = Duration.ofSeconds(20);

	private MisbehavingServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void theFirstEventTimeoutRunsFromTheRequestNotFromTheResponseHeaders() {
		this.server = MisbehavingServer.start((exchange) -> {
			exchange.readRequest();
			exchange.hold(); // took the request, never answers
		});
		ChatClient client = client(ClientSettings.builder("timers")
			.retry(RetryPolicy.none())
			.firstEventTimeout(Duration.ofMillis(300))
			.scheduler(Schedulers.parallel()));

		Throwable error = catchThrowable(() -> client.stream("你好").blockLast(HANG));

		assertThat(error).isInstanceOf(ChatTimeoutException.class)
			.hasMessageContaining("of sending the request (first-event-timeout)");
		assertThat(this.server.requests()).isOne();
	}

	@Test
	void aStreamCompletesAtItsEndMarkerWhileTheServerHoldsTheBodyOpenWhichIsCutOffAfterTheGrace()
			throws InterruptedException {
		this.server = MisbehavingServer.start((exchange) -> {
			exchange.readRequest();
			exchange.chunkedHead(200, "text/event-stream").chunk(STREAM).hold(); // no
																					// last
																					// chunk
		});
		// no timer fires until the test moves the time
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		ChatClient client = client(ClientSettings.builder("timers").retry(RetryPolicy.none()).scheduler(time));

		List<ChatChunk> chunks = client.stream("你好").collectList().block(HANG);

		assertThat(chunks).extracting(ChatChunk::delta).containsExactly("你", "好");
		assertThat(this.server.closedByClient()).as("connections closed while the grace runs").isZero();
		time.advanceTimeBy(Duration.ofSeconds(1));
		await("the held connection closed after the grace", () -> this.server.closedByClient() == 1);
	}

	private static void await(String what, BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + HANG.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited %s for: %s", HANG, what).isLessThan(end);
			Thread.sleep(20);
		}
	}

	private ChatClient client(ClientSettings.Builder settings) {
		return LinkAi.chatClient(new LinkAiSettings(KEY, this.server.baseUrl(), LinkAiOptions.none()),
				new HttpChatClientFactory(new ReactorClientHttpConnector(), settings.build()));
	}

}
