package io.github.linkai.benchmarks.harness;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.linkai.benchmarks.jmh.JmhRunner;
import io.github.linkai.benchmarks.stub.StubProcess;
import io.github.linkai.benchmarks.stub.StubSettings;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The side-by-side run: every contender on one loopback stub (in its own JVM), in one
 * JVM, in rotating blocks so that the machine's noise hits every row alike. Writes
 * {@code results.md} and {@code results.svg}.
 *
 * <p>
 * {@code java ... Harness [--smoke] [--out DIR]}: see {@code benchmarks/README.md}.
 */
public final class Harness {

	/** The question every contender asks. */
	static final String QUESTION = "你好,请介绍一下 LinkAI";

	/** Threads that subscribe the held streams. */
	static final int SUBSCRIBERS = 8;

	private final Plan plan;

	private final Results results;

	private @Nullable HttpClient stats;

	private Harness(Plan plan) {
		this.plan = plan;
		this.results = new Results(plan);
	}

	/**
	 * The body the starter writes for {@link #QUESTION}, encoded once for the raw rows.
	 */
	static byte[] requestBody(boolean stream) {
		return ("{\"messages\":[{\"role\":\"user\",\"content\":\"" + QUESTION + "\"}]"
				+ (stream ? ",\"stream\":true" : "") + "}")
			.getBytes(StandardCharsets.UTF_8);
	}

	public static void main(String[] args) throws Exception {
		List<String> arguments = Arrays.asList(args);
		Plan plan = arguments.contains("--smoke") ? Plan.smokeRun() : Plan.full();
		int out = arguments.indexOf("--out");
		Path dir = Path.of((out >= 0) ? arguments.get(out + 1) : "benchmarks/results");
		Results results = run(plan);
		Report.write(results, dir);
		System.out.println("Wrote " + dir.resolve(Report.MARKDOWN) + " and " + dir.resolve(Report.CHART));
		System.exit(0);
	}

	/** Runs the plan: stub, contenders, rounds, held streams, capacity, start-up, JMH. */
	static Results run(Plan plan) throws Exception {
		Harness harness = new Harness(plan);
		try (StubProcess stub = new StubProcess(StubSettings.defaults())) {
			harness.runAll(stub.url(""));
		}
		harness.results.jmh.addAll(JmhRunner.run(plan.jmhIterations()));
		return harness.results;
	}

	private void runAll(String stubUrl) throws Exception {
		this.stats = HttpClient.create(ConnectionProvider.newConnection()).baseUrl(stubUrl);
		List<Contender> contenders = new ArrayList<>();
		ConfigurableApplicationContext plain = BenchApplication.start(stubUrl, false, true);
		ConfigurableApplicationContext observed = BenchApplication.start(stubUrl, true, true);
		try {
			contenders.add(new RawContender(stubUrl, false, 6000));
			contenders.add(new RawContender(stubUrl, true, 6000));
			ChatClient client = plain.getBean(ChatClient.class);
			ChatClient held = plain.getBean(ChatClientRegistry.class).get("held");
			ChatClient observedClient = observed.getBean(ChatClient.class);
			ChatClient observedHeld = observed.getBean(ChatClientRegistry.class).get("held");
			contenders.add(new LinkAiContender("ChatClient blocking", client, held, true, null));
			contenders.add(new LinkAiContender("ChatClient reactive", client, held, false, "ChatClient stream"));
			contenders
				.add(new LinkAiContender("ChatClient blocking, observed", observedClient, observedHeld, true, null));
			contenders.add(new LinkAiContender("ChatClient reactive, observed", observedClient, observedHeld, false,
					"ChatClient stream, observed"));
			contenders.add(new LangChain4jContender(stubUrl, "1.19.0"));
			contenders.add(new SpringAiContender(stubUrl));
			for (Contender contender : contenders) {
				if (!contender.note().isEmpty()) {
					this.results.notes.put(contender.name(), contender.note());
					if (contender.streamName() != null) {
						this.results.notes.put(contender.streamName(), contender.note());
					}
				}
			}
			log("warm-up");
			rounds(contenders, this.plan.warmupRounds(), false);
			log("start-up");
			startup(stubUrl);
			log("rounds");
			rounds(contenders, this.plan.rounds(), true);
			log("capacity");
			capacity(contenders.get(3));
			for (Contender contender : contenders) {
				if (contender.streamName() != null) {
					log("open streams: " + contender.streamName());
					openStreams(contender);
				}
			}
		}
		finally {
			for (Contender contender : contenders) {
				contender.close();
			}
			plain.close();
			observed.close();
		}
	}

	private static void log(String message) {
		System.out.println("[harness " + java.time.LocalTime.now().withNano(0) + "] " + message);
	}

	/**
	 * Each round visits the rows in an order rotated by one: no row is always first after
	 * another's work.
	 */
	private void rounds(List<Contender> contenders, int rounds, boolean record) throws InterruptedException {
		for (int round = 0; round < rounds; round++) {
			List<Contender> order = new ArrayList<>(contenders);
			Collections.rotate(order, -round);
			for (Contender contender : order) {
				long started = System.nanoTime();
				for (int callers : this.plan.callers()) {
					calls(contender, callers, record);
				}
				if (contender.streamName() != null) {
					streams(contender, record);
				}
				log(contender.name() + ": " + (System.nanoTime() - started) / 1_000_000 + " ms");
			}
		}
	}

