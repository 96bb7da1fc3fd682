package io.github.linkai.spring.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A chat client for one configured provider endpoint: each request carries the whole
 * conversation. Blocking, reactive and streaming calls are those of {@link ChatEndpoint};
 * the overloads here send a single user message.
 */
public interface ChatClient extends ChatEndpoint {

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
