package io.github.linkai.spring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

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
 *
 * <p>
 * The OpenAI-compatible endpoint and LinkAI's chat also answer with tool calls, reasoning
 * and JSON, streamed in fragments the way the real servers send them (see
 * {@link StubWireStyle}):
 *
 * <pre>{@code
 * StubAnswer.toolCalls(StubToolCall.of("current_time", "{\"city\":\"上海\"}")).withReasoning("先查时间");
 * StubAnswer.text("上海现在 14:05").withReasoning("工具说是 14:05");
 * StubAnswer.json("{\"city\":\"上海\",\"time\":\"14:05\"}");
 * StubAnswer.toolCalls(call).withWireStyle(StubWireStyle.KIMI);        // Kimi's ids and usage
 * StubAnswer.text("海报做好了").withMedia("https://cdn.example.com/poster.png"); // LinkAI's img_urls
 * }</pre>
 *
 * The other endpoints have none of these and send the text only.
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

	private final @Nullable String reasoning;

	private final List<StubToolCall> toolCalls;

	private final List<String> media;

	private final StubWireStyle style;

	private StubAnswer(Kind kind, List<String> chunks, int status, @Nullable String message,
			@Nullable Duration retryAfter, Duration chunkDelay, int cutAfter, int stallAfter,
			@Nullable List<StubSource> sources) {
		this(kind, chunks, status, message, retryAfter, chunkDelay, cutAfter, stallAfter, sources, null, List.of(),
				List.of(), StubWireStyle.OPENAI);
	}

	private StubAnswer(Kind kind, List<String> chunks, int status, @Nullable String message,
			@Nullable Duration retryAfter, Duration chunkDelay, int cutAfter, int stallAfter,
			@Nullable List<StubSource> sources, @Nullable String reasoning, List<StubToolCall> toolCalls,
			List<String> media, StubWireStyle style) {
		this.kind = kind;
		this.chunks = List.copyOf(chunks);
		this.status = status;
		this.message = message;
		this.retryAfter = retryAfter;
		this.chunkDelay = chunkDelay;
		this.cutAfter = cutAfter;
		this.stallAfter = stallAfter;
		this.sources = (sources != null) ? List.copyOf(sources) : null;
		this.reasoning = reasoning;
		this.toolCalls = List.copyOf(toolCalls);
		this.media = List.copyOf(media);
		this.style = style;
	}

	private static StubAnswer of(Kind kind, List<String> chunks) {
		return new StubAnswer(kind, chunks, 200, null, null, Duration.ZERO, -1, -1, null);
	}

	/** This answer with the tool-call extras changed. */
	private StubAnswer withExtras(List<String> chunkList, @Nullable String reasoningText, List<StubToolCall> calls,
			List<String> mediaUrls, StubWireStyle wireStyle) {
		return new StubAnswer(reply(), chunkList, this.status, this.message, this.retryAfter, this.chunkDelay,
				this.cutAfter, this.stallAfter, this.sources, reasoningText, calls, mediaUrls, wireStyle);
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
	 * A reply that calls these tools: no text ({@code "content": null}), finish reason
	 * {@code tool_calls}; in a stream each call in fragments, the id and name in the
	 * first, the arguments in token-sized pieces after it. OpenAI-compatible and LinkAI
	 * chat only.
	 */
	public static StubAnswer toolCalls(StubToolCall... calls) {
		List<StubToolCall> list = List.of(calls);
		if (list.isEmpty()) {
			throw new IllegalArgumentException("at least one tool call is required");
		}
		return new StubAnswer(Kind.CHUNKS, List.of(), 200, null, null, Duration.ZERO, -1, -1, null, null, list,
				List.of(), StubWireStyle.OPENAI);
	}

	/**
	 * A reply whose text is this JSON (what a response format asks for), streamed in
	 * token-sized pieces.
	 * @throws IllegalArgumentException when the text is not JSON
	 */
	public static StubAnswer json(String json) {
		Objects.requireNonNull(json, "json must not be null");
		if (StubHttp.parse(json).isMissingNode()) {
			throw new IllegalArgumentException("the answer is not JSON; script broken JSON with text(...)");
		}
		return text(json);
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
				this.stallAfter, this.sources, this.reasoning, this.toolCalls, this.media, this.style);
	}

	/**
	 * The same reply, cut: the connection is reset after this many stream events (0:
	 * after the headers), so the answer never ends. A request that does not stream is
	 * reset before its body.
	 */
	public StubAnswer withCutAfter(int events) {
		return new StubAnswer(reply(), this.chunks, this.status, this.message, this.retryAfter, this.chunkDelay,
				notNegative(events), -1, this.sources, this.reasoning, this.toolCalls, this.media, this.style);
	}

	/**
	 * The same reply, stalled: after this many stream events nothing more is sent, and
	 * the connection stays open.
	 */
	public StubAnswer withStallAfter(int events) {
		return new StubAnswer(reply(), this.chunks, this.status, this.message, this.retryAfter, this.chunkDelay, -1,
				notNegative(events), this.sources, this.reasoning, this.toolCalls, this.media, this.style);
	}

	/**
	 * The same reply with these search sources (Jijyun's {@code source}); other providers
	 * have none.
	 */
	public StubAnswer withSources(StubSource... sourceList) {
		return new StubAnswer(reply(), this.chunks, this.status, this.message, this.retryAfter, this.chunkDelay,
				this.cutAfter, this.stallAfter, List.of(sourceList), this.reasoning, this.toolCalls, this.media,
				this.style);
	}

	/**
	 * The same reply, reasoning first: streamed as {@code reasoning_content} deltas
	 * before the text or tool calls, a complete reply's
	 * {@code message.reasoning_content}. OpenAI-compatible and LinkAI chat only.
	 */
	public StubAnswer withReasoning(String reasoningText) {
		Objects.requireNonNull(reasoningText, "reasoning must not be null");
		return withExtras(this.chunks, reasoningText, this.toolCalls, this.media, this.style);
	}

	/**
	 * The same tool calls, after this text (as Kimi says {@code 我来查一下。} before it calls).
	 */
	public StubAnswer withText(String text) {
		Objects.requireNonNull(text, "text must not be null");
		if (this.toolCalls.isEmpty()) {
			throw new IllegalStateException("withText adds text to tool calls; use text(...) for a text answer");
		}
		return withExtras(Answers.tokens(text), this.reasoning, this.toolCalls, this.media, this.style);
	}

	/**
	 * The same reply with these media URLs (LinkAI's {@code img_urls}); LinkAI chat only.
	 */
	public StubAnswer withMedia(String... urls) {
		return withExtras(this.chunks, this.reasoning, this.toolCalls, List.of(urls), this.style);
	}

	/**
	 * The same reply streamed in this server family's shape; by default
	 * {@link StubWireStyle#OPENAI}. OpenAI-compatible endpoint only.
	 */
	public StubAnswer withWireStyle(StubWireStyle wireStyle) {
		Objects.requireNonNull(wireStyle, "wireStyle must not be null");
		return withExtras(this.chunks, this.reasoning, this.toolCalls, this.media, wireStyle);
	}

	/**
	 * The reasoning, tool calls (ids generated where none was given) and media to send.
	 */
	Turn.Extras extras() {
		if (this.reasoning == null && this.toolCalls.isEmpty() && this.media.isEmpty()
				&& this.style == StubWireStyle.OPENAI) {
			return Turn.Extras.NONE;
		}
		List<Turn.ToolCall> calls = new ArrayList<>(this.toolCalls.size());
		for (int i = 0; i < this.toolCalls.size(); i++) {
			StubToolCall call = this.toolCalls.get(i);
			String id = call.id();
			if (id == null) {
				id = (this.style == StubWireStyle.KIMI) ? "functions." + call.name() + ":" + i
						: "call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
			}
			calls.add(new Turn.ToolCall(id, call.name(), call.arguments()));
		}
		return new Turn.Extras((this.reasoning != null) ? Answers.tokens(this.reasoning) : List.of(), calls, this.media,
				this.style);
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
		if (!this.toolCalls.isEmpty()) {
			text.append(", tool calls ").append(this.toolCalls);
		}
		if (this.reasoning != null) {
			text.append(", reasoning");
		}
		if (!this.media.isEmpty()) {
			text.append(", ").append(this.media.size()).append(" media");
		}
		if (this.style != StubWireStyle.OPENAI) {
			text.append(", ").append(this.style).append(" style");
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
