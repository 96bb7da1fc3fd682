package io.github.linkai.spring.client.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.error.StreamErrorEventException;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import io.github.linkai.spring.client.spi.ExchangeContext;
import io.github.linkai.spring.client.spi.SecretMasker;
import io.github.linkai.spring.client.spi.StreamError;
import io.github.linkai.spring.client.spi.StreamEvent;
import io.github.linkai.spring.client.spi.WireJson;
import io.github.linkai.spring.client.spi.WireMapping;
import io.netty.handler.timeout.TimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * Turns the events {@link EventStreamLines} splits a body into chunks: each event's data
 * is decoded once, straight into the provider's record. Added here: complete at the end
 * marker, at once (reading the body's rest in the background so the connection is
 * reused), fail on an in-stream error object, and fail with
 * {@link StreamTruncatedException} when the body ends before the end marker or a final
 * finish reason, or when the connection fails after events arrived (a read timeout then
 * is a {@link ChatTimeoutException} saying the answer is incomplete). The mapping's
 * secrets are masked in what it raises: a provider may echo a credential in an error
 * event.
 *
 * @param <R> the provider's reply record, which an event's data binds to
 */
public final class EventStreamDecoder<R> {

	/** What an event that makes no chunk maps to, filtered out by identity. */
	private static final ChatChunk NO_CHUNK = new ChatChunk("", null, null, null, null, List.of(), null, Map.of());

	/**
	 * How long the body may go on after the end marker, read in the background, before it
	 * is cut off.
	 */
	private static final Duration DRAIN_GRACE = Duration.ofSeconds(1);

	private final WireMapping<R> mapping;

	private final ObjectReader reader;

	private final SecretMasker masker;

	private final EventStreamLines lines;

	private final Scheduler scheduler;

	/**
	 * A decoder for one client endpoint.
	 * @param mapping the provider endpoint's wire mapping
	 * @param reader reads the mapping's reply type, which an event's data binds to
	 * @param masker the client's masker of credentials in what the provider sends back
	 * @param lines splits a body into events
	 * @param scheduler where the grace after the end marker is timed
	 */
	public EventStreamDecoder(WireMapping<R> mapping, ObjectReader reader, SecretMasker masker, EventStreamLines lines,
			Scheduler scheduler) {
		this.mapping = mapping;
		this.reader = reader;
		this.masker = masker;
		this.lines = lines;
		this.scheduler = scheduler;
	}

	/** The chunks of one response body's events. */
	public Flux<ChatChunk> decode(Flux<DataBuffer> body, ExchangeContext context) {
		return Flux.defer(() -> {
			State state = new State();
			DrainingBody drained = new DrainingBody(body, DRAIN_GRACE, this.scheduler);
			// The stream completes at its end marker, at once. The rest of the body
			// (normally just its last, empty chunk) is still read, in the background,
			// not cancelled: a cancelled body closes its connection, a finished one goes
			// back to the pool; a server that keeps sending is cut off after a short
			// grace. Each event is made a chunk as it passes, in order, with no queue
			// between: nothing before the marker is dropped. (map and filter rather than
			// handle(), which restores the Reactor context's thread locals, the
			// observation's scope among them, for every event when context-propagation
			// is on the classpath.)
			return this.lines.events(drained)
				.map((event) -> chunk(event, state, context))
				.takeUntil((chunk) -> state.ended && keepReading(drained))
				.filter(EventStreamDecoder::isChunk)
				.onErrorResume((error) -> state.ended ? Mono.empty() : Mono.error(failure(error, state, context)))
				.concatWith(Mono.defer(() -> (state.ended || state.finished) ? Mono.empty() : Mono.error(
						new StreamTruncatedException(context.provider(), context.clientName(), state.chunks, null))));
		});
	}

	/** The end marker came: the body is drained when the stream completes. */
	private static boolean keepReading(DrainingBody body) {
		body.keepReadingOnCancel();
		return true;
	}

	@SuppressWarnings("ReferenceEquality") // NO_CHUNK is a sentinel: only it is no chunk
	private static boolean isChunk(ChatChunk chunk) {
		return chunk != NO_CHUNK;
	}

	/** What a failure after events arrived means: the answer is incomplete. */
	private Throwable failure(Throwable error, State state, ExchangeContext context) {
		if (state.events > 0 && error instanceof TimeoutException) {
			return new ChatTimeoutException(context.provider(), context.clientName(), "Stream timed out after "
					+ state.chunks + " chunk(s) (" + error.getClass().getSimpleName() + "); the answer is incomplete",
					error);
		}
		if (state.events > 0 && error instanceof IOException) {
			return new StreamTruncatedException(context.provider(), context.clientName(), state.chunks, error);
		}
		return error;
	}

	/** The chunk of an event, {@link #NO_CHUNK} for none. */
	private ChatChunk chunk(StreamEvent event, State state, ExchangeContext context) {
		if (state.ended) {
			return NO_CHUNK; // the answer is complete: whatever follows the end marker is
								// not part of it
		}
		if (this.mapping.isEndOfStream(event)) {
			state.ended = true;
			return NO_CHUNK;
		}
		if (event.isBlank()) {
			return NO_CHUNK; // a comment or keep-alive
		}
		ChatChunk chunk = decode(event, state, context);
		return (chunk != null) ? chunk : NO_CHUNK;
	}

	private @Nullable ChatChunk decode(StreamEvent event, State state, ExchangeContext context) {
		state.events++;
		R wire;
		try {
			wire = this.reader.readValue(event.dataBytes(), event.dataOffset(), event.dataLength());
		}
		catch (JacksonException ex) {
			// Not the parser's message: it quotes the offending text, which may hold a
			// cut-off credential.
			throw new ResponseDecodingException(context.provider(), context.clientName(),
					"Malformed JSON in stream event #" + state.events + " at " + WireJson.describeLocation(ex), null);
		}
		StreamError error = this.mapping.streamError(wire);
		if (error != null) {
			throw new StreamErrorEventException(context.provider(), context.clientName(),
					this.masker.mask(error.type()), this.masker.mask(error.message()));
		}
		ChatChunk chunk = this.mapping.toChunk(wire, context);
		if (chunk != null) {
			state.chunks++;
			state.finished |= chunk.finishReason() != null;
		}
		return chunk;
	}

	/** Per-subscription progress; only touched serially by one stream's signals. */
	private static final class State {

		boolean ended;

		boolean finished;

		int events;

		int chunks;

	}

}
