package io.github.linkai.spring.limits;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;

/**
 * One bucket of a client's limits, as every store keeps it.
 *
 * @param key its name, the same on every instance
 * @param configuration how it fills
 * @param timeToLive how long a store keeps it after its last change
 * @param kind what it counts
 */
record BucketSpec(String key, BucketConfiguration configuration, Duration timeToLive, Kind kind) {

	/**
	 * What a budget bucket holds: a counter of what was spent in its period, never
	 * refilled, far larger than any budget. The budget itself is not kept in the store,
	 * so that changing it takes effect at once on every instance.
	 */
	static final long COUNTER_CAPACITY = 1_000_000_000_000_000L;

	/** A rate of {@code kind}: {@code rate} per {@code period}, refilled gradually. */
	static BucketSpec rate(String key, Kind kind, long rate, Duration period) {
		return new BucketSpec(key + ":" + rate + "/" + period,
				BucketConfiguration.builder()
					.addLimit((limit) -> limit.capacity(rate).refillGreedy(rate, period))
					.build(),
				period.multipliedBy(2).plusSeconds(10), kind);
	}

	/**
	 * A counter of what was spent in one budget period, kept a day past the longest such
	 * period.
	 */
	static BucketSpec counter(String key, Duration longestPeriod) {
		return new BucketSpec(key,
				BucketConfiguration.builder()
					.addLimit((limit) -> limit.capacity(COUNTER_CAPACITY)
						.refillIntervally(COUNTER_CAPACITY, Duration.ofDays(400)))
					.build(),
				longestPeriod.plusDays(1), Kind.BUDGET);
	}

	/**
	 * Whether it refills (a rate): a shared store then keeps it until it would be full
	 * again, and for {@code timeToLive} otherwise.
	 */
	boolean refills() {
		return this.kind != Kind.BUDGET;
	}

	/** What a bucket counts. */
	enum Kind {

		/** Requests of a request rate. */
		REQUESTS,

		/** Tokens of a token rate. */
		TOKENS,

		/** What was spent of a budget. */
		BUDGET

	}

}
