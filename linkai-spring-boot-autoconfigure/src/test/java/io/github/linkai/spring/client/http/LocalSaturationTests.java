package io.github.linkai.spring.client.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.linkai.spring.MisbehavingServer;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.error.CallRejectedException;
import io.github.linkai.spring.client.error.LocalSaturationException;
import io.github.linkai.spring.provider.linkai.LinkAi;
import io.github.linkai.spring.provider.linkai.LinkAiOptions;
import io.github.linkai.spring.provider.linkai.LinkAiSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A client whose connections are all held by open streams refuses more calls itself: a
 * {@link LocalSaturationException}, never retried (asking again only adds to a full
 * pool), where Reactor Netty's pending-queue limit became a retried transport failure and
 * its acquire timeout a provider timeout. Against a server that answers each stream's
 * first event and then holds it open.
 */
class LocalSaturationTests {

	private static final String EVENT = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"你\"},"
			+ "\"finish_reason\":null}]}\n\n";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final MisbehavingServer server = MisbehavingServer.start((exchange) -> {
		exchange.readRequest();
		exchange.chunkedHead(200, "text/event-stream").chunk(EVENT).hold();
	});

	private final ConnectionProvider pool = ConnectionProvider.builder("saturation")
		.maxConnections(1)
		.pendingAcquireMaxCount(1)
		.pendingAcquireTimeout(Duration.ofMillis(300))
		.build();

	private final RecordingScheduler scheduler = new RecordingScheduler();

	private final List<Disposable> held = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		this.held.forEach(Disposable::dispose);
		this.pool.dispose();
		this.server.close();
	}

	@Test
	void aFullPendingQueueIsLocalSaturationAndIsNotRetried() throws Exception {
		ChatClient client = client();
		holdOneStream(client);
		// waits for the connection: the one place in the queue
		List<Throwable> pending = new CopyOnWriteArrayList<>();
		this.held.add(client.stream("second").subscribe((chunk) -> {
		}, pending::add));

		Throwable error = catchThrowable(() -> client.stream("third").blockLast(WAIT));

		assertThat(error).isInstanceOf(LocalSaturationException.class)
			.isInstanceOf(CallRejectedException.class)
			.hasMessageContaining("[linkai/saturated]")
			.hasMessageContaining("nothing was sent");
		assertThat(this.scheduler.waits).as("retries").isEmpty();
		assertThat(this.server.requests()).isOne();
	}

	@Test
	void aCallThatWaitedLongerThanThePoolLetsItIsLocalSaturationNotATimeout() throws Exception {
		ChatClient client = client();
		holdOneStream(client);

		Throwable error = catchThrowable(() -> client.chat("second"));

		assertThat(error).isInstanceOf(LocalSaturationException.class).hasMessageContaining("No connection free");
		assertThat(this.scheduler.waits).as("retries").isEmpty();
		assertThat(this.server.requests()).isOne();
	}

	private void holdOneStream(ChatClient client) throws InterruptedException {
		List<ChatChunk> first = new CopyOnWriteArrayList<>();
		this.held.add(client.stream("first").subscribe(first::add));
		long end = System.nanoTime() + WAIT.toNanos();
		while (first.isEmpty() && System.nanoTime() < end) {
			Thread.sleep(10);
		}
		assertThat(first).as("the first stream's first chunk").hasSize(1);
	}

	private ChatClient client() {
		return LinkAi.chatClient(new LinkAiSettings("Link_tOCJYmHxxm55eA1xs", this.server.baseUrl(), LinkAiOptions
			.none()), new HttpChatClientFactory(new ReactorClientHttpConnector(HttpClient.create(this.pool)),
					ClientSettings.builder("saturated").retry(new RetryPolicy()).scheduler(this.scheduler).build()));
	}

}
