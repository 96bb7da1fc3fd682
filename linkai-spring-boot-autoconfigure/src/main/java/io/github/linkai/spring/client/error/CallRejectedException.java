package io.github.linkai.spring.client.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The call was refused inside this application, before it reached the provider: nothing
 * was sent. It says nothing about the provider, so it is never retried by the client and
 * never counted by health, and a web application answers it as "busy, try again shortly"
 * (503 application-busy, with {@link #retryAfter()} as its {@code Retry-After}), not as a
 * provider failure. Each subclass names the local limit that refused the call: a full
 * connection pool ({@link LocalSaturationException}), calls in flight, a request or token
 * rate, a budget, an open circuit breaker, no usable key, or a limiter that cannot
 * decide.
 */
public class CallRejectedException extends ChatClientException {

	private final String reason;

	private final @Nullable Duration retryAfter;

	/**
	 * A refused call.
	 * @param provider the provider
	 * @param clientName the configured client
	 * @param reason what refused it, as meters and logs name it (e.g. {@code in-flight})
	 * @param message what happened and what to do; {@code "; nothing was sent"} is
	 * appended
	 * @param retryAfter when trying again may pass, if the limit knows
	 * @param cause what the limit raised, if anything
	 */
	public CallRejectedException(String provider, String clientName, String reason, String message,
			@Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(provider, clientName, message + "; nothing was sent", cause);
		this.reason = reason;
		this.retryAfter = retryAfter;
	}

	/**
	 * What refused the call: {@code connection-pool}, {@code in-flight},
	 * {@code request-rate}, {@code token-rate}, {@code budget}, {@code circuit-open},
	 * {@code no-usable-key} or {@code store-unavailable}.
	 */
	public String reason() {
		return this.reason;
	}

	/** When trying again may pass, if the limit that refused the call knows. */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Whether it mirrors the provider account's capacity (a rate, a budget, a key, an
	 * open breaker), so that another client may answer instead, rather than this
	 * instance's own capacity (a full pool, calls in flight, a limiter that cannot
	 * decide).
	 */
	public boolean isAccountSide() {
		return true;
	}

}
