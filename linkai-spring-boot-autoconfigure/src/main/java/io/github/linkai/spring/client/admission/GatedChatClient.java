package io.github.linkai.spring.client.admission;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A chat client whose calls pass its gate first. */
final class GatedChatClient implements ChatClient {

	private final ChatClient client;

	private final GatedCalls calls;

	GatedChatClient(ChatClient client, GatedCalls calls) {
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
		return this.calls.call(request, false, this.client::chatReactive);
	}

	@Override
	public Flux<ChatChunk> stream(ChatRequest request) {
		return this.calls.stream(request, false, this.client::stream);
	}

	@Override
	public String toString() {
		return this.client.toString();
	}

}
