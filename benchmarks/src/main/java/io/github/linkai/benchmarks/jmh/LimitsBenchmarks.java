package io.github.linkai.benchmarks.jmh;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.linkai.benchmarks.stub.StubServer;
import io.github.linkai.benchmarks.stub.StubSettings;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.admission.CallInfo;
import io.github.linkai.spring.client.admission.CallPermit;
import io.github.linkai.spring.client.admission.GatedCalls;
import io.github.linkai.spring.client.admission.PriceTable;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.limits.BudgetSettings;
import io.github.linkai.spring.limits.ClientLimits;
import io.github.linkai.spring.limits.LimitSettings;
import io.github.linkai.spring.limits.LimitStoreSettings;
import io.github.linkai.spring.limits.Limits;
import io.github.linkai.spring.limits.LimitsListener;
import io.github.linkai.spring.limits.RedisLimits;
import io.github.linkai.spring.provider.linkai.LinkAi;
import io.github.linkai.spring.provider.linkai.LinkAiOptions;
import io.github.linkai.spring.provider.linkai.LinkAiSettings;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.MediaType;

/**
 * What the limits add to a call, with no socket to the provider: the starter's
 * {@link ChatClient} on the in-memory connector of {@link ClientBenchmarks}, without a
 * gate, behind a gate in this instance's memory, and behind the same gate on a real
 * {@code redis-server} on 127.0.0.1 (started here on a free port, stopped after; the
 * Redis rows fail without one). The gate holds an in-flight limit, a request rate, a
 * token rate and a token budget, none of them ever reached: the cost of deciding, not of
 * waiting.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LimitsBenchmarks {

	private static final ChatRequest REQUEST = ChatRequest.of("你好,请介绍一下 LinkAI");

	private ChatClient ungated;

	private ChatClient inMemory;

	private @Nullable ChatClient onRedis;

	private @Nullable ChatClient onRedisUnsynchronized;

	private @Nullable Limits memoryLimits;

	private @Nullable Limits redisLimits;

	private @Nullable Limits unsynchronizedLimits;

	private @Nullable LettuceConnectionFactory redisConnections;

	private @Nullable Process redis;

	@Setup
	public void setUp() throws Exception {
		StubServer.Answers answers = new StubServer.Answers(StubSettings.defaults(), false);
		this.ungated = LinkAi.chatClient(new LinkAiSettings("bench-key", "http://127.0.0.1", LinkAiOptions.none()),
				new HttpChatClientFactory(new InMemoryConnector(MediaType.APPLICATION_JSON, List.of(answers.reply())),
						ClientSettings.of("bench")));
		this.memoryLimits = Limits.inMemory(context());
		this.inMemory = gated(this.memoryLimits);
		if (!"false".equals(System.getProperty("limits.redis"))) {
			int port = freePort();
			this.redis = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			LettuceConnectionFactory connections = new LettuceConnectionFactory(
					new RedisStandaloneConfiguration("127.0.0.1", port));
			connections.afterPropertiesSet();
			connections.start();
			this.redisConnections = connections;
			LimitStoreSettings settings = new LimitStoreSettings();
			settings.setStore(LimitStoreSettings.Store.REDIS);
			settings.setRedisUnavailable(LimitStoreSettings.Unavailable.FAIL_CLOSED);
			settings.getRedis().setRetryInterval(Duration.ofMillis(100));
			this.redisLimits = RedisLimits.create(connections, settings, context());
			this.onRedis = gated(this.redisLimits);
			LimitStoreSettings unsynchronized = new LimitStoreSettings();
			unsynchronized.setStore(LimitStoreSettings.Store.REDIS);
			unsynchronized.setRedisUnavailable(LimitStoreSettings.Unavailable.FAIL_CLOSED);
			unsynchronized.getRedis().setRetryInterval(Duration.ofMillis(100));
			unsynchronized.getRedis().setUnsynchronizedTime(Duration.ofSeconds(1));
			unsynchronized.getRedis().setUnsynchronizedRequests(100);
			this.unsynchronizedLimits = RedisLimits.create(connections, unsynchronized,
					context("bench-unsynchronized"));
			this.onRedisUnsynchronized = gated(this.unsynchronizedLimits);
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (!this.redisLimits.isStoreAvailable() || !this.unsynchronizedLimits.isStoreAvailable()) {
				if (System.nanoTime() > until) {
					throw new IllegalStateException("redis-server on port " + port + " did not answer in 20 s");
				}
				Thread.sleep(50);
			}
		}
	}

	@TearDown
	public void tearDown() throws Exception {
		for (Limits limits : new Limits[] { this.memoryLimits, this.redisLimits, this.unsynchronizedLimits }) {
			if (limits != null) {
				limits.close();
			}
		}
		if (this.redisConnections != null) {
			this.redisConnections.destroy();
		}
		if (this.redis != null) {
			this.redis.destroy();
			this.redis.waitFor(10, TimeUnit.SECONDS);
		}
	}

	/** One call with no gate: the baseline. */
	@Benchmark
	public @Nullable Object ungatedCall() {
		return this.ungated.chatReactive(REQUEST).block();
	}

	/** One call through a gate in this instance's memory. */
	@Benchmark
	public @Nullable Object inMemoryGateCall() {
		return this.inMemory.chatReactive(REQUEST).block();
	}

	/** One call through the same gate with its rates and budget on Redis. */
	@Benchmark
	public @Nullable Object redisGateCall() {
		ChatClient client = this.onRedis;
		if (client == null) {
			throw new IllegalStateException("run with redis-server installed, or exclude the Redis row");
		}
		return client.chatReactive(REQUEST).block();
	}

	/**
	 * One call through the same gate on Redis, each instance deciding from its view for
	 * up to a second and 100 requests ({@code linkai.limits.redis.unsynchronized-*}).
	 */
	@Benchmark
	public @Nullable Object redisUnsynchronizedGateCall() {
		ChatClient client = this.onRedisUnsynchronized;
		if (client == null) {
			throw new IllegalStateException("run with redis-server installed, or exclude the Redis rows");
		}
		return client.chatReactive(REQUEST).block();
	}

	/**
	 * The admission alone (the hot path before a call is sent), on Redis: no call and
	 * nothing spent after it.
	 */
	@Benchmark
	public @Nullable Object redisAdmission() {
		return admitted(this.redisLimits);
	}

	/** The admission alone on Redis, deciding from the instance's view. */
	@Benchmark
	public @Nullable Object redisUnsynchronizedAdmission() {
		return admitted(this.unsynchronizedLimits);
	}

	private @Nullable Object admitted(@Nullable Limits limits) {
		if (limits == null) {
			throw new IllegalStateException("run with redis-server installed, or exclude the Redis rows");
		}
		CallPermit permit = limits.gate(limits())
			.admit(new CallInfo("linkai", "bench", null, false, false, Instant.now().plusSeconds(600)))
			.block();
		if (permit != null) {
			permit.cancelled();
		}
		return permit;
	}

	private ChatClient gated(Limits limits) {
		GatedCalls calls = new GatedCalls(limits.gate(limits()), "linkai", "bench", null, Duration.ofMinutes(10),
				Clock.systemUTC(), PriceTable.empty());
		return calls.chatClient(this.ungated);
	}

	private static ClientLimits limits() {
		LimitSettings rates = new LimitSettings();
		rates.setMaxInFlight(1_000);
		rates.setRequestRate(100_000_000L);
		rates.setTokenRate(1_000_000_000L);
		BudgetSettings budget = new BudgetSettings();
		budget.setTokens(Long.MAX_VALUE / 4);
		return new ClientLimits("linkai", "bench", rates, budget, null, List.of("0"), Duration.ofMinutes(10));
	}

	private static Limits.Context context() {
		return context("bench");
	}

	private static Limits.Context context(String keyPrefix) {
		return new Limits.Context(PriceTable.empty(), Clock.systemUTC(), Schedulers.parallel(), LimitsListener.NONE,
				keyPrefix);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
