package io.github.linkai.spring.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * Where the clients' buckets and shared states are kept: this instance's memory, or Redis
 * for every instance. While a shared store cannot be reached, what it answers depends on
 * its mode: failing open, a read is empty (unknown) and a take succeeds; failing closed,
 * both fail with a {@link StoreUnavailableException}. Updates after a call are then
 * dropped, never replayed. Nothing waits past the timeout given.
 */
interface LimitStore {

	/** The tokens left in the bucket; empty when the store cannot say. */
	Mono<Long> available(BucketSpec bucket, Duration timeout);

	/**
	 * Takes one token, waiting for it at most {@code maxWait}: whether one was taken.
	 */
	Mono<Boolean> take(BucketSpec bucket, Duration maxWait, Duration timeout);

	/**
	 * Takes {@code amount} tokens, into debt if need be: the tokens left after; empty
	 * when the update was dropped.
	 */
	Mono<Long> spend(BucketSpec bucket, long amount);

	/** Keeps {@code value} under {@code key} until {@code until}, for every instance. */
	Mono<Void> put(String key, String value, Instant until);

	/** The values kept under {@code keys}; a missing one is absent. */
	Mono<Map<String, String>> get(List<String> keys);

	/** Whether the store is shared by every instance. */
	boolean isShared();

	/** Whether the store can be reached now (always, for this instance's memory). */
	default boolean isAvailable() {
		return true;
	}

}
