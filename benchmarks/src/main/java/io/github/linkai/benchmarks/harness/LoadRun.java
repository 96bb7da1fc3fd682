package io.github.linkai.benchmarks.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.linkai.benchmarks.stub.StubProcess;
import io.github.linkai.benchmarks.stub.StubSettings;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.ChatRequest;
import reactor.core.Disposable;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bounded load run (issue 23): {@code --streams N} (10,000 by default) streams held
 * open at once on one client with Boot's observation on (off with {@code --unobserved}),
 * against the stub in its own JVM that sends each stream's first event and holds the
 * rest. Prints the heap after GC and the live threads while they are open, then cancels
 * them all and prints how long it took until every socket the client had opened was
 * closed. Run by hand (README); the build runs it with a few hundred streams
 * ({@code LoadRunTests}). Linux only: sockets are counted in {@code /proc/self/net/tcp}.
 */
public final class LoadRun {

	private final int streams;

	private final boolean observed;

	LoadRun(int streams, boolean observed) {
		this.streams = streams;
		this.observed = observed;
	}

	/**
	 * {@code --streams N} (10,000), {@code --unobserved} to leave Boot's observation out.
	 */
	public static void main(String[] args) throws Exception {
		List<String> arguments = List.of(args);
		int at = arguments.indexOf("--streams");
		int streams = (at >= 0) ? Integer.parseInt(arguments.get(at + 1)) : 10_000;
		Figures figures = new LoadRun(streams, !arguments.contains("--unobserved")).run();
		System.out.println(figures.markdown());
		System.exit(0); // the stub's reader and Boot's threads are not daemons
	}

	/**
	 * Runs the stub, the application and the held streams; returns the figures.
	 */
	Figures run() throws Exception {
		try (StubProcess stub = new StubProcess(StubSettings.defaults())) {
			// a pool as large as the run: the default 500 connections would queue the
			// rest
			System.setProperty("linkai.pool.max-connections", Integer.toString(this.streams));
			try (ConfigurableApplicationContext context = BenchApplication.start(stub.url(""), this.observed, true)) {
				return hold(context.getBean(ChatClientRegistry.class).get("held"), stub);
			}
			finally {
				System.clearProperty("linkai.pool.max-connections");
			}
		}
	}

	private Figures hold(ChatClient client, StubProcess stub) throws Exception {
		int port = stub.port();
		int baselineThreads = Probes.threads();
		CountDownLatch firstChunks = new CountDownLatch(this.streams);
		List<Disposable> open = new ArrayList<>(this.streams);
		ChatRequest request = ChatRequest.of(Harness.QUESTION);
		long start = System.nanoTime();
		for (int i = 0; i < this.streams; i++) {
			// subscribed from this one thread: the client never blocks its caller. The
			// stub holds every event after the first for minutes, so each stream
			// counts down once
			open.add(client.stream(request).subscribe((chunk) -> firstChunks.countDown(), (error) -> {
			}));
		}
		firstChunks.await(180, TimeUnit.SECONDS);
		double openSeconds = (System.nanoTime() - start) / 1e9;
		int opened = (int) (this.streams - firstChunks.getCount());
		long heap = Probes.heapAfterGc();
		int threads = Probes.threads();
		long heldSockets = sockets(port);

		Cpu beforeCancel = Cpu.now(stub);
		long cancelled = System.nanoTime();
		open.forEach(Disposable::dispose);
		double cancelSeconds = (System.nanoTime() - cancelled) / 1e9;
		Cpu afterCancel = Cpu.now(stub);
		long left = heldSockets;
		long probing = 0;
		while (left > 0 && System.nanoTime() - cancelled < TimeUnit.SECONDS.toNanos(60)) {
			// not more often: listing 10,000 descriptors takes CPU the event loops need
			Thread.sleep(25);
			long probe = System.nanoTime();
			left = sockets(port);
			probing += System.nanoTime() - probe;
		}
		double closeSeconds = (System.nanoTime() - cancelled) / 1e9;
		Cpu closed = Cpu.now(stub);
		System.out.printf(Locale.ROOT, "CPU (s) while cancelling (%.2f s): %s%n", cancelSeconds,
				afterCancel.minus(beforeCancel));
		System.out.printf(Locale.ROOT,
				"CPU (s) from then until every socket closed (%.2f s): %s; counting the"
						+ " sockets took %.2f s of it%n",
				closeSeconds - cancelSeconds, closed.minus(afterCancel), probing / 1e9);
		// Netty reports a leaked buffer when one it tracks is collected and a later one
		// is allocated: collect, then take one more stream's first chunk
		long heapClosed = Probes.heapAfterGc();
		client.stream(request).take(1).blockLast(Duration.ofSeconds(30));
		return new Figures(this.streams, opened, openSeconds, heap, baselineThreads, threads, heldSockets,
				Math.max(0, left), cancelSeconds, closeSeconds, heapClosed, Runtime.getRuntime().maxMemory());
	}

