package io.github.linkai.spring.client.stream;

import java.io.IOException;
import java.util.List;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.error.StreamErrorEventException;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.SecretMasker;
import io.github.linkai.spring.client.http.WireJson;
import io.github.linkai.spring.client.spi.ExchangeContext;
import io.github.linkai.spring.client.spi.StreamError;
import io.github.linkai.spring.client.spi.WireMapping;
import io.netty.handler.timeout.TimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

import org.springframework.http.codec.ServerSentEvent;

/**
 * Turns the events {@link EventStreamLines} splits into chunks: each event's data is decoded once, straight into
 * the provider's record. Added here: stop at the end marker ({@code takeUntil}, so the exchange is released at
 * once), time out when no data event arrives in time (first-event and idle timeouts), fail on an in-stream error
 * object, and fail with {@link StreamTruncatedException} when the body ends
 * before the end marker or a final finish reason, or when the connection fails after events arrived (a read
 * timeout then is a {@link ChatTimeoutException} saying the answer is incomplete). The mapping's secrets are masked in what it raises: a provider
 * may echo a credential in an error event.
 *
 * @param <C> the provider's event record
 */
public final class EventStreamDecoder<C> {

	private final WireMapping<?, C> mapping;

	private final ObjectReader reader;

	private final SecretMasker masker;

	private final ClientSettings settings;

	/**
	 * @param mapping the provider endpoint's wire mapping
	 * @param reader the shared reader, bound here to the mapping's event type
	 * @param settings the client's settings: its first-event and idle timeouts and their scheduler
	 */
	public EventStreamDecoder(WireMapping<?, C> mapping, ObjectReader reader, ClientSettings settings) {
		this.mapping = mapping;
		this.reader = reader.forType(mapping.chunkType());
		this.masker = new SecretMasker(mapping.secrets());
		this.settings = settings;
	}

	/** The chunks of one response's events. */
	public Flux<ChatChunk> decode(Flux<ServerSentEvent<String>> events, ExchangeContext context) {
		return Flux.defer(() -> {
			State state = new State();
			// The end marker is recorded downstream, in order: flatMapIterable reads ahead, so a flag set in the
			// takeUntil predicate would be seen by events still queued before the marker, which would be dropped.
			// Reactor timeouts on data events, not Netty's read timeout: keep-alive comments must not reset them
			// (EventStreamLines emits no event for a comment). Timing out cancels the body and its connection.
			Flux<ServerSentEvent<String>> timed = events.timeout(
					Mono.delay(this.settings.firstEventTimeout(), this.settings.scheduler()),
					(event) -> Mono.delay(this.settings.idleTimeout(), this.settings.scheduler()),
					Flux.defer(() -> Flux.error(timeout(state, context))));
			return timed.takeUntil(this.mapping::isEndOfStream)
				.flatMapIterable((event) -> chunks(event, state, context))
				.onErrorMap((error) -> state.events > 0 && (error instanceof TimeoutException),
						(error) -> new ChatTimeoutException(context.provider(), context.clientName(),
								"Stream timed out after " + state.chunks + " chunk(s) (" + error.getClass().getSimpleName()
										+ "); the answer is incomplete",
								error))
				.onErrorMap((error) -> state.events > 0 && (error instanceof IOException),
						(error) -> new StreamTruncatedException(context.provider(), context.clientName(), state.chunks,
								error))
				.concatWith(Mono.defer(() -> (state.ended || state.finished) ? Mono.empty()
						: Mono.error(new StreamTruncatedException(context.provider(), context.clientName(), state.chunks,
								null))));
		});
	}

	private ChatTimeoutException timeout(State state, ExchangeContext context) {
		String message = (state.events == 0)
				? "No data event within " + this.settings.firstEventTimeout() + " (first-event-timeout)"
				: "No data event for " + this.settings.idleTimeout() + " (idle-timeout) after " + state.chunks
						+ " chunk(s); the answer is incomplete";
		return new ChatTimeoutException(context.provider(), context.clientName(), message, null);
	}

	private List<ChatChunk> chunks(ServerSentEvent<String> event, State state, ExchangeContext context) {
		String data = event.data();
		if (this.mapping.isEndOfStream(event)) {
			state.ended = true;
			return List.of();
		}
		if (data == null || data.isBlank()) {
			return List.of(); // a comment or keep-alive
		}
		ChatChunk chunk = decode(data, state, context);
		return (chunk != null) ? List.of(chunk) : List.of();
	}

	private @Nullable ChatChunk decode(String data, State state, ExchangeContext context) {
		state.events++;
		C wire;
		try {
			wire = this.reader.readValue(data);
		}
		catch (JacksonException ex) {
			// Not the parser's message: it quotes the offending text, which may hold a cut-off credential.
			throw new ResponseDecodingException(context.provider(), context.clientName(),
					"Malformed JSON in stream event #" + state.events + " at " + WireJson.describeLocation(ex), null);
		}
		StreamError error = this.mapping.streamError(wire);
		if (error != null) {
			throw new StreamErrorEventException(context.provider(), context.clientName(), this.masker.mask(error.type()),
					this.masker.mask(error.message()));
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
