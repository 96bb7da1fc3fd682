package io.github.linkai.spring.client.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.spi.ExchangeContext;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * The first-event and idle timeouts of one attempt at a stream: from the moment its
 * request is written, the first chunk must come within {@code first-event-timeout}; from
 * each chunk, the next within {@code idle-timeout}. Only a chunk is progress: response
 * headers, comments, pings and events that yield no chunk are not, so a server that reads
 * the request and never answers, or answers only with keep-alives, is cut off as surely
 * as one that stops mid-answer. Netty's read timeout could not say this: any byte resets
 * it.
 *
 * <p>
 * One timer until the first chunk, then one re-armed only when it fires (Reactor's
 * {@code timeout()} would schedule and cancel one for every chunk). Touched by one
 * attempt's signals, serially, and by the timer.
 */
final class StreamTimeouts {

	private final Duration firstEvent;

	private final Duration idle;

	private final Scheduler scheduler;

	private final Sinks.Empty<Void> written = Sinks.empty();

	private final Sinks.Empty<Void> firstChunk = Sinks.empty();

	/** When the last chunk came, on the scheduler. */
	private volatile long lastProgress;

	private volatile int chunks;

	StreamTimeouts(Duration firstEvent, Duration idle, Scheduler scheduler) {
		this.firstEvent = firstEvent;
		this.idle = idle;
		this.scheduler = scheduler;
	}

	/** The request is written: the first-event timeout runs from now. */
	void written() {
		this.written.tryEmitEmpty();
	}

	/** A chunk came: the idle timeout runs from now. */
	ChatChunk chunk(ChatChunk chunk) {
		this.lastProgress = now();
		if (this.chunks++ == 0) {
			this.firstChunk.tryEmitEmpty();
		}
		return chunk;
	}

	/**
	 * Fails with a {@link ChatTimeoutException} once the attempt has made no progress in
	 * time; never emits or completes otherwise.
	 */
	Mono<Void> expiry(ExchangeContext context) {
		// the first-event timer is cancelled by the first chunk, since the idle timeout
		// may be the shorter one; the idle timer is re-armed only when it fires
		Mono<Void> firstEvent = Mono.delay(this.firstEvent, this.scheduler)
			.then(Mono.defer(() -> Mono.error(timeout(context, 0))));
		return this.written.asMono()
			.then(Mono.defer(() -> Mono.firstWithSignal(firstEvent, this.firstChunk.asMono())))
			.then(Mono.defer(() -> idle(context)));
	}

	private Mono<Void> idle(ExchangeContext context) {
		long left = this.lastProgress + this.idle.toNanos() - now();
		if (left <= 0) {
			return Mono.error(timeout(context, this.chunks));
		}
		return Mono.delay(Duration.ofNanos(left), this.scheduler).then(Mono.defer(() -> idle(context)));
	}

	private ChatTimeoutException timeout(ExchangeContext context, int chunks) {
		String message = (chunks == 0)
				? "No answer event within " + this.firstEvent + " of sending the request (first-event-timeout)"
				: "No answer event for " + this.idle + " (idle-timeout) after " + chunks
						+ " chunk(s); the answer is incomplete";
		return new ChatTimeoutException(context.provider(), context.clientName(), message, null);
	}

	private long now() {
		return this.scheduler.now(TimeUnit.NANOSECONDS);
	}

}
