package io.github.linkai.spring.test;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the {@link ProviderStub} answers a request with, written in the format of the
 * provider that was asked: a reply (a fixed text, given stream chunks, or the stub's own
 * echo), an error status with the provider's error body, or a fault. Immutable; the
 * {@code with...} methods return a changed copy.
 *
 * <pre>{@code
 * StubAnswer.text("你好");                                  // a reply; streamed in token-sized chunks
 * StubAnswer.chunks("Hel", "lo");                           // a stream of exactly these chunks
 * StubAnswer.status(503);                                   // the provider's error body for 503
 * StubAnswer.rateLimited(Duration.ofSeconds(2));            // 429 with Retry-After: 2
 * StubAnswer.echo().withChunkDelay(Duration.ofMillis(200)); // slow
 * StubAnswer.text("partial answer").withCutAfter(2);        // connection reset after two events
 * StubAnswer.stall();                                       // headers, then nothing
 * }</pre>
 */
public final class StubAnswer {

	private enum Kind {

		ECHO, CHUNKS, ERROR, STALL

	}

	private final Kind kind;

	private final List<String> chunks;

	private final int status;

	private final @Nullable String message;

	private final @Nullable Duration retryAfter;

	private final Duration chunkDelay;

	private final int cutAfter;

	private final int stallAfter;

	private final @Nullable List<StubSource> sources;

	private StubAnswer(Kind kind, List<String> chunks, int status, @Nullable String message,
			@Nullable Duration retryAfter, Duration chunkDelay, int cutAfter, int stallAfter,
			@Nullable List<StubSource> sources) {
		this.kind = kind;
		this.chunks = List.copyOf(chunks);
		this.status = status;
		this.message = message;
		this.retryAfter = retryAfter;
		this.chunkDelay = chunkDelay;
		this.cutAfter = cutAfter;
		this.stallAfter = stallAfter;
		this.sources = (sources != null) ? List.copyOf(sources) : null;
	}

	private static StubAnswer of(Kind kind, List<String> chunks) {
		return new StubAnswer(kind, chunks, 200, null, null, Duration.ZERO, -1, -1, null);
	}

	/**
	 * The stub's own answer, as when nothing is scripted: it echoes the question (and, in
	 * LinkAI memory chat, remembers the session's turns). Useful with a fault:
	 * {@code echo().withChunkDelay(...)}.
	 */
	public static StubAnswer echo() {
		return of(Kind.ECHO, List.of());
	}

	/**
	 * A reply with this text, streamed in token-sized chunks (a word, or two Chinese
	 * characters).
	 */
	public static StubAnswer text(String text) {
		Objects.requireNonNull(text, "text must not be null");
		return of(Kind.CHUNKS, Answers.tokens(text));
	}

	/**
	 * A reply streamed in exactly these chunks; a request that does not stream gets them
	 * joined.
	 */
	public static StubAnswer chunks(String... chunks) {
		List<String> list = List.of(chunks);
		if (list.isEmpty()) {
			throw new IllegalArgumentException("at least one chunk is required");
		}
		return of(Kind.CHUNKS, list);
	}

	/**
	 * An error response with this status and the provider's error body, holding the
	 * message the provider's document gives for it (or a generic one for a status it does
	 * not document).
	 * @param status a 4xx or 5xx status
	 */
	public static StubAnswer status(int status) {
		return error(status, null, null);
	}

	/** An error response with this status and message, in the provider's error body. */
	public static StubAnswer status(int status, String message) {
		Objects.requireNonNull(message, "message must not be null");
		return error(status, message, null);
	}

	/** 429 with the provider's error body and {@code Retry-After} in whole seconds. */
	public static StubAnswer rateLimited(Duration retryAfter) {
		Objects.requireNonNull(retryAfter, "retryAfter must not be null");
		if (retryAfter.isNegative()) {
			throw new IllegalArgumentException("retryAfter must not be negative");
		}
		return error(429, null, retryAfter);
	}

