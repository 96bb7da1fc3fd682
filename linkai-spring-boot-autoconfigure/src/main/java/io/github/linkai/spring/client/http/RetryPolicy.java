package io.github.linkai.spring.client.http;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long a failed attempt waits before the next: exponential backoff with
 * jitter, {@code min(initialBackoff * 2^n, maxBackoff)} ±{@code jitter}, replaced by the
 * server's {@code Retry-After} (or {@code Retry-After-Ms}) when it sends one. A server
 * asking for longer than {@code maxRetryAfter} is not waited for: the error surfaces at
 * once, with {@code retryAfter()}, so the caller can decide.
 *
 * @param maxRetries attempts after the first; {@code 0} turns retries off
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff the longest computed wait
 * @param jitter the share of a computed wait that is random, [0, 1]
 * @param maxRetryAfter the longest server-requested wait that is honoured
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, double jitter,
		Duration maxRetryAfter) {

	private static final RetryPolicy DEFAULTS = new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), 0.25,
			Duration.ofSeconds(60));

	public RetryPolicy {
		Objects.requireNonNull(initialBackoff, "initialBackoff must not be null");
		Objects.requireNonNull(maxBackoff, "maxBackoff must not be null");
		Objects.requireNonNull(maxRetryAfter, "maxRetryAfter must not be null");
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must not be negative but was " + maxRetries);
		}
		if (!(jitter >= 0 && jitter <= 1)) {
			throw new IllegalArgumentException("jitter must be in [0, 1] but was " + jitter);
		}
		if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
			throw new IllegalArgumentException("durations must not be negative");
		}
	}

	/** Two retries, 0.5 s doubling to 8 s, ±25 %, a server's wait honoured up to 60 s. */
	public static RetryPolicy defaults() {
		return DEFAULTS;
	}

	/** No retries. */
	public static RetryPolicy none() {
		return new RetryPolicy(0, DEFAULTS.initialBackoff, DEFAULTS.maxBackoff, DEFAULTS.jitter,
				DEFAULTS.maxRetryAfter);
	}

	/**
	 * The computed wait before retry number {@code retry} (0 for the first).
	 * @param random a number in [0, 1), drawn per wait
	 */
	public Duration backoff(long retry, double random) {
		double base = (double) this.initialBackoff.toNanos() * Math.pow(2, (double) Math.min(retry, 30));
		double capped = Math.min(base, (double) this.maxBackoff.toNanos());
		double spread = capped * this.jitter * (2 * random - 1);
		return Duration.ofNanos((long) Math.max(0, capped + spread));
	}

}
