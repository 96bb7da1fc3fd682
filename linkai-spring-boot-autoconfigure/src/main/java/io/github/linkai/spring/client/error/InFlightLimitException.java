package io.github.linkai.spring.client.error;

import java.time.Duration;

/**
 * The client already had its most calls and streams in flight, and none ended within the
 * wait allowed: this instance's own back-pressure. Another client does not answer
 * instead.
 */
public class InFlightLimitException extends CallRejectedException {

	private final int limit;

	public InFlightLimitException(String provider, String clientName, int limit, Duration waited) {
		super(provider, clientName, "in-flight",
				"More than " + limit + " calls in flight; none ended within " + waited + " (limits.max-in-flight)",
				null, null);
		this.limit = limit;
	}

	/** The most calls and streams in flight. */
	public int limit() {
		return this.limit;
	}

	@Override
	public boolean isAccountSide() {
		return false;
	}

}
