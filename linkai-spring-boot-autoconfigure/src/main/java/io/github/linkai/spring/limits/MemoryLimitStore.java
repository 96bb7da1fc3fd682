package io.github.linkai.spring.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The limits of this instance alone, in Bucket4j's local buckets: no round trip, no extra
 * dependency. Buckets follow the given clock and wait on the given scheduler; a bucket
 * unused for its time to live is dropped when another is made.
 */
final class MemoryLimitStore implements LimitStore {

	private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

	private final Clock clock;

	private final TimeMeter time;

	private final SchedulerExecutor executor;

	MemoryLimitStore(Clock clock, Scheduler scheduler) {
		this.clock = clock;
		this.time = new ClockTimeMeter(clock);
		this.executor = new SchedulerExecutor(scheduler);
	}

	@Override
	public Mono<Long> available(BucketSpec bucket, Duration timeout) {
		return Mono.just(availableNow(bucket));
	}

	@Override
	public Mono<Boolean> take(BucketSpec bucket, Duration maxWait, Duration timeout) {
		if (takeNow(bucket)) {
			return Mono.just(true);
		}
		Bucket local = bucket(bucket);
		return maxWait.isZero() ? Mono.just(false)
				: Mono.fromFuture(() -> local.asScheduler().tryConsume(1, maxWait, this.executor), true);
	}

	@Override
	public Mono<Long> spend(BucketSpec bucket, long amount) {
		spendNow(bucket, amount);
		return Mono.just(availableNow(bucket));
	}

	/** The tokens left in the bucket, at once. */
	long availableNow(BucketSpec bucket) {
		return bucket(bucket).getAvailableTokens();
	}

	/** Takes one token if there is one now: whether one was taken. */
	boolean takeNow(BucketSpec bucket) {
		return bucket(bucket).tryConsume(1);
	}

	/** Takes {@code amount} tokens, into debt if need be. */
	void spendNow(BucketSpec bucket, long amount) {
		bucket(bucket).consumeIgnoringRateLimits(amount);
	}

	@Override
	public Mono<Void> put(String key, String value, Instant until) {
		return Mono.empty();
	}

	@Override
	public Mono<Map<String, String>> get(List<String> keys) {
		return Mono.just(Map.of());
	}

	@Override
	public boolean isShared() {
		return false;
	}

	private Bucket bucket(BucketSpec spec) {
		long now = this.clock.millis();
		Entry entry = this.buckets.get(spec.key());
		if (entry == null) {
			this.buckets.values().removeIf((old) -> old.expires < now);
			entry = this.buckets.computeIfAbsent(spec.key(),
					(key) -> new Entry(Bucket.builder()
						.withCustomTimePrecision(this.time)
						.addLimit(spec.configuration().getBandwidths()[0])
						.build()));
		}
		entry.expires = now + spec.timeToLive().toMillis();
		return entry.bucket;
	}

	private static final class Entry {

		final LocalBucket bucket;

		/** Epoch millis. */
		volatile long expires = Long.MAX_VALUE;

		Entry(LocalBucket bucket) {
			this.bucket = bucket;
		}

	}

	/**
	 * Bucket4j's time, from the clients' clock, to the millisecond as Bucket4j's own
	 * default meter (no {@code Instant} per decision).
	 */
	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			return this.clock.millis() * 1_000_000L;
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
