package io.github.linkai.spring.provider.linkai;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.MemoryChatClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** LinkAI's memory chat, on the same exchange as every other client. */
final class LinkAiMemoryChatClient implements MemoryChatClient {

	private final ChatClient delegate;

	LinkAiMemoryChatClient(ChatClient delegate) {
		this.delegate = delegate;
	}

	@Override
	public String name() {
		return this.delegate.name();
	}

	@Override
	public String provider() {
		return this.delegate.provider();
	}

	@Override
	public Mono<ChatResponse> chatReactive(ChatRequest request) {
		return this.delegate.chatReactive(request);
	}

	@Override
	public Flux<ChatChunk> stream(ChatRequest request) {
		return this.delegate.stream(request);
	}

	@Override
	public String toString() {
		return "MemoryChatClient[name=" + name() + ", provider=" + provider() + "]";
	}

}
