package io.github.linkai.spring.client.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A call refused on this side before anything was sent: a local limit, a budget, an open
 * circuit breaker, no usable key, or a limiter that cannot decide. Never retried by the
 * client and never counted against the provider's health; {@link #retryAfter()} says when
 * trying again may succeed, for a {@code Retry-After} of the caller's own answer.
 */
public class CallRejectedException extends ChatClientException {

	private final String reason;

	private final @Nullable Duration retryAfter;

	/**
	 * A refused call.
	 * @param reason what refused it, as meters and logs name it (e.g. {@code in-flight})
	 * @param message what happened and what to do; {@code "; nothing was sent"} is
	 * appended
	 * @param retryAfter when trying again may succeed, if known
	 */
	public CallRejectedException(String provider, String clientName, String reason, String message,
			@Nullable Duration retryAfter) {
		super(provider, clientName, message + "; nothing was sent", null);
		this.reason = reason;
		this.retryAfter = retryAfter;
	}

	/**
	 * What refused the call: {@code in-flight}, {@code request-rate}, {@code token-rate},
	 * {@code budget}, {@code circuit-open}, {@code no-usable-key} or
	 * {@code store-unavailable}.
	 */
	public String reason() {
		return this.reason;
	}

	/** When trying again may succeed, if known. */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Whether it mirrors the provider account's capacity (a rate, a budget, a key, an
	 * open breaker), so that another client may answer instead, rather than this
	 * instance's own capacity (calls in flight, a limiter that cannot decide).
	 */
	public boolean isAccountSide() {
		return true;
	}

}