	/**
	 * One block of calls by {@code callers} concurrent callers: threads for a blocking
	 * API, subscriptions otherwise.
	 */
	private void calls(Contender contender, int callers, boolean record) throws InterruptedException {
		Latencies latencies = new Latencies();
		AtomicInteger errors = new AtomicInteger();
		long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(this.plan.blockMillis());
		long cpu = Probes.cpuNanos();
		long allocated = Probes.allocatedBytes();
		long started = System.nanoTime();
		if (contender.blocking() && callers == 1) {
			// on this thread: a thread that has ended is missing from the allocation
			// reading
			blockingCalls(contender, end, latencies, errors);
		}
		else if (contender.blocking()) {
			List<Thread> threads = new ArrayList<>(callers);
			for (int i = 0; i < callers; i++) {
				Thread thread = new Thread(() -> blockingCalls(contender, end, latencies, errors), "caller-" + i);
				thread.start();
				threads.add(thread);
			}
			for (Thread thread : threads) {
				thread.join();
			}
		}
		else {
			Flux.range(0, callers).flatMap((caller) -> Mono.defer(() -> {
				long start = System.nanoTime();
				return contender.call()
					.doOnSuccess((reply) -> latencies.add(System.nanoTime() - start))
					.onErrorResume((error) -> {
						errors.incrementAndGet();
						return Mono.empty();
					});
			}).repeat(() -> System.nanoTime() < end), callers).blockLast();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long cpuUsed = Probes.cpuNanos() - cpu;
		long bytes = Probes.allocatedBytes() - allocated;
		if (!record) {
			return;
		}
		String row = contender.name();
		int count = Math.max(1, latencies.count());
		this.results.add(this.results.calls, row, Results.callsPerSecond(callers), latencies.count() / seconds);
		this.results.add(this.results.calls, row, Results.ERRORS, errors.get());
		if (callers == 1) {
			this.results.add(this.results.calls, row, Results.P50, latencies.percentile(50) / 1e3);
			this.results.add(this.results.calls, row, Results.P99, latencies.percentile(99) / 1e3);
			this.results.add(this.results.calls, row, Results.ALLOC, bytes / 1024.0 / count);
		}
		if (callers == this.plan.maxCallers()) {
			this.results.add(this.results.calls, row, Results.CPU, cpuUsed / 1e3 / count);
		}
	}

	private static void blockingCalls(Contender contender, long end, Latencies latencies, AtomicInteger errors) {
		do {
			long start = System.nanoTime();
			try {
				contender.call().block();
				latencies.add(System.nanoTime() - start);
			}
			catch (RuntimeException ex) {
				errors.incrementAndGet();
			}
		}
		while (System.nanoTime() < end);
	}

	/**
	 * One block of streams, one after another: time to first chunk, whole stream,
	 * allocation.
	 */
	private void streams(Contender contender, boolean record) {
		Latencies first = new Latencies();
		Latencies whole = new Latencies();
		long connections = connections();
		long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(this.plan.blockMillis());
		long allocated = Probes.allocatedBytes();
		do {
			long start = System.nanoTime();
			AtomicLong firstAt = new AtomicLong();
			contender.stream().doOnNext((piece) -> firstAt.compareAndSet(0, System.nanoTime())).blockLast();
			whole.add(System.nanoTime() - start);
			first.add(firstAt.get() - start);
		}
		while (System.nanoTime() < end);
		long bytes = Probes.allocatedBytes() - allocated;
		String row = contender.streamName();
		if (record && row != null) {
			// after the block, so that the reading's own connection is not counted as the
			// row's
			this.results.add(this.results.streams, row, Results.CONNECTIONS,
					(connections() - connections - 1) / (double) whole.count());
			this.results.add(this.results.streams, row, Results.TTFC50, first.percentile(50) / 1e3);
			this.results.add(this.results.streams, row, Results.TTFC99, first.percentile(99) / 1e3);
			this.results.add(this.results.streams, row, Results.STREAM50, whole.percentile(50) / 1e3);
			this.results.add(this.results.streams, row, Results.STREAM_ALLOC,
					bytes / 1024.0 / Math.max(1, whole.count()));
		}
	}

	/**
	 * Connections opened to the stub so far, this reading's own (never pooled) included.
	 */
	private long connections() {
		HttpClient stats = Objects.requireNonNull(this.stats, "the stub's statistics client");
		String count = stats.get().uri("/connections").responseContent().aggregate().asString().block();
		return Long.parseLong(Objects.requireNonNull(count, "the stub's connection count").strip());
	}

	/** {@code plan.openStreams()} streams held open at once: heap after GC, threads. */
	private void openStreams(Contender contender) throws InterruptedException {
		String row = contender.streamName();
		if (row == null) {
			return;
		}
		Held held = hold(contender, this.plan.openStreams());
		this.results.add(this.results.streams, row, Results.OPENED, held.opened);
		this.results.add(this.results.streams, row, Results.HEAP, held.heapBytes / 1048576.0);
		this.results.add(this.results.streams, row, Results.PER_STREAM,
				(held.heapBytes - held.baselineBytes) / 1024.0 / Math.max(1, held.opened));
		this.results.add(this.results.streams, row, Results.THREADS, held.threads);
	}

	/**
	 * The starter's client with {@code plan.capacityStreams()} open streams, against the
	 * heap budget.
	 */
	private void capacity(Contender contender) throws InterruptedException {
		Held held = hold(contender, this.plan.capacityStreams());
		double perStream = (double) (held.heapBytes - held.baselineBytes) / Math.max(1, held.opened);
		this.results.figures.put("capacity.streams", (double) this.plan.capacityStreams());
		this.results.figures.put("capacity.opened", (double) held.opened);
		this.results.figures.put("capacity.heapMB", held.heapBytes / 1048576.0);
		this.results.figures.put("capacity.threads", (double) held.threads);
		this.results.figures.put("capacity.withinBudget", (double) (held.opened
				+ (long) ((this.plan.heapBudgetBytes() - held.heapBytes) / Math.max(1, perStream))));
	}

	private Held hold(Contender contender, int count) throws InterruptedException {
		long baseline = Probes.heapAfterGc();
		CountDownLatch firstChunks = new CountDownLatch(count);
		List<Disposable> open = new ArrayList<>(count);
		// Subscribed from a few threads, the same for every row: Spring AI's stream
		// blocks its subscriber until it has
		// a response, so one thread would open 1,000 streams one by one.
		ExecutorService subscribers = Executors.newFixedThreadPool(SUBSCRIBERS);
		for (int i = 0; i < count; i++) {
			subscribers.execute(() -> {
				AtomicInteger seen = new AtomicInteger();
				Disposable stream = contender.heldStream().doOnNext((piece) -> {
					if (seen.getAndIncrement() == 0) {
						firstChunks.countDown();
					}
				}).subscribe(null, (error) -> {
				});
				synchronized (open) {
					open.add(stream);
				}
			});
		}
		subscribers.shutdown();
		firstChunks.await(this.plan.smoke() ? 5 : 60, TimeUnit.SECONDS);
		int opened = (int) (count - firstChunks.getCount());

		long heap = Probes.heapAfterGc();
		int threads = Probes.threads();
		subscribers.awaitTermination(10, TimeUnit.SECONDS);
		// Cancelled from many threads, and not waited for long: cancelling a Spring AI
		// stream blocks for about a
		// second (its row comes last).
		ExecutorService cancellers = Executors.newFixedThreadPool(64, (task) -> {
			Thread thread = new Thread(task, "canceller");
			thread.setDaemon(true);
			return thread;
		});
		synchronized (open) {
			open.forEach((stream) -> cancellers.execute(stream::dispose));
		}
		cancellers.shutdown();
		cancellers.awaitTermination(this.plan.smoke() ? 300 : 10_000, TimeUnit.MILLISECONDS);
		// let cancelled exchanges close and pools settle before the next row
		Thread.sleep(this.plan.smoke() ? 200 : 2000);
		return new Held(opened, baseline, heap, threads);
	}

	/**
	 * Context start-up with the starter's auto-configuration and without, alternating.
	 */
	private void startup(String stubUrl) {
		List<Double> with = new ArrayList<>();
		List<Double> without = new ArrayList<>();
		for (int i = 0; i < this.plan.startupRuns(); i++) {
			with.add(startupMillis(stubUrl, true));
			without.add(startupMillis(stubUrl, false));
		}
		this.results.figures.put("startup.with", medianOf(with));
		this.results.figures.put("startup.without", medianOf(without));
		this.results.figures.put("startup.runs", (double) this.plan.startupRuns());
	}

	private static double startupMillis(String stubUrl, boolean linkai) {
		long start = System.nanoTime();
		BenchApplication.start(stubUrl, false, linkai).close();
		return (System.nanoTime() - start) / 1e6;
	}

	private static double medianOf(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.get(sorted.size() / 2);
	}

	private record Held(int opened, long baselineBytes, long heapBytes, int threads) {
	}

	/**
	 * Latencies in nanoseconds, recorded without allocating (the allocation figures must
	 * not count them).
	 */
	private static final class Latencies {

		private final long[] values = new long[1 << 20];

		private final AtomicInteger count = new AtomicInteger();

		void add(long nanos) {
			int index = this.count.getAndIncrement();
			if (index < this.values.length) {
				this.values[index] = nanos;
			}
		}

		int count() {
			return this.count.get();
		}

		double percentile(double percent) {
			int n = Math.min(this.count.get(), this.values.length);
			if (n == 0) {
				return Double.NaN;
			}
			long[] sorted = Arrays.copyOf(this.values, n);
			Arrays.sort(sorted);
			return sorted[(int) Math.min(n - 1, Math.ceil(percent / 100 * n) - 1)];
		}

	}

}
