package io.github.linkai.spring.client.http;

import java.util.function.Function;
import java.util.function.Supplier;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.http.CallObserver.Call;
import io.github.linkai.spring.client.http.CallObserver.CallStart;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Puts a client's calls and streams under its {@link CallObserver}: the one place where a
 * call is started with the observer and told its signals, for both kinds. Without an
 * observer a call is built as it is, with nothing added.
 */
final class ObservedCalls {

	/** What a call is told when nothing observes it. */
	private static final Call UNOBSERVED = new Call() {

		@Override
		public void succeeded(@Nullable ChatResponse response) {
		}

		@Override
		public void failed(Throwable error) {
		}

	};

	private final @Nullable CallObserver observer;

	ObservedCalls(@Nullable CallObserver observer) {
		this.observer = observer;
	}

	/**
	 * A call, observed from subscription to its answer. The observer hears of the answer
	 * before it is handed on: a blocking caller may read the meters as soon as it has it.
	 * @param start what the observer is told of the call
	 * @param call the call, given what follows it (to report its retries)
	 */
	Mono<ChatResponse> call(Supplier<CallStart> start, Function<Call, Mono<ChatResponse>> call) {
		CallObserver observer = this.observer;
		if (observer == null) {
			return call.apply(UNOBSERVED);
		}
		return Mono.deferContextual((context) -> {
			Call observed = observer.start(start.get(), context);
			return call.apply(observed)
				.doOnSuccess(observed::succeeded)
				.doOnError(observed::failed)
				.doOnCancel(observed::cancelled)
				.contextWrite(observed::context);
		});
	}

	/**
	 * A stream, observed from subscription to its last chunk, its cancellation or its
	 * error.
	 * @param start what the observer is told of the stream
	 * @param stream the stream, given what follows it (to report its retries)
	 */
	Flux<ChatChunk> stream(Supplier<CallStart> start, Function<Call, Flux<ChatChunk>> stream) {
		CallObserver observer = this.observer;
		if (observer == null) {
			return stream.apply(UNOBSERVED);
		}
		return Flux.deferContextual((context) -> {
			Call observed = observer.start(start.get(), context);
			return stream.apply(observed)
				.doOnNext(observed::chunk)
				.doOnComplete(() -> observed.succeeded(null))
				.doOnError(observed::failed)
				.doOnCancel(observed::cancelled)
				.contextWrite(observed::context);
		});
	}

}
