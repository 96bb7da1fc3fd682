package io.github.linkai.spring.client.http;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@link ChatClient} of every provider: a name over a {@link ChatExchange}. */
public final class ExchangeChatClient implements ChatClient {

	private final ChatExchange<?, ?> exchange;

	public ExchangeChatClient(ChatExchange<?, ?> exchange) {
		this.exchange = exchange;
	}

	@Override
	public String name() {
		return this.exchange.clientName();
	}

	@Override
	public String provider() {
		return this.exchange.provider();
	}

	@Override
	public Mono<ChatResponse> chatReactive(ChatRequest request) {
		return this.exchange.call(request);
	}

	@Override
	public Flux<ChatChunk> stream(ChatRequest request) {
		return this.exchange.stream(request);
	}

	@Override
	public String toString() {
		return "ChatClient[name=" + name() + ", provider=" + provider() + "]";
	}

}
