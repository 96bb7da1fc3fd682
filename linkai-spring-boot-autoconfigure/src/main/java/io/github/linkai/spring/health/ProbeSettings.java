package io.github.linkai.spring.health;

import java.time.Duration;
import java.util.Objects;

/**
 * The active probe: a real chat call made by a health check when no call has ended within
 * the interval. Every probe spends tokens.
 *
 * @param interval the least time between two probes of a client, and how long real calls
 * make probing unnecessary
 * @param timeout how long a probe may take before it counts as a provider-side failure
 * @param message the user message the probe sends, with the client's default options
 */
public record ProbeSettings(Duration interval, Duration timeout, String message) {

	public ProbeSettings {
		Objects.requireNonNull(interval, "interval must not be null");
		Objects.requireNonNull(timeout, "timeout must not be null");
		Objects.requireNonNull(message, "message must not be null");
		if (interval.isNegative() || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("interval must not be negative and timeout must be positive");
		}
		if (message.isBlank()) {
			throw new IllegalArgumentException("message must not be blank");
		}
	}

}
