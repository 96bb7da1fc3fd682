package io.github.linkai.spring.client.http;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.error.ChatTransportException;
import io.github.linkai.spring.client.error.ServiceUnavailableException;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import io.github.linkai.spring.observation.ChatCallObserver;
import io.github.linkai.spring.observation.ChatMeterObservationHandler;
import io.github.linkai.spring.observation.DefaultChatObservationConvention;
import io.github.linkai.spring.provider.linkai.LinkAi;
import io.github.linkai.spring.provider.linkai.LinkAiOptions;
import io.github.linkai.spring.provider.linkai.LinkAiSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded load test, run in {@code verify}: 300 concurrent streams against a loopback
 * server that dribbles its events, with resets, 503s and truncated streams mixed in and
 * random cancels by the subscribers. Then every subscriber has ended the way its case
 * says, the client's pool is idle, the {@code linkai.client.active_streams} gauge is back
 * to 0, the thread count is back near its baseline, and Netty, on paranoid leak
 * detection, reports no leaked buffer. Everything asserted is a count; time only bounds
 * the waits.
 *
 * <p>
 * Tagged {@code load}: surefire runs it in a JVM of its own with
 * {@code -Dio.netty.leakDetection.level=paranoid} (see the module's pom), since the level
 * must be set before Netty's first buffer class loads.
 */
@Tag("load")
class StreamLoadTests {

	static {
		// for a run outside the build's load-tests execution (an IDE): only works if no
		// Netty class loaded yet
		if (System.getProperty("io.netty.leakDetection.level") == null) {
			System.setProperty("io.netty.leakDetection.level", "paranoid");
		}
	}

	private static final int STREAMS = 300;

	private static final long SEED = 20260101L;

	/** How long any wait may take before the test fails instead of hanging. */
	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Pattern NUMBER = Pattern.compile("load-(\\d+)");

	private static final String CANARY = "stream-load-canary";

	@Test
	void hundredsOfConcurrentStreamsWithFaultsAndCancelsAllEndAndLeaveNothingBehind() throws Exception {
		Map<String, Level> levels = quietLogging();
		ListAppender<ILoggingEvent> leaks = captureLeakReports();
		assertThat(ResourceLeakDetector.getLevel())
			.as("leak detection (run with -Dio.netty.leakDetection.level=paranoid)")
			.isEqualTo(ResourceLeakDetector.Level.PARANOID);

		Random random = new Random(SEED);
		List<Kind> kinds = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			kinds.addAll(Collections.nCopies(kind.count, kind));
		}
		assertThat(kinds).hasSize(STREAMS);
		Collections.shuffle(kinds, random);
		int[] takes = new int[STREAMS];
		for (int i = 0; i < STREAMS; i++) {
			takes[i] = 1 + random.nextInt(4);
		}

		Map<Integer, AtomicInteger> attempts = new ConcurrentHashMap<>();
		AtomicInteger serverConnections = new AtomicInteger();
		LoopResources serverLoops = LoopResources.create("load-server", 1, 2, true);
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(serverLoops)
			.doOnChannelInit((observer, channel, remote) -> {
				serverConnections.incrementAndGet();
				channel.closeFuture().addListener((future) -> serverConnections.decrementAndGet());
			})
			.route((routes) -> routes.post("/v1/chat/completions",
					(request, response) -> request.receive().aggregate().asString().flatMap((body) -> {
						int number = number(body);
						int attempt = attempts.computeIfAbsent(number, (n) -> new AtomicInteger()).incrementAndGet();
						Kind kind = (number < STREAMS) ? kinds.get(number) : Kind.ANSWERED;
						return respond(kind, attempt, response);
					})))
			.bindNow();

		List<ConnectionPoolMetrics> pools = new CopyOnWriteArrayList<>();
		ConnectionProvider pool = ConnectionProvider.builder("stream-load")
			.maxConnections(2 * STREAMS)
			.pendingAcquireMaxCount(4 * STREAMS)
			.metrics(true, () -> (name, id, address, metrics) -> pools.add(metrics))
			.build();
		ReactorClientHttpConnector connector = new ReactorClientHttpConnector(HttpClient.create(pool));
		String baseUrl = "http://127.0.0.1:" + server.port();
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(meters))
			.observationHandler(new ChatMeterObservationHandler(meters, new DefaultChatObservationConvention()));
		ChatClient client = client(baseUrl, connector, observations);
		try {
			// warm up, unobserved: event loops, schedulers and codecs exist before the
			// baseline is taken
			ChatClient warmUp = client(baseUrl, connector, ObservationRegistry.NOOP);
			Flux.range(STREAMS, 8).flatMap((n) -> warmUp.stream("load-" + n).collectList()).blockLast(WAIT);
			int baselineThreads = ManagementFactory.getThreadMXBean().getThreadCount();

			long start = System.nanoTime();
			List<Ending> endings = new CopyOnWriteArrayList<>();
			Map<Integer, Ending> byNumber = new ConcurrentHashMap<>();
			CountDownLatch ended = new CountDownLatch(STREAMS);
			for (int i = 0; i < STREAMS; i++) {
				int number = i;
				Kind kind = kinds.get(i);
				List<ChatChunk> received = new CopyOnWriteArrayList<>();
				Class<?>[] error = new Class<?>[1];
				// disposed from the first chunk, which may come before subscribe() has
				// returned the subscription
				Disposable.Swap self = Disposables.swap();
				Flux<ChatChunk> stream = client.stream("load-" + number);
				if (kind == Kind.TAKEN) {
					stream = stream.take(takes[number]);
				}
				Disposable subscription = stream.doOnNext(received::add).doOnNext((chunk) -> {
					if (kind == Kind.DISPOSED && received.size() == 1) {
						self.dispose();
					}
				}).doOnError((failure) -> error[0] = failure.getClass()).doFinally((signal) -> {
					Ending ending = new Ending(signal, received.size(),
							received.stream().map(ChatChunk::delta).reduce("", String::concat), error[0]);
					endings.add(ending);
					byNumber.put(number, ending);
					ended.countDown();
				}).subscribe((chunk) -> {
				}, (failure) -> {
				});
				self.update(subscription);
			}

			assertThat(ended.await(WAIT.toSeconds(), TimeUnit.SECONDS))
				.as("every subscriber ended; still open: %d", ended.getCount())
				.isTrue();
			assertThat(endings).hasSize(STREAMS);
			System.out.printf("%d streams ended in %d ms; %d requests; threads %d before%n", STREAMS,
					Duration.ofNanos(System.nanoTime() - start).toMillis(),
					attempts.values().stream().mapToInt(AtomicInteger::get).sum(), baselineThreads);

			Map<Kind, Integer> checked = new EnumMap<>(Kind.class);
			for (int i = 0; i < STREAMS; i++) {
				Kind kind = kinds.get(i);
				Ending ending = byNumber.get(i);
				assertThat(ending).as("stream %d (%s)", i, kind).isNotNull();
				switch (kind) {
					case ANSWERED, RESET_ONCE, UNAVAILABLE_ONCE -> assertThat(ending).as("stream %d (%s)", i, kind)
						.isEqualTo(new Ending(SignalType.ON_COMPLETE, 5, "01234", null));
					case RESET_ALWAYS -> assertThat(ending).as("stream %d (%s)", i, kind)
						.isEqualTo(new Ending(SignalType.ON_ERROR, 0, "", ChatTransportException.class));
					case UNAVAILABLE_ALWAYS -> assertThat(ending).as("stream %d (%s)", i, kind)
						.isEqualTo(new Ending(SignalType.ON_ERROR, 0, "", ServiceUnavailableException.class));
					case TRUNCATED -> assertThat(ending).as("stream %d (%s)", i, kind)
						.isEqualTo(new Ending(SignalType.ON_ERROR, 2, "01", StreamTruncatedException.class));
					case TAKEN -> assertThat(ending).as("stream %d (%s)", i, kind)
						.isEqualTo(new Ending(SignalType.ON_COMPLETE, takes[i], "0123".substring(0, takes[i]), null));
					case DISPOSED -> assertThat(ending).as("stream %d (%s)", i, kind)
						.satisfies((e) -> assertThat(e.signal()).isEqualTo(SignalType.CANCEL))
						.satisfies((e) -> assertThat(e.chunks()).isBetween(1, 40));
				}
				assertThat(attempts.get(i)).as("requests for stream %d (%s)", i, kind).hasValue(kind.attempts());
				checked.merge(kind, 1, Integer::sum);
			}
			for (Kind kind : Kind.values()) {
				assertThat(checked.get(kind)).as("%s streams", kind).isEqualTo(kind.count);
			}

			// the meters: one observation per stream, typed, the retries counted, no
			// stream left open
			assertThat(durations(meters, "none"))
				.isEqualTo(Kind.ANSWERED.count + Kind.RESET_ONCE.count + Kind.UNAVAILABLE_ONCE.count);
			assertThat(durations(meters, "cancelled")).isEqualTo(Kind.TAKEN.count + Kind.DISPOSED.count);
			assertThat(durations(meters, "ChatTransportException")).isEqualTo(Kind.RESET_ALWAYS.count);
			assertThat(durations(meters, "ServiceUnavailableException")).isEqualTo(Kind.UNAVAILABLE_ALWAYS.count);
			assertThat(durations(meters, "StreamTruncatedException")).isEqualTo(Kind.TRUNCATED.count);
			assertThat(meters.find("linkai.client.retries").counters().stream().mapToDouble(Counter::count).sum())
				.isEqualTo(Kind.RESET_ONCE.count + Kind.UNAVAILABLE_ONCE.count
						+ 2 * (Kind.RESET_ALWAYS.count + Kind.UNAVAILABLE_ALWAYS.count));
			assertThat(meters.find("linkai.client.active_streams").gauges()).isNotEmpty()
				.allSatisfy((gauge) -> assertThat(gauge.value()).isZero());

			// the pool: nothing acquired or waiting once the cancelled streams'
			// connections are closed
			assertThat(pools).isNotEmpty();
			await("the pool is idle", () -> pools.stream()
				.allMatch((metrics) -> metrics.acquiredSize() == 0 && metrics.pendingAcquireSize() == 0));
			await("the server holds only the pooled connections", () -> serverConnections
				.get() == pools.stream().mapToInt(ConnectionPoolMetrics::allocatedSize).sum());
			pool.disposeLater().block(WAIT);
			await("the server holds no connection", () -> serverConnections.get() == 0);
			// event loops and schedulers are made once: the load leaves no thread of its
			// own behind
			await("threads back near the baseline of " + baselineThreads,
					() -> ManagementFactory.getThreadMXBean().getThreadCount() <= baselineThreads + 8);
		}
		finally {
			pool.disposeLater().block(WAIT);
			server.disposeNow(WAIT);
			serverLoops.disposeLater().block(WAIT);
			restore(levels);
		}

		// A leak is reported once its buffer has been collected and another buffer is
		// allocated. One buffer leaked
		// on purpose shows the check works: by the time it is reported, so is any buffer
		// the load leaked.
		leakOneBuffer();
		await("the deliberate leak is reported", () -> {
			reportCollectedLeaks();
			return leaks.list.stream().anyMatch((event) -> event.getFormattedMessage().contains(CANARY));
		});
		assertThat(leaks.list).as("Netty leak reports")
			.extracting(ILoggingEvent::getFormattedMessage)
			.allSatisfy((message) -> assertThat(message).contains("LEAK:").contains(CANARY))
			.hasSize(1);
	}

	private static ChatClient client(String baseUrl, ReactorClientHttpConnector connector,
			ObservationRegistry observations) {
		return LinkAi.chatClient(new LinkAiSettings("Link_tOCJYmHxxm55eA1xs", baseUrl, LinkAiOptions.none()),
				new HttpChatClientFactory(connector, ClientSettings.builder("load")
					.retry(ChatExchangeResilienceTests.retries(2, Duration.ofMillis(5), Duration.ofMillis(20), 0.5))
					.idleTimeout(Duration.ofSeconds(10))
					.deadline(WAIT)
					.scheduler(Schedulers.parallel())
					.observer(new ChatCallObserver(observations, null, false))
					.build()));
	}

	private static Mono<Void> respond(Kind kind, int attempt, HttpServerResponse response) {
		switch (kind) {
			case RESET_ONCE, RESET_ALWAYS -> {
				if (kind == Kind.RESET_ALWAYS || attempt == 1) {
					// SO_LINGER 0: the close is a TCP reset, nothing of a response was
					// sent
					response.withConnection((connection) -> {
						connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
						connection.channel().close();
					});
					return Mono.empty();
				}
			}
			case UNAVAILABLE_ONCE, UNAVAILABLE_ALWAYS -> {
				if (kind == Kind.UNAVAILABLE_ALWAYS || attempt == 1) {
					return response.status(HttpResponseStatus.SERVICE_UNAVAILABLE).send();
				}
			}
			case TRUNCATED -> {
				// an orderly close after two events: they arrive before the end of the
				// connection
				return response.header("Content-Type", "text/event-stream")
					.sendString(events(2, false))
					.then()
					.then(Mono
						.fromRunnable(() -> response.withConnection((connection) -> connection.channel().close())));
			}
			case TAKEN, DISPOSED -> {
				return response.header("Content-Type", "text/event-stream").sendString(events(40, true)).then();
			}
			default -> {
			}
		}
		return response.header("Content-Type", "text/event-stream").sendString(events(5, true)).then();
	}

	/**
	 * {@code count} LinkAI chunks dribbled 10 ms apart (contents 0, 1, 2...), the last
	 * finished, then the end.
	 */
	private static Flux<String> events(int count, boolean complete) {
		Flux<String> events = Flux.interval(Duration.ofMillis(10))
			.take(count)
			.map((i) -> "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + (i % 10)
					+ "\"},\"finish_reason\":" + ((complete && i == count - 1) ? "\"stop\"" : "null") + "}]}\n\n");
		return complete ? events.concatWithValues("data: [DONE]\n\n") : events;
	}

	private static int number(String body) {
		Matcher matcher = NUMBER.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("No stream number in " + body);
		}
		return Integer.parseInt(matcher.group(1));
	}

	private static long durations(SimpleMeterRegistry meters, String errorType) {
		return meters.find("gen_ai.client.operation.duration")
			.tag("error.type", errorType)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private static void await(String what, BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited %s for: %s", WAIT, what).isLessThan(end);
			Thread.sleep(50);
		}
	}

	private static ListAppender<ILoggingEvent> captureLeakReports() {
		Logger logger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		logger.setLevel(Level.ERROR); // leaks are reported only where ERROR is enabled
		logger.setAdditive(false); // the deliberate one is not for the build log; a real
									// one is in the assertion
		return appender;
	}

	/**
	 * Netty's DEBUG lines and the resets' WARN lines would be thousands: keep to errors
	 * while the load runs.
	 */
	private static Map<String, Level> quietLogging() {
		Map<String, Level> levels = new HashMap<>();
		for (String name : List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "reactor.netty")) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			levels.put(name, logger.getLevel());
			logger.setLevel(Level.ERROR);
		}
		return levels;
	}

	private static void restore(Map<String, Level> levels) {
		levels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
	}

	private static void reportCollectedLeaks() {
		for (int i = 0; i < 3; i++) {
			System.gc();
			// each allocation under paranoid detection reports the leaks collected so far
			for (int j = 0; j < 10; j++) {
				ByteBufAllocator.DEFAULT.directBuffer(16).release();
				ByteBufAllocator.DEFAULT.heapBuffer(16).release();
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static void leakOneBuffer() {
		ByteBuf leaked = ByteBufAllocator.DEFAULT.directBuffer(16);
		leaked.touch(CANARY);
	}

	/**
	 * What the server does with a stream's request, and what the subscriber does with the
	 * stream.
	 */
	enum Kind {

		/** Five events, then the end marker. */
		ANSWERED(120),

		/** The first attempt is reset before any response; the retry is answered. */
		RESET_ONCE(30),

		/** Every attempt is reset: the error after the retries. */
		RESET_ALWAYS(15),

		/** 503 once, then answered. */
		UNAVAILABLE_ONCE(30),

		/** 503 on every attempt. */
		UNAVAILABLE_ALWAYS(15),

		/** Two events, then the connection closes: truncated, never retried. */
		TRUNCATED(30),

		/** A long stream of which the subscriber takes 1 to 4 chunks. */
		TAKEN(30),

		/** A long stream the subscriber disposes of after its first chunk. */
		DISPOSED(30);

		final int count;

		Kind(int count) {
			this.count = count;
		}

		int attempts() {
			return switch (this) {
				case RESET_ONCE, UNAVAILABLE_ONCE -> 2;
				case RESET_ALWAYS, UNAVAILABLE_ALWAYS -> 3;
				default -> 1;
			};
		}

	}

	/** How one subscriber's stream ended. */
	record Ending(SignalType signal, int chunks, String text, Class<?> error) {
	}

}
