package io.github.linkai.spring.client.admission;

import java.math.BigDecimal;

import io.github.linkai.spring.client.Usage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * An admitted call. Exactly one of {@link #completed}, {@link #failed} and
 * {@link #cancelled} ends it (later calls of any of them are ignored); each gives the
 * call's place in flight back. Called on the thread of the call's signals:
 * implementations are quick and never throw.
 */
public interface CallPermit {

	/**
	 * The key under which an admitted call's permit is found in its Reactor context, for
	 * the exchange to take each attempt from it.
	 */
	Object CONTEXT_KEY = CallPermit.class;

	/** A permit with no limits: every attempt at once with the first key. */
	static CallPermit unlimited() {
		return UnlimitedPermit.INSTANCE;
	}

	/**
	 * Before each attempt, the first and every retry: takes a request from the request
	 * rate (waiting up to the configured bound, within the deadline) and picks the key.
	 * Fails with a {@link io.github.linkai.spring.client.error.CallRejectedException}.
	 * @param number 0 for the first attempt
	 */
	Mono<Attempt> attempt(int number);

	/**
	 * An attempt failed. A 429 rests its key until the provider's reset; a rejected
	 * credential or an exhausted quota rests it for the key cooldown.
	 * @return whether the next attempt may go at once with another usable key, before any
	 * backoff
	 */
	boolean attemptFailed(Attempt attempt, Throwable error);

	/**
	 * What the provider said about its limits on an attempt that got an answer
	 * (rate-limit headers).
	 */
	void providerLimits(Attempt attempt, ProviderLimits limits);

	/**
	 * The answer began: the first chunk of a stream, or the decoded reply of a call. The
	 * circuit breaker counts the call as a success here.
	 */
	void answered();

	/**
	 * The call completed.
	 * @param usage the answer's token usage, if reported
	 * @param cost its cost: the provider's own figure, else the price table's, if known
	 */
	void completed(@Nullable Usage usage, @Nullable BigDecimal cost);

	/**
	 * The call failed, after its retries. A provider failure before {@link #answered()}
	 * counts against the circuit breaker.
	 */
	void failed(Throwable error);

	/** The caller cancelled: nothing is recorded. */
	void cancelled();

}
