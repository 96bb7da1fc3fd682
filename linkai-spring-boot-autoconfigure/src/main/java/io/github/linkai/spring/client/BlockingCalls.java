package io.github.linkai.spring.client;

import java.util.Objects;
import java.util.function.Function;

import io.github.linkai.spring.client.error.BlockingCallException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one way the blocking {@code chat(...)} methods wait for their reactive call. On a
 * non-blocking thread Reactor's {@code block()} fails with a generic
 * "block()/blockFirst()/blockLast() are blocking" message after the call was assembled;
 * checking first fails at once, before anything is built or sent, and says what to use.
 */
final class BlockingCalls {

	private BlockingCalls() {
	}

	static ChatResponse await(String provider, String clientName, ChatRequest request,
			Function<ChatRequest, Mono<ChatResponse>> call) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new BlockingCallException(provider, clientName, Thread.currentThread().getName());
		}
		return Objects.requireNonNull(call.apply(request).block(), "provider returned no response");
	}

}