	/**
	 * Status 200 and the response headers, then nothing: neither a body nor an event,
	 * until the client gives up.
	 */
	public static StubAnswer stall() {
		return of(Kind.STALL, List.of());
	}

	private static StubAnswer error(int status, @Nullable String message, @Nullable Duration retryAfter) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("an error status is 4xx or 5xx, not " + status);
		}
		return new StubAnswer(Kind.ERROR, List.of(), status, message, retryAfter, Duration.ZERO, -1, -1, null);
	}

	/**
	 * The same reply, slow: a pause before each streamed event (before the whole reply,
	 * one pause per chunk, when the request does not stream).
	 */
	public StubAnswer withChunkDelay(Duration delay) {
		Objects.requireNonNull(delay, "delay must not be null");
		if (delay.isNegative()) {
			throw new IllegalArgumentException("delay must not be negative");
		}
		return new StubAnswer(reply(), this.chunks, this.status, this.message, this.retryAfter, delay, this.cutAfter,
				this.stallAfter, this.sources);
	}

	/**
	 * The same reply, cut: the connection is reset after this many stream events (0:
	 * after the headers), so the answer never ends. A request that does not stream is
	 * reset before its body.
	 */
	public StubAnswer withCutAfter(int events) {
		return new StubAnswer(reply(), this.chunks, this.status, this.message, this.retryAfter, this.chunkDelay,
				notNegative(events), -1, this.sources);
	}

	/**
	 * The same reply, stalled: after this many stream events nothing more is sent, and
	 * the connection stays open.
	 */
	public StubAnswer withStallAfter(int events) {
		return new StubAnswer(reply(), this.chunks, this.status, this.message, this.retryAfter, this.chunkDelay, -1,
				notNegative(events), this.sources);
	}

	/**
	 * The same reply with these search sources (Jijyun's {@code source}); other providers
	 * have none.
	 */
	public StubAnswer withSources(StubSource... sourceList) {
		return new StubAnswer(reply(), this.chunks, this.status, this.message, this.retryAfter, this.chunkDelay,
				this.cutAfter, this.stallAfter, List.of(sourceList));
	}

	private Kind reply() {
		if (this.kind != Kind.ECHO && this.kind != Kind.CHUNKS) {
			throw new IllegalStateException("only a reply (echo, text, chunks) can be changed so, not " + this);
		}
		return this.kind;
	}

	private static int notNegative(int events) {
		if (events < 0) {
			throw new IllegalArgumentException("events must not be negative");
		}
		return events;
	}

	boolean isEcho() {
		return this.kind == Kind.ECHO;
	}

	boolean isError() {
		return this.kind == Kind.ERROR;
	}

	boolean isStall() {
		return this.kind == Kind.STALL;
	}

	List<String> chunks() {
		return this.chunks;
	}

	int status() {
		return this.status;
	}

	@Nullable String message() {
		return this.message;
	}

	@Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	Duration chunkDelay() {
		return this.chunkDelay;
	}

	/** Events sent before the connection is reset, or -1. */
	int cutAfter() {
		return this.cutAfter;
	}

	/** Events sent before the stream stalls, or -1. */
	int stallAfter() {
		return this.stallAfter;
	}

	/** Sources to send, or {@code null} for the provider's own choice. */
	@Nullable List<StubSource> sources() {
		return this.sources;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("StubAnswer[").append(this.kind.name().toLowerCase());
		switch (this.kind) {
			case CHUNKS -> text.append(' ').append(this.chunks.size()).append(" chunks");
			case ERROR -> text.append(' ').append(this.status);
			default -> {
			}
		}
		if (this.retryAfter != null) {
			text.append(", retry after ").append(this.retryAfter);
		}
		if (!this.chunkDelay.isZero()) {
			text.append(", ").append(this.chunkDelay.toMillis()).append(" ms per chunk");
		}
		if (this.cutAfter >= 0) {
			text.append(", cut after ").append(this.cutAfter);
		}
		if (this.stallAfter >= 0) {
			text.append(", stall after ").append(this.stallAfter);
		}
		return text.append(']').toString();
	}

}
