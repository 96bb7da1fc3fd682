package io.github.linkai.spring.client;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One server-side conversation of a {@link MemoryChatClient}:
 * {@code client.session("u-42").chat("你好")}. It remembers the session id the server
 * assigns when it was created without one, so the next turn continues the same
 * conversation. Thread-safe; turns of one conversation are normally sent one after
 * another.
 */
public final class ChatSession {

	private final MemoryChatClient client;

	private final AtomicReference<@Nullable String> sessionId;

	ChatSession(MemoryChatClient client, @Nullable String sessionId) {
		this.client = client;
		this.sessionId = new AtomicReference<>(sessionId);
	}

	/** The session id, or {@code null} until the server has assigned one. */
	public @Nullable String id() {
		return this.sessionId.get();
	}

	/** Asks a question and waits for the answer text. */
	public String chat(String question) {
		return chat(ChatRequest.builder().user(question).build()).content();
	}

	/**
	 * Asks a question (the request's session id is replaced by this session's) and waits
	 * for the answer.
	 */
	public ChatResponse chat(ChatRequest request) {
		ChatResponse response = this.client.chat(withSession(request));
		remember(response.sessionId());
		return response;
	}

	/** Asks a question reactively. */
	public Mono<ChatResponse> chatReactive(String question) {
		return chatReactive(ChatRequest.builder().user(question).build());
	}

	/**
	 * Asks a question reactively (the request's session id is replaced by this
	 * session's).
	 */
	public Mono<ChatResponse> chatReactive(ChatRequest request) {
		return Mono.defer(() -> this.client.chatReactive(withSession(request)))
			.doOnNext((response) -> remember(response.sessionId()));
	}

	/** Streams the answer to a question. */
	public Flux<ChatChunk> stream(String question) {
		return stream(ChatRequest.builder().user(question).build());
	}

	/** Streams the answer (the request's session id is replaced by this session's). */
	public Flux<ChatChunk> stream(ChatRequest request) {
		return Flux.defer(() -> this.client.stream(withSession(request)))
			.doOnNext((chunk) -> remember(chunk.sessionId()));
	}

	private ChatRequest withSession(ChatRequest request) {
		return request.mutate().sessionId(this.sessionId.get()).build();
	}

	private void remember(@Nullable String assigned) {
		if (assigned != null) {
			this.sessionId.compareAndSet(null, assigned);
		}
	}

	@Override
	public String toString() {
		// The id identifies an end user: keep it out of logs that print this object.
		return "ChatSession[client=" + this.client.name() + ", assigned=" + (this.sessionId.get() != null) + "]";
	}

}
