package io.github.linkai.spring.limits;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisStringAsyncCommands;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The limits of every instance, on Redis through Bucket4j's Lettuce integration: one
 * connection of its own (opened from the application's Lettuce client, with its address,
 * credentials, TLS and resources, off the caller's thread: startup never waits for
 * Redis), one Bucket4j proxy per bucket, cached, with batching (exact under contention).
 * Every operation is bounded by the store's timeout and the call's remaining deadline,
 * and none is sent while the connection is closed or Redis is taken as unavailable
 * ({@link RedisAvailability}). Answers leave Lettuce's threads at once.
 */
final class RedisLimitStore implements LimitStore, AutoCloseable {

	private static final Log logger = LogFactory.getLog(RedisLimitStore.class);

	private final Supplier<StatefulConnection<String, byte[]>> connector;

	private final RedisAvailability availability;

	private final Duration timeout;

	private final Duration retryInterval;

	private final Function<BucketSpec, Optimization> optimization;

	private final Clock clock;

	private final Scheduler timer;

	private volatile @Nullable Connected connected;

	private final AtomicBoolean connecting = new AtomicBoolean();

	private final AtomicLong lastConnect = new AtomicLong(Long.MIN_VALUE);

	private volatile boolean closed;

	private final @Nullable Disposable writer;

	/**
	 * A store that connects with {@code connector} at once, in the background, and again
	 * (at most once per retry interval) while it has no connection.
	 */
	RedisLimitStore(Supplier<StatefulConnection<String, byte[]>> connector, RedisAvailability availability,
			LimitStoreSettings.Redis settings, Clock clock, Scheduler timer) {
		this.connector = connector;
		this.availability = availability;
		this.timeout = settings.getTimeout();
		this.retryInterval = settings.getRetryInterval();
		this.optimization = optimization(settings);
		this.clock = clock;
		this.timer = timer;
		Duration unsynchronized = settings.getUnsynchronizedTime();
		// Bucket4j writes a delayed bucket's spends on its next use: an idle instance's
		// spends are written here instead, within the time
		this.writer = unsynchronized.isZero() ? null
				: Flux.interval(unsynchronized, unsynchronized, timer)
					.onBackpressureDrop()
					.subscribe((tick) -> writePending(unsynchronized));
		connect();
	}

	@Override
	public Mono<Long> available(BucketSpec bucket, Duration left) {
		return this.availability.decide(this::isOpen,
				() -> bounded((redis) -> redis.proxy(bucket).getAvailableTokens(), this.timeout, left), Mono::empty);
	}

	@Override
	public Mono<Boolean> take(BucketSpec bucket, Duration maxWait, Duration left) {
		if (maxWait.isZero() || maxWait.isNegative()) {
			return this.availability.decide(this::isOpen,
					() -> bounded((redis) -> redis.proxy(bucket).tryConsume(1), this.timeout, left),
					() -> Mono.just(true));
		}
		return this.availability.decide(this::isOpen, () -> reserve(bucket, maxWait, left), () -> Mono.just(true));
	}

	/**
	 * Reserves a token, then waits for it on the timer: only the reservation is an
	 * operation on Redis, bounded as every operation is; the wait after it is at most
	 * {@code maxWait}, within the deadline.
	 */
	private Mono<Boolean> reserve(BucketSpec bucket, Duration maxWait, Duration left) {
		return Mono.defer(() -> {
			CompletableFuture<Void> reserved = new CompletableFuture<>();
			CompletableFuture<Boolean> taken = new CompletableFuture<>();
			return bounded((redis) -> {
				redis.proxy(bucket)
					.asScheduler()
					.tryConsume(1, maxWait, new SchedulerExecutor(this.timer, () -> reserved.complete(null)))
					.whenComplete((result, error) -> {
						if (error != null) {
							taken.completeExceptionally(error);
						}
						else {
							taken.complete(result);
						}
					});
				return CompletableFuture.anyOf(taken, reserved);
			}, this.timeout, left).then(Mono.fromCompletionStage(taken)).publishOn(Schedulers.parallel());
		});
	}

