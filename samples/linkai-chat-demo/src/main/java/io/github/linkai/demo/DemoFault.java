package io.github.linkai.demo;

import java.time.Duration;

import io.github.linkai.spring.test.StubAnswer;

/**
 * The provider faults the demo's stub can act out, asked for by putting a fault's
 * {@link #marker()} in the message ({@code "Hello [fault:429]"}): the page's fault menu
 * does that, and so can any caller of the API. Only the stub reads markers; a real
 * provider gets them as part of the question.
 */
enum DemoFault {

	/** Every piece of the answer arrives late. */
	SLOW("slow", "slow answer", StubAnswer.echo().withChunkDelay(Duration.ofMillis(300))),

	/** The connection drops after a few pieces of the answer. */
	CUT("cut", "connection cut mid-answer", StubAnswer.echo().withChunkDelay(Duration.ofMillis(40)).withCutAfter(6)),

	/**
	 * 429 with {@code Retry-After: 1}, on every attempt (the client retries twice, then
	 * gives up).
	 */
	RATE_LIMITED("429", "429 rate limited", StubAnswer.rateLimited(Duration.ofSeconds(1))),

	/** 503 on every attempt (the client retries twice, then gives up). */
	UNAVAILABLE("503", "503 unavailable", StubAnswer.status(503));

	private final String code;

	private final String label;

	private final StubAnswer answer;

	DemoFault(String code, String label, StubAnswer answer) {
		this.code = code;
		this.label = label;
		this.answer = answer;
	}

	/** What to put in a message to ask for this fault, e.g. {@code [fault:429]}. */
	String marker() {
		return "[fault:" + this.code + "]";
	}

	/** How the page's fault menu names it. */
	String label() {
		return this.label;
	}

	/** What the stub answers a message holding the marker with. */
	StubAnswer answer() {
		return this.answer;
	}

}
