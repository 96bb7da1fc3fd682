package io.github.linkai.demo;

import java.time.Duration;
import java.util.function.Predicate;

import io.github.linkai.spring.test.StubAnswer;
import io.github.linkai.spring.test.StubRequest;
import io.github.linkai.spring.test.StubRequests;
import org.jspecify.annotations.Nullable;

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
	UNAVAILABLE("503", "503 unavailable", StubAnswer.status(503)),

	/**
	 * 503 on every attempt, from LinkAI only: the {@code resilient} client's own provider
	 * fails and its fallback answers.
	 */
	LINKAI_DOWN("linkai-down", "LinkAI down (others answer)", StubAnswer.status(503), "linkai");

	private final String code;

	private final String label;

	private final StubAnswer answer;

	private final @Nullable String provider;

	DemoFault(String code, String label, StubAnswer answer) {
		this(code, label, answer, null);
	}

	DemoFault(String code, String label, StubAnswer answer, @Nullable String provider) {
		this.code = code;
		this.label = label;
		this.answer = answer;
		this.provider = provider;
	}

	/** What to put in a message to ask for this fault, e.g. {@code [fault:429]}. */
	String marker() {
		return "[fault:" + this.code + "]";
	}

	/** How the page's fault menu names it. */
	String label() {
		return this.label;
	}

	/**
	 * Which requests the stub answers with it: those holding the marker (to one
	 * provider).
	 */
	Predicate<StubRequest> matcher() {
		Predicate<StubRequest> marked = StubRequests.contentContains(marker());
		return (this.provider != null) ? marked.and(StubRequests.provider(this.provider)) : marked;
	}

	/** What the stub answers a message holding the marker with. */
	StubAnswer answer() {
		return this.answer;
	}

}
