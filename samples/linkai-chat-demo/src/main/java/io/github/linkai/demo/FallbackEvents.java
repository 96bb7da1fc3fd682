package io.github.linkai.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.linkai.spring.client.error.FailureKind;
import io.github.linkai.spring.client.fallback.FallbackListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

/**
 * Tells the page which client served a streamed answer when a fallback chain moved on.
 * Chunks do not name their client; the chain tells its listeners with the subscriber's
 * Reactor context, so each stream keeps its own queue there and sends what it holds as
 * {@code fallback} events before its next event (a chain moves on only before the first
 * chunk).
 */
@Component
class FallbackEvents implements FallbackListener {

	/** The name of the event that tells a fallback. */
	static final String FALLBACK_EVENT = "fallback";

	private static final Class<?> KEY = FallbackEvents.class;

	@Override
	public void onFallback(String from, String to, FailureKind reason, ContextView context) {
		context.<Queue<Fallback>>getOrEmpty(KEY).ifPresent((queue) -> queue.add(new Fallback(from, to, reason.name())));
	}

	/** The stream's events, each preceded by the fallbacks that happened before it. */
	static Flux<ServerSentEvent<Object>> around(Flux<ServerSentEvent<Object>> events) {
		return Flux.defer(() -> {
			Queue<Fallback> fallbacks = new ConcurrentLinkedQueue<>();
			return events.concatMap((event) -> Flux.fromIterable(drain(fallbacks)).concatWith(Mono.just(event)))
				.contextWrite((context) -> context.put(KEY, fallbacks));
		});
	}

	private static List<ServerSentEvent<Object>> drain(Queue<Fallback> fallbacks) {
		List<ServerSentEvent<Object>> events = new ArrayList<>();
		for (Fallback fallback = fallbacks.poll(); fallback != null; fallback = fallbacks.poll()) {
			events.add(ServerSentEvent.<Object>builder(fallback).event(FALLBACK_EVENT).build());
		}
		return events;
	}

	/**
	 * A fallback as the page gets it.
	 *
	 * @param from the client that failed
	 * @param to the client asked next
	 * @param reason how {@code from} failed ({@link FailureKind})
	 */
	record Fallback(String from, String to, String reason) {
	}

}
