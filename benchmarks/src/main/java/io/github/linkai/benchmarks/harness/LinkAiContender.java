package io.github.linkai.benchmarks.harness;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The starter's {@link ChatClient}, as a Boot application gets it, called blocking or
 * reactively.
 */
final class LinkAiContender implements Contender {

	private static final ChatRequest REQUEST = ChatRequest.of(Harness.QUESTION);

	private final String name;

	private final ChatClient client;

	private final ChatClient held;

	private final boolean blocking;

	private final @Nullable String streamName;

	/**
	 * A row of the starter.
	 * @param name the row's name
	 * @param client the client on the stub's documented path
	 * @param held the client on the stub's held path
	 * @param blocking whether calls go through {@link ChatClient#chat(ChatRequest)}
	 * @param streamName the stream row's name, {@code null} for none (two rows on one
	 * client stream alike)
	 */
	LinkAiContender(String name, ChatClient client, ChatClient held, boolean blocking, @Nullable String streamName) {
		this.name = name;
		this.streamName = streamName;
		this.client = client;
		this.held = held;
		this.blocking = blocking;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public @Nullable String streamName() {
		return this.streamName;
	}

	@Override
	public boolean blocking() {
		return this.blocking;
	}

	@Override
	public Mono<?> call() {
		return this.blocking ? Mono.fromCallable(() -> this.client.chat(REQUEST)) : this.client.chatReactive(REQUEST);
	}

	@Override
	public Flux<?> stream() {
		return this.client.stream(REQUEST);
	}

	@Override
	public Flux<?> heldStream() {
		return this.held.stream(REQUEST);
	}

}
