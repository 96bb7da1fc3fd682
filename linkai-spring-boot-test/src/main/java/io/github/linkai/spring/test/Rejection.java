package io.github.linkai.spring.test;

/**
 * A request the stubbed API refuses, with the status and message its documentation gives;
 * each {@link ProviderApi} writes it in its provider's error body format.
 */
final class Rejection extends RuntimeException {

	private final int status;

	Rejection(int status, String message) {
		// Control flow, not a failure of the stub: no stack trace.
		super(message, null, false, false);
		this.status = status;
	}

	int status() {
		return this.status;
	}

}
