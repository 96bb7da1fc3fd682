package io.github.linkai.spring.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A chat client for one configured provider endpoint: blocking, reactive and streaming
 * calls over the same request model. Implementations are thread-safe and meant to be
 * shared.
 *
 * <p>
 * Errors are {@link io.github.linkai.spring.client.error.ChatClientException}s: invalid
 * requests fail before anything is sent, and every HTTP error status maps to a typed
 * subclass.
 */
public interface ChatClient {

	/** The configured name of this client ({@code default} for the top-level one). */
	String name();

	/**
	 * The provider this client talks to: {@code linkai}, {@code lingma} or
	 * {@code jijyun}.
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
	 * Sends the request and waits for the whole answer.
	 * @throws io.github.linkai.spring.client.error.BlockingCallException at once, with
	 * nothing sent, when called on a non-blocking thread (a Reactor event loop, e.g. in a
	 * WebFlux handler): use {@link #chatReactive(ChatRequest)} or
	 * {@link #stream(ChatRequest)} there
	 */
	default ChatResponse chat(ChatRequest request) {
		return BlockingCalls.await(provider(), name(), request, this::chatReactive);
	}

	/** Sends a single user message and returns the answer text. */
	default String chat(String userMessage) {
		return chat(ChatRequest.of(userMessage)).content();
	}

	/** Sends a single user message, reactively. */
	default Mono<ChatResponse> chatReactive(String userMessage) {
		return chatReactive(ChatRequest.of(userMessage));
	}

	/** Streams the answer to a single user message. */
	default Flux<ChatChunk> stream(String userMessage) {
		return stream(ChatRequest.of(userMessage));
	}

}
