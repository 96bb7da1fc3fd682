package io.github.linkai.spring.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.linkai.spring.client.error.ErrorDetails;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A chat client for tests: answers as told, with the answer or the error it is given, and
 * records every request it was sent (a request counts as sent when the call is
 * subscribed). Its own chunks name it and its provider, as a real client's do.
 */
public final class FakeChatClient implements ChatClient {

	private final String name;

	private final String provider;

	private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

	private volatile Function<ChatRequest, Flux<ChatChunk>> answer;

	public FakeChatClient(String name, String provider) {
		this.name = name;
		this.provider = provider;
		this.answer = (request) -> Flux.just(ownChunk("from " + name, null), ownChunk("", "stop"));
	}

	/** Answers with these chunks (a call gets them joined). */
	public FakeChatClient answering(ChatChunk... chunks) {
		this.answer = (request) -> Flux.just(chunks);
		return this;
	}

	/** Fails before anything is answered. */
	public FakeChatClient failing(Supplier<? extends Throwable> error) {
		this.answer = (request) -> Flux.error(error);
		return this;
	}

	/** Streams one chunk, then fails. */
	public FakeChatClient failingAfterAChunk(Supplier<? extends Throwable> error) {
		this.answer = (request) -> Flux.concat(Flux.just(ownChunk("partial from " + this.name, null)),
				Flux.error(error));
		return this;
	}

	/** Answers as the function says. */
	public FakeChatClient answering(Function<ChatRequest, Flux<ChatChunk>> answer) {
		this.answer = answer;
		return this;
	}

	/** The requests sent so far. */
	public List<ChatRequest> requests() {
		return List.copyOf(this.requests);
	}

	/** How many calls were sent. */
	public int calls() {
		return this.requests.size();
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String provider() {
		return this.provider;
	}

	@Override
	public Mono<ChatResponse> chatReactive(ChatRequest request) {
		return Mono.defer(() -> {
			this.requests.add(request);
			return this.answer.apply(request).collectList().map(this::response);
		});
	}

	@Override
	public Flux<ChatChunk> stream(ChatRequest request) {
		return Flux.defer(() -> {
			this.requests.add(request);
			return this.answer.apply(request);
		});
	}

	private ChatResponse response(List<ChatChunk> chunks) {
		StringBuilder content = new StringBuilder();
		ChatChunk last = chunks.isEmpty() ? chunk("", "stop") : chunks.get(chunks.size() - 1);
		chunks.forEach((chunk) -> content.append(chunk.delta()));
		return new ChatResponse(this.provider, this.name, "model-of-" + this.name, content.toString(),
				last.finishReason(), last.usage(), null, null, List.of(), last.cost(), Map.of());
	}

	private ChatChunk ownChunk(String delta, @Nullable String finishReason) {
		return ChatChunk.builder()
			.provider(this.provider)
			.clientName(this.name)
			.delta(delta)
			.finishReason(finishReason)
			.build();
	}

	/** A chunk with this text. */
	public static ChatChunk chunk(String delta, String finishReason) {
		return new ChatChunk(delta, finishReason, null, null, null, List.of(), null, Map.of());
	}

	/** A last chunk with this usage. */
	public static ChatChunk last(Usage usage, java.math.BigDecimal cost) {
		return new ChatChunk("", "stop", usage, null, null, List.of(), cost, Map.of());
	}

	/** What an error response of {@code status} says, for building typed errors. */
	public static ErrorDetails details(String provider, String client, int status) {
		return new ErrorDetails(provider, client, status, null, "failed", null);
	}

}
