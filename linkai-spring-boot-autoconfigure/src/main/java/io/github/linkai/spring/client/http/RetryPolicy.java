package io.github.linkai.spring.client.http;

import java.time.Duration;
import java.util.Set;

import io.github.linkai.spring.client.error.CallRejectedException;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.error.ChatTransportException;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.spi.SettingProblems;
import org.jspecify.annotations.Nullable;

/**
 * When a failed attempt is made again, and after how long. Retried is what may pass on a
 * second attempt: connection failures and the statuses 429, 500, 502, 503 and 504; never
 * another 4xx, and never a call the server may have acted on when it keeps state (a
 * memory chat turn would be stored twice): for those only failures to connect, 429 and
 * 503. Never a call this application refused itself ({@link CallRejectedException}, such
 * as a full connection pool): asking again only adds to what is full. The wait is
 * exponential backoff with jitter, {@code min(initialBackoff * 2^n, maxBackoff)}
 * ±{@code jitter}, replaced by the server's {@code Retry-After} (or
 * {@code Retry-After-Ms}); a server asking for longer than {@code maxRetryAfter} is not
 * waited for: the error surfaces at once, with its {@code retryAfter()}, so the caller
 * can decide.
 *
 * <p>
 * A JavaBean, so that Spring Boot binds it as a client's {@code retry.*} properties.
 */
public class RetryPolicy {

	/**
	 * What a second attempt may get past: throttling and often transient server errors.
	 */
	private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 500, 502, 503, 504);

	/**
	 * Of those, the ones that say the server did not take the request: the only ones
	 * retried for a call to a server that keeps state.
	 */
	private static final Set<Integer> REFUSED_STATUSES = Set.of(429, 503);

	/** Attempts after the first; 0 turns retries off. */
	private int maxRetries = 2;

	/** Wait before the first retry; each next one doubles. */
	private Duration initialBackoff = Duration.ofMillis(500);

	/** Longest computed wait between two attempts. */
	private Duration maxBackoff = Duration.ofSeconds(8);

	/**
	 * Share of each computed wait that is random, in [0, 1], so clients do not retry in
	 * step.
	 */
	private double jitter = 0.25;

	/**
	 * Longest Retry-After a server may ask for and still be waited for; a longer one
	 * fails at once.
	 */
	private Duration maxRetryAfter = Duration.ofSeconds(60);

	/** No retries, every other value its default. */
	public static RetryPolicy none() {
		RetryPolicy none = new RetryPolicy();
		none.setMaxRetries(0);
		return none;
	}

	public int getMaxRetries() {
		return this.maxRetries;
	}

	public void setMaxRetries(int maxRetries) {
		this.maxRetries = maxRetries;
	}

	public Duration getInitialBackoff() {
		return this.initialBackoff;
	}

	public void setInitialBackoff(Duration initialBackoff) {
		this.initialBackoff = initialBackoff;
	}

	public Duration getMaxBackoff() {
		return this.maxBackoff;
	}

	public void setMaxBackoff(Duration maxBackoff) {
		this.maxBackoff = maxBackoff;
	}

	public double getJitter() {
		return this.jitter;
	}

	public void setJitter(double jitter) {
		this.jitter = jitter;
	}

	public Duration getMaxRetryAfter() {
		return this.maxRetryAfter;
	}

	public void setMaxRetryAfter(Duration maxRetryAfter) {
		this.maxRetryAfter = maxRetryAfter;
	}

	/** Reports each value out of range, named as a client's {@code retry.*} property. */
	public void validate(SettingProblems problems) {
		if (this.maxRetries < 0) {
			problems.reject("retry.max-retries", this.maxRetries, "Must be 0 (no retries) or more");
		}
		notNegative(problems, "retry.initial-backoff", this.initialBackoff);
		notNegative(problems, "retry.max-backoff", this.maxBackoff);
		notNegative(problems, "retry.max-retry-after", this.maxRetryAfter);
		if (!(this.jitter >= 0 && this.jitter <= 1)) {
			problems.reject("retry.jitter", this.jitter, "Must be in [0, 1]");
		}
	}

	private static void notNegative(SettingProblems problems, String setting, @Nullable Duration value) {
		if (value == null || value.isNegative()) {
			problems.reject(setting, value, "Must not be negative");
		}
	}

	/**
	 * The wait before retrying after {@code error}, or {@code null} when it is not
	 * retried.
	 * @param error the attempt's failure, as the exchange typed it
	 * @param retry the number of retries made so far
	 * @param stateful whether the server keeps state, so that a request it may have acted
	 * on must not be sent again
	 * @param random a number in [0, 1), drawn per wait
	 * @param timeLeft the time left before the call's deadline: a wait that would outlast
	 * it is not made, so the error surfaces now (a {@code Retry-After} of 5 minutes with
	 * 1 left is a {@code RateLimitedException} saying so, not a timeout later)
	 */
	@Nullable Duration delay(Throwable error, long retry, boolean stateful, double random, Duration timeLeft) {
		Duration delay = delay(error, retry, stateful, random);
		return (delay != null && delay.compareTo(timeLeft) < 0) ? delay : null;
	}

	private @Nullable Duration delay(Throwable error, long retry, boolean stateful, double random) {
		if (retry >= this.maxRetries || error instanceof CallRejectedException) {
			return null;
		}
		if (error instanceof ProviderApiException api) {
			if (!RETRYABLE_STATUSES.contains(api.statusCode())
					|| (stateful && !REFUSED_STATUSES.contains(api.statusCode()))) {
				// a 500, 502 or 504 may come after the server (or the one behind a
				// gateway) stored the turn
				return null;
			}
			Duration asked = api.retryAfter();
			if (asked != null) {
				return (asked.compareTo(this.maxRetryAfter) <= 0) ? asked : null;
			}
			return backoff(retry, random);
		}
		if (error instanceof ChatTransportException && (TransportErrors.isConnectFailure(error)
				|| (!(error instanceof ChatTimeoutException) && !stateful))) {
			// not connected: nothing was sent; reset or closed early: only a stateless
			// endpoint may see it twice
			return backoff(retry, random);
		}
		return null;
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