	/**
	 * The open TCP sockets connected to the stub's port: what the kernel lists in
	 * {@code /proc/self/net/tcp} and {@code tcp6} with that remote port and an inode (a
	 * closed socket in TIME_WAIT has none). Only this JVM connects to the stub, and other
	 * sockets closing meanwhile (a test before this one) do not count.
	 */
	static long sockets(int port) throws IOException {
		String remote = String.format(Locale.ROOT, ":%04X", port);
		long count = 0;
		for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
			Path path = Path.of(table);
			if (!Files.exists(path)) {
				continue;
			}
			try (Stream<String> lines = Files.lines(path)) {
				count += lines.skip(1).filter((line) -> isOpenTo(line, remote)).count();
			}
		}
		return count;
	}

	/**
	 * Whether a line of {@code /proc/net/tcp} has the remote port and an inode other than
	 * 0 (its third and tenth fields), read without a regular expression: with 10,000
	 * lines a split per line cost the client's CPU while the sockets were closing.
	 */
	static boolean isOpenTo(String line, String remote) {
		int field = 0;
		int at = 0;
		int length = line.length();
		while (at < length) {
			while (at < length && line.charAt(at) == ' ') {
				at++;
			}
			if (at == length) {
				break;
			}
			int end = line.indexOf(' ', at);
			end = (end < 0) ? length : end;
			if (field == 2 && !line.startsWith(remote, end - remote.length())) {
				return false;
			}
			if (field == 9) {
				return end - at != 1 || line.charAt(at) != '0';
			}
			field++;
			at = end;
		}
		return false;
	}

	/**
	 * CPU time so far, in nanoseconds: the calling thread, Reactor Netty's event loops,
	 * the client's other threads, the whole client process (kernel time included) and the
	 * stub's process.
	 */
	record Cpu(long caller, long eventLoops, long otherThreads, long process, long stub) {

		static Cpu now(StubProcess stub) {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long caller = threads.getCurrentThreadCpuTime();
			long loops = 0;
			long others = 0;
			for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
				if (info == null || info.getThreadId() == Thread.currentThread().getId()) {
					continue;
				}
				long nanos = Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
				if (info.getThreadName().startsWith("reactor-http")) {
					loops += nanos;
				}
				else {
					others += nanos;
				}
			}
			return new Cpu(caller, loops, others, Probes.cpuNanos(), stub.cpuNanos());
		}

		Cpu minus(Cpu earlier) {
			return new Cpu(this.caller - earlier.caller, this.eventLoops - earlier.eventLoops,
					this.otherThreads - earlier.otherThreads, this.process - earlier.process, this.stub - earlier.stub);
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"calling thread %.2f, event loops %.2f, other threads %.2f, client process %.2f, stub %.2f",
					this.caller / 1e9, this.eventLoops / 1e9, this.otherThreads / 1e9, this.process / 1e9,
					this.stub / 1e9);
		}

	}

	/** What one run measured. */
	record Figures(int streams, int opened, double openSeconds, long heapBytes, int threadsBefore, int threads,
			long sockets, long socketsLeft, double cancelSeconds, double closeSeconds, long heapClosedBytes,
			long maxHeapBytes) {

		String markdown() {
			return String.format(Locale.ROOT, """
					| figure | value |
					|---|---|
					| streams asked / open (first chunk received) | %,d / %,d |
					| time to open them all | %.1f s |
					| heap after GC, all open (max heap %d MB) | %.1f MB |
					| live threads before / with all open | %d / %d |
					| client sockets open | %,d |
					| time for the cancel calls to return (one thread) | %.2f s |
					| time until every socket closed after cancelling | %.2f s |
					| sockets left open after it | %d |
					| heap after GC, all closed | %.1f MB |
					""", this.streams, this.opened, this.openSeconds, this.maxHeapBytes / 1048576,
					this.heapBytes / 1048576.0, this.threadsBefore, this.threads, this.sockets, this.cancelSeconds,
					this.closeSeconds, this.socketsLeft, this.heapClosedBytes / 1048576.0);
		}

	}

}