	@Override
	public Mono<Long> spend(BucketSpec bucket, long amount) {
		return this.availability
			.update(this::isOpen,
					() -> bounded((redis) -> redis.proxy(bucket).asVerbose().consumeIgnoringRateLimits(amount),
							this.timeout, this.timeout))
			.map((result) -> result.getDiagnostics().getAvailableTokens());
	}

	@Override
	public Mono<Void> put(String key, String value, Instant until) {
		return this.availability
			.update(this::isOpen,
					() -> bounded((redis) -> redis.commands.set(key, value.getBytes(StandardCharsets.UTF_8),
							SetArgs.Builder.pxAt(until.toEpochMilli())), this.timeout, this.timeout))
			.then();
	}

	@Override
	public Mono<Map<String, String>> get(List<String> keys) {
		return this.availability
			.update(this::isOpen,
					() -> bounded((redis) -> redis.commands.mget(keys.toArray(String[]::new)), this.timeout,
							this.timeout))
			.map(RedisLimitStore::values);
	}

	@Override
	public boolean isShared() {
		return true;
	}

	@Override
	public void close() {
		this.closed = true;
		if (this.writer != null) {
			this.writer.dispose();
		}
		Connected redis = this.connected;
		if (redis != null) {
			if (this.writer != null && redis.connection.isOpen()) {
				// what this instance spent but has not written yet, before it goes
				Mono.fromFuture(redis.writePending(Duration.ZERO)).timeout(this.timeout).onErrorComplete().block();
			}
			redis.connection.closeAsync();
		}
	}

	/** Writes what each delayed bucket spent at least {@code age} ago. */
	private void writePending(Duration age) {
		Connected redis = this.connected;
		if (redis != null && isAvailable()) {
			redis.writePending(age);
		}
	}

	@Override
	public boolean isAvailable() {
		Connected redis = this.connected;
		return redis != null && redis.connection.isOpen() && !this.availability.isDown();
	}

	/** Whether the store has connected (it may have lost the connection since). */
	boolean hasConnected() {
		return this.connected != null;
	}

	/** Whether the store's connection is open; without one, tries to connect again. */
	private boolean isOpen() {
		Connected redis = this.connected;
		if (redis == null) {
			connect();
			return false;
		}
		return redis.connection.isOpen();
	}

	private void connect() {
		long now = this.clock.millis();
		long last = this.lastConnect.get();
		if (this.closed || (last != Long.MIN_VALUE && now - last < this.retryInterval.toMillis())
				|| !this.lastConnect.compareAndSet(last, now) || !this.connecting.compareAndSet(false, true)) {
			return;
		}
		Mono.fromCallable(() -> new Connected(this.connector.get(), this.optimization))
			.subscribeOn(Schedulers.boundedElastic())
			.doFinally((signal) -> this.connecting.set(false))
			.subscribe((redis) -> {
				if (this.closed) {
					redis.connection.closeAsync();
					return;
				}
				this.connected = redis;
				// the first operation on a connection is slow (scripts, classes): not a
				// call's
				redis.commands.get("{linkai}:warm-up");
			}, (error) -> logger.debug("Cannot connect to Redis for linkai limits yet", error));
	}

	private <T> Mono<T> bounded(Function<Connected, ? extends CompletionStage<T>> operation, Duration timeout,
			Duration left) {
		Duration bound = (timeout.compareTo(left) < 0) ? timeout : left;
		Connected redis = this.connected;
		if (redis == null || bound.isNegative() || bound.isZero()) {
			return Mono.error(new StoreUnavailableException("No connection or no time left for Redis"));
		}
		return Mono.defer(() -> {
			CompletableFuture<T> answer = operation.apply(redis).toCompletableFuture();
			if (answer.isDone() && !answer.isCompletedExceptionally()) {
				// answered at once from the local view: no timer, no hop off this thread
				return Mono.justOrEmpty(answer.join());
			}
			// cancelled at the timeout, so that a late failure is discarded, not logged
			return Mono.fromFuture(answer).timeout(bound, this.timer).publishOn(Schedulers.parallel());
		});
	}

