package io.github.linkai.spring.client.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The client's provider kept failing, so its circuit breaker is open: calls fail at once
 * until the cooldown passes, then one call tries it again.
 */
public class CircuitOpenException extends CallRejectedException {

	public CircuitOpenException(String provider, String clientName, @Nullable Duration retryAfter) {
		super(provider, clientName, "circuit-open", "The provider kept failing: the circuit breaker is open"
				+ ((retryAfter != null) ? " for " + retryAfter : "") + " (breaker.*)", retryAfter, null);
	}

}
