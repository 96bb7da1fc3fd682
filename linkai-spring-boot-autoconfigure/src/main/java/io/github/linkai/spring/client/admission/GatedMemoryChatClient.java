package io.github.linkai.spring.client.admission;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.MemoryChatClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A memory chat client whose calls pass its gate first. */
final class GatedMemoryChatClient implements MemoryChatClient {

	private final MemoryChatClient client;

	private final GatedCalls calls;

	GatedMemoryChatClient(MemoryChatClient client, GatedCalls calls) {
		this.client = client;
		this.calls = calls;
	}

	@Override
	public String name() {
		return this.client.name();
	}

	@Override
	public String provider() {
		return this.client.provider();
	}

	@Override
	public Mono<ChatResponse> chatReactive(ChatRequest request) {
		return this.calls.call(request, true, this.client::chatReactive);
	}

	@Override
	public Flux<ChatChunk> stream(ChatRequest request) {
		return this.calls.stream(request, true, this.client::stream);
	}

	@Override
	public String toString() {
		return this.client.toString();
	}

}