	/**
	 * Batching (exact under contention), or, with an unsynchronized time, Bucket4j's
	 * delaying optimization: decisions from the last view, requests up to the set number
	 * and spends up to the time before writing to Redis.
	 */
	private static Function<BucketSpec, Optimization> optimization(LimitStoreSettings.Redis settings) {
		Duration time = settings.getUnsynchronizedTime();
		if (time.isZero()) {
			Optimization batching = Optimizations.batching();
			return (bucket) -> batching;
		}
		Optimization requests = Optimizations.delaying(new DelayParameters(settings.getUnsynchronizedRequests(), time));
		// tokens and budgets: spends wait for the time, whatever their amount
		Optimization others = Optimizations.delaying(new DelayParameters(Long.MAX_VALUE / 4, time));
		return (bucket) -> (bucket.kind() == BucketSpec.Kind.REQUESTS) ? requests : others;
	}

	private static Map<String, String> values(List<KeyValue<String, byte[]>> values) {
		Map<String, String> found = new LinkedHashMap<>();
		for (KeyValue<String, byte[]> value : values) {
			if (value.hasValue()) {
				found.put(value.getKey(), new String(value.getValue(), StandardCharsets.UTF_8));
			}
		}
		return found;
	}

	/**
	 * An open connection and what works on it: its commands and Bucket4j's proxies, one
	 * per bucket.
	 */
	private static final class Connected {

		final StatefulConnection<String, byte[]> connection;

		final RedisStringAsyncCommands<String, byte[]> commands;

		private final AsyncProxyManager<String> rates;

		private final Map<Duration, AsyncProxyManager<String>> counters = new ConcurrentHashMap<>();

		private final Map<String, AsyncBucketProxy> proxies = new ConcurrentHashMap<>();

		private final Function<BucketSpec, Optimization> optimization;

		@SuppressWarnings("unchecked")
		Connected(StatefulConnection<String, byte[]> connection, Function<BucketSpec, Optimization> optimization) {
			this.connection = connection;
			this.optimization = optimization;
			this.commands = (connection instanceof StatefulRedisClusterConnection<?, ?> cluster)
					? ((StatefulRedisClusterConnection<String, byte[]>) cluster).async()
					: ((StatefulRedisConnection<String, byte[]>) connection).async();
			// a rate bucket lives until it would be full again (10 s more)
			this.rates = proxyManager(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)));
		}

		/**
		 * The proxy of a bucket. Those of past budget periods stay, one per period: a few
		 * bytes each.
		 */
		AsyncBucketProxy proxy(BucketSpec bucket) {
			return this.proxies.computeIfAbsent(bucket.key(), (key) -> {
				AsyncProxyManager<String> manager = bucket.refills() ? this.rates : this.counters.computeIfAbsent(
						bucket.timeToLive(), (ttl) -> proxyManager(ExpirationAfterWriteStrategy.fixedTimeToLive(ttl)));
				return manager.builder()
					.withOptimization(this.optimization.apply(bucket))
					.build(key, () -> CompletableFuture.completedFuture(bucket.configuration()));
			});
		}

		/** Writes what each bucket spent locally at least {@code age} ago. */
		CompletableFuture<Void> writePending(Duration age) {
			return CompletableFuture.allOf(this.proxies.values()
				.stream()
				.map((proxy) -> proxy.getOptimizationController().syncByCondition(0, age))
				.toArray(CompletableFuture[]::new));
		}

		@SuppressWarnings("unchecked")
		private AsyncProxyManager<String> proxyManager(ExpirationAfterWriteStrategy expiration) {
			if (this.connection instanceof StatefulRedisClusterConnection<?, ?> cluster) {
				return Bucket4jLettuce.casBasedBuilder((StatefulRedisClusterConnection<String, byte[]>) cluster)
					.expirationAfterWrite(expiration)
					.build()
					.asAsync();
			}
			return Bucket4jLettuce.casBasedBuilder((StatefulRedisConnection<String, byte[]>) this.connection)
				.expirationAfterWrite(expiration)
				.build()
				.asAsync();
		}

	}

}
