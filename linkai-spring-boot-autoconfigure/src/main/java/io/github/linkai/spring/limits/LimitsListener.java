package io.github.linkai.spring.limits;

import java.time.Duration;
import java.util.List;

/**
 * Told what the limits did, e.g. to count it. Called on the thread of the call's signals:
 * quick, never throwing.
 */
public interface LimitsListener {

	/** A listener that does nothing. */
	LimitsListener NONE = new LimitsListener() {
	};

	/**
	 * A call waited for a limit before it went on or was refused.
	 * @param limit {@code in-flight} or {@code request-rate}
	 */
	default void waited(String clientName, String limit, Duration waited) {
	}

	/**
	 * A call was refused before it was sent.
	 * @param reason as
	 * {@link io.github.linkai.spring.client.error.CallRejectedException#reason()}
	 */
	default void rejected(String clientName, String reason) {
	}

	/** The shared store became unavailable. */
	default void storeOutage() {
	}

	/**
	 * A decision was made without the shared store while it was unavailable.
	 * @param mode {@code open} (let through) or {@code closed} (refused)
	 */
	default void storeDecision(String mode) {
	}

	/** An update after a call was dropped while the shared store was unavailable. */
	default void storeDropped() {
	}

	/**
	 * The clients' gates are made: {@code limits} can say each one's breaker, keys and
	 * budget (e.g. for gauges).
	 */
	default void gatesMade(Limits limits) {
	}

	/** The listeners as one. */
	static LimitsListener of(List<LimitsListener> listeners) {
		List<LimitsListener> all = List.copyOf(listeners);
		return switch (all.size()) {
			case 0 -> NONE;
			case 1 -> all.get(0);
			default -> new CompositeLimitsListener(all);
		};
	}

}
