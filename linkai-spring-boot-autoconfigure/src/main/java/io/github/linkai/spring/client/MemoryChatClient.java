package io.github.linkai.spring.client;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A chat client whose conversation lives on the server (LinkAI memory chat): each call
 * sends only the new question and a session id, and the server keeps the history per app
 * and session. When no session id is given the server assigns one; it comes back in
 * {@link ChatResponse#sessionId()} and on every {@link ChatChunk#sessionId()}.
 *
 * <p>
 * A session id identifies one of the host application's users to the provider: derive it
 * from a stable internal id with a keyed hash (never send a phone number or an e-mail
 * address as it is).
 */
public interface MemoryChatClient {

	/** The configured name of this client. */
	String name();

	/** The provider, {@code linkai}. */
	String provider();

	/**
	 * Asks a question in a session. The request holds exactly one user message (the
	 * question) and optionally {@link ChatRequest#sessionId()}; app code, model and
	 * sampling options apply as for plain chat.
	 */
	Mono<ChatResponse> chatReactive(ChatRequest request);

	/**
	 * Streams the answer to a question in a session; every chunk carries the session id.
	 */
	Flux<ChatChunk> stream(ChatRequest request);

	/**
	 * Asks a question and waits for the answer.
	 * @throws io.github.linkai.spring.client.error.BlockingCallException at once, with
	 * nothing sent, when called on a non-blocking thread (a Reactor event loop, e.g. in a
	 * WebFlux handler): use {@link #chatReactive(ChatRequest)} or
	 * {@link #stream(ChatRequest)} there
	 */
	default ChatResponse chat(ChatRequest request) {
		return BlockingCalls.await(provider(), name(), request, this::chatReactive);
	}

	/**
	 * Asks a question in the given session ({@code null}: let the server assign one) and
	 * waits for the answer.
	 */
	default ChatResponse chat(@Nullable String sessionId, String question) {
		return chat(ChatRequest.builder().user(question).sessionId(sessionId).build());
	}

	/** A conversation handle for the given session id. */
	default ChatSession session(String sessionId) {
		Objects.requireNonNull(sessionId, "sessionId must not be null");
		if (sessionId.isBlank()) {
			throw new IllegalArgumentException("sessionId must not be blank");
		}
		return new ChatSession(this, sessionId);
	}

	/** A conversation handle whose id the server assigns on the first call. */
	default ChatSession newSession() {
		return new ChatSession(this, null);
	}

}
