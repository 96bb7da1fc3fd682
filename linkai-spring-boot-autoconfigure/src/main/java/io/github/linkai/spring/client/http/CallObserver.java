package io.github.linkai.spring.client.http;

import java.time.Duration;
import java.util.List;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Watches a client's calls: the core's one hook for what follows them from outside, such
 * as metrics and spans or passive health. The exchange tells it when each call or stream
 * starts and how it goes; the Spring glue implements it. Called on the thread of the
 * call's signals: implementations are quick, thread-safe and never throw.
 */
@FunctionalInterface
public interface CallObserver {

	/**
	 * A call or stream is starting.
	 * @param call what is asked of whom
	 * @param context the subscriber's Reactor context (where a caller's own observation
	 * is found)
	 * @return what follows this one call
	 */
	Call start(CallStart call, ContextView context);

	/**
	 * The observers as one, {@code null} when there are none, so that a client without
	 * observers adds no work to its calls.
	 */
	static @Nullable CallObserver of(List<CallObserver> observers) {
		return switch (observers.size()) {
			case 0 -> null;
			case 1 -> observers.get(0);
			default -> new CompositeCallObserver(List.copyOf(observers));
		};
	}

	/**
	 * A call or stream about to start.
	 *
	 * @param provider the provider's id
	 * @param clientName the configured client's name
	 * @param request the request with the client's default options applied
	 * @param stream whether the answer is streamed
	 * @param serverAddress the provider's host
	 * @param serverPort the provider's port
	 */
	record CallStart(String provider, String clientName, ChatRequest request, boolean stream, String serverAddress,
			int serverPort) {
	}

	/**
	 * One call as its observer follows it. Exactly one of {@link #succeeded},
	 * {@link #failed} and {@link #cancelled} ends it, though a cancel may still follow
	 * the last signal.
	 */
	interface Call {

		/**
		 * The Reactor context the call's own work runs in, for an observer that puts
		 * something there (an observation, as the parent of the work's own ones).
		 */
		default Context context(Context context) {
			return context;
		}

		/** An attempt failed and another follows after {@code delay}. */
		default void retrying(Throwable error, Duration delay) {
		}

		/** A stream's chunk reaches the subscriber. */
		default void chunk(ChatChunk chunk) {
		}

		/**
		 * The call completed.
		 * @param response the answer of a call, {@code null} for a stream
		 */
		void succeeded(@Nullable ChatResponse response);

		/**
		 * The call failed, after its retries: a
		 * {@link io.github.linkai.spring.client.error.ChatClientException} for every
		 * failure the exchange knows.
		 */
		void failed(Throwable error);

		/** The subscriber cancelled the call before it ended. */
		default void cancelled() {
		}

	}

}
