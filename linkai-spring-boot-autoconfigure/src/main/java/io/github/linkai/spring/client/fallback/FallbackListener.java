package io.github.linkai.spring.client.fallback;

import java.util.List;

import io.github.linkai.spring.client.error.FailureKind;
import reactor.util.context.ContextView;

/**
 * Told of each fallback of a chain, e.g. to count it and to add an event to the caller's
 * observation. Called on the thread of the failure's signal: quick, never throwing.
 */
@FunctionalInterface
public interface FallbackListener {

	/** A listener that does nothing. */
	FallbackListener NONE = (from, to, reason, context) -> {
	};

	/**
	 * The client {@code from} failed before its answer began and {@code to} is asked
	 * instead.
	 * @param from the client that failed
	 * @param to the client asked next
	 * @param reason how {@code from} failed
	 * @param context the subscriber's Reactor context (where the caller's observation is)
	 */
	void onFallback(String from, String to, FailureKind reason, ContextView context);

	/** The listeners as one. */
	static FallbackListener of(List<FallbackListener> listeners) {
		List<FallbackListener> all = List.copyOf(listeners);
		return switch (all.size()) {
			case 0 -> NONE;
			case 1 -> all.get(0);
			default -> (from, to, reason, context) -> all
				.forEach((listener) -> listener.onFallback(from, to, reason, context));
		};
	}

}
