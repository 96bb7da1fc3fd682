package io.github.linkai.demo;

/**
 * The provider faults the demo's stub can act out, asked for by putting a fault's {@link #marker()} in the
 * message ({@code "Hello [fault:429]"}): the page's fault menu does that, and so can any caller of the API.
 * Only the stub reads markers; a real provider gets them as part of the question.
 */
enum DemoFault {

	/** Every piece of the answer arrives late. */
	SLOW("slow", "slow: each piece of the answer late"),

	/** The connection drops after a few pieces of the answer. */
	CUT("cut", "cut: connection drops mid-answer"),

	/** 429 with {@code Retry-After}, on every attempt. */
	RATE_LIMITED("429", "429: rate limited (Retry-After)"),

	/** 503 on every attempt. */
	UNAVAILABLE("503", "503: provider unavailable");

	private final String code;

	private final String label;

	DemoFault(String code, String label) {
		this.code = code;
		this.label = label;
	}

	/** What to put in a message to ask for this fault, e.g. {@code [fault:429]}. */
	String marker() {
		return "[fault:" + this.code + "]";
	}

	/** How the page's fault menu names it. */
	String label() {
		return this.label;
	}

}
