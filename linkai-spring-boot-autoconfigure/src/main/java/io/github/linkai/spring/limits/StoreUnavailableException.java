package io.github.linkai.spring.limits;

/**
 * A shared store that cannot be reached, failing closed: the gate turns it into the
 * client's {@link io.github.linkai.spring.client.error.LimiterUnavailableException}.
 */
final class StoreUnavailableException extends RuntimeException {

	StoreUnavailableException(String message) {
		super(message, null, false, false);
	}

}
