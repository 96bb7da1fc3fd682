package io.github.linkai.spring.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What every chat client has: a configured client's calls to one provider endpoint,
 * blocking, reactive and streaming, over the same request model. {@link ChatClient} sends
 * a whole conversation; {@link MemoryChatClient} sends one question to a conversation the
 * server keeps. Implementations are thread-safe and meant to be shared.
 *
 * <p>
 * Errors are {@link io.github.linkai.spring.client.error.ChatClientException}s: invalid
 * requests fail before anything is sent, and every HTTP error status maps to a typed
 * subclass.
 */
public interface ChatEndpoint {

	/** The configured name of this client ({@code default} for the top-level one). */
	String name();

	/**
	 * The provider this client talks to: {@code linkai}, {@code lingma}, {@code jijyun}
	 * or {@code openai}.
	 */
	String provider();

	/**
	 * Sends the request and emits the whole answer. Nothing is sent until subscription;
	 * cancelling closes the HTTP exchange.
	 */
	Mono<ChatResponse> chatReactive(ChatRequest request);

	/**
	 * Streams the answer as it is generated: each chunk is emitted as soon as its event
	 * arrives. The flux completes only when the provider marks the end of the answer; a
	 * stream cut short fails with
	 * {@link io.github.linkai.spring.client.error.StreamTruncatedException}. Cancelling
	 * closes the HTTP exchange.
	 */
	Flux<ChatChunk> stream(ChatRequest request);

	/**
	 * Streams the answer and emits it whole when the stream completes: the text, the
	 * reasoning and the tool calls merged from their fragments (see
	 * {@link ChatResponseAccumulator}, which also lets a caller see the chunks as they
	 * come). The answer names the model the request asked for, if it did, and the
	 * provider and client its chunks name: a fallback chain's, the client that served.
	 */
	default Mono<ChatResponse> streamAndCollect(ChatRequest request) {
		return Mono.defer(() -> {
			ChatResponseAccumulator whole = ChatResponseAccumulator.of(this).model(request.options().model());
			return stream(request).doOnNext(whole::add).then(Mono.fromCallable(whole::response));
		});
	}

	/**
	 * Sends the request and waits for the whole answer.
	 * @throws io.github.linkai.spring.client.error.BlockingCallException at once, with
	 * nothing sent, when called on a non-blocking thread (a Reactor event loop, e.g. in a
	 * WebFlux handler): use {@link #chatReactive(ChatRequest)} or
	 * {@link #stream(ChatRequest)} there
	 */
	default ChatResponse chat(ChatRequest request) {
		return BlockingCalls.await(provider(), name(), request, this::chatReactive);
	}

}
