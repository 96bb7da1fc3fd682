package io.github.linkai.spring.client;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

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
 *
 * <p>
 * A request holds exactly one user message (the question) and optionally
 * {@link ChatRequest#sessionId()}; app code, model and sampling options apply as for
 * plain chat. Every chunk of a stream carries the session id.
 */
public interface MemoryChatClient extends ChatEndpoint {

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
