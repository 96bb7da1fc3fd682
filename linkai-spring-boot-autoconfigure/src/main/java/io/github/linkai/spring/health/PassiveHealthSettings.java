package io.github.linkai.spring.health;

import java.time.Duration;
import java.util.Objects;

/**
 * The rules of passive health.
 *
 * @param window how far back calls count: DOWN and OUT_OF_SERVICE need evidence within
 * it, and the error rate is measured over it
 * @param failureThreshold provider-side failures in a row, all within the window, that
 * make a client DOWN
 */
public record PassiveHealthSettings(Duration window, int failureThreshold) {

	public PassiveHealthSettings {
		Objects.requireNonNull(window, "window must not be null");
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive but was " + window);
		}
		if (failureThreshold < 1) {
			throw new IllegalArgumentException("failureThreshold must be at least 1 but was " + failureThreshold);
		}
	}

	/** Five minutes, three failures in a row. */
	public static PassiveHealthSettings defaults() {
		return new PassiveHealthSettings(Duration.ofMinutes(5), 3);
	}

}
