package io.github.linkai.spring.limits;

import java.time.Duration;

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

}
