package io.github.linkai.spring.client.admission;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.Usage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Applies one client's {@link CallGate} around its calls: each call is admitted before it
 * starts, takes its first attempt, and tells its permit when the answer began and how the
 * call ended, with the usage and cost of its answer. The permit rides in the call's
 * Reactor context under {@link CallPermit#CONTEXT_KEY}. A stream counts as answered at
 * its first chunk and completes with the usage and cost its chunks reported.
 */
public final class GatedCalls {

	private final CallGate gate;

	private final String provider;

	private final String clientName;

	private final @Nullable String defaultModel;

	private final Duration deadline;

	private final Clock clock;

	private final PriceTable prices;

	/**
	 * The gated calls of one client.
	 * @param gate the client's gate
	 * @param provider the client's provider id
	 * @param clientName the client's name
	 * @param defaultModel the client's default model, if any
	 * @param deadline the longest a call may take, waits included
	 * @param clock the clock of the deadline
	 * @param prices the prices that turn an answer's usage into its cost
	 */
	public GatedCalls(CallGate gate, String provider, String clientName, @Nullable String defaultModel,
			Duration deadline, Clock clock, PriceTable prices) {
		this.gate = Objects.requireNonNull(gate, "gate must not be null");
		this.provider = Objects.requireNonNull(provider, "provider must not be null");
		this.clientName = Objects.requireNonNull(clientName, "clientName must not be null");
		this.defaultModel = defaultModel;
		this.deadline = Objects.requireNonNull(deadline, "deadline must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.prices = Objects.requireNonNull(prices, "prices must not be null");
	}

	/** {@code client}'s calls through the gate; {@code client} itself without one. */
	public ChatClient chatClient(ChatClient client) {
		return (this.gate == CallGate.NONE) ? client : new GatedChatClient(client, this);
	}

	/** {@code client}'s calls through the gate; {@code client} itself without one. */
	public MemoryChatClient memoryChatClient(MemoryChatClient client) {
		return (this.gate == CallGate.NONE) ? client : new GatedMemoryChatClient(client, this);
	}

	/** The gate. */
	public CallGate gate() {
		return this.gate;
	}

	/** Admits a call, then makes it. */
	Mono<ChatResponse> call(ChatRequest request, boolean stateful, Function<ChatRequest, Mono<ChatResponse>> call) {
		return Mono.deferContextual((context) -> {
			CallInfo info = info(request, false, stateful, context);
			return Mono.usingWhen(this.gate.admit(info),
					(permit) -> permit.attempt(0).then(Mono.defer(() -> call.apply(request))).doOnNext((response) -> {
						permit.answered();
						permit.completed(response.usage(),
								this.prices.cost(response.cost(), response.model(), info.model(), response.usage()));
					}).contextWrite((inner) -> inner.put(CallPermit.CONTEXT_KEY, permit)), (permit) -> Mono.empty(),
					(permit, error) -> Mono.fromRunnable(() -> permit.failed(error)),
					(permit) -> Mono.fromRunnable(permit::cancelled));
		});
	}

	/** Admits a stream, then opens it. */
	Flux<ChatChunk> stream(ChatRequest request, boolean stateful, Function<ChatRequest, Flux<ChatChunk>> stream) {
		return Flux.deferContextual((context) -> {
			CallInfo info = info(request, true, stateful, context);
			return Flux.usingWhen(this.gate.admit(info).map((permit) -> new StreamTally(permit, info)),
					(tally) -> tally.permit.attempt(0)
						.thenMany(Flux.defer(() -> stream.apply(request)))
						.doOnNext(tally::chunk)
						.contextWrite((inner) -> inner.put(CallPermit.CONTEXT_KEY, tally.permit)),
					(tally) -> Mono.fromRunnable(tally::completed),
					(tally, error) -> Mono.fromRunnable(() -> tally.permit.failed(error)),
					(tally) -> Mono.fromRunnable(tally.permit::cancelled));
		});
	}

	/**
	 * The call as the gate sees it; its deadline is the client's, or an earlier one set
	 * around the call (a fallback chain's).
	 */
	private CallInfo info(ChatRequest request, boolean stream, boolean stateful, ContextView context) {
		String model = (request.options().model() != null) ? request.options().model() : this.defaultModel;
		return new CallInfo(this.provider, this.clientName, model, stream, stateful,
				CallDeadline.earliest(context, this.clock.instant().plus(this.deadline)));
	}

	/** One stream's permit and what its chunks reported. */
	private final class StreamTally {

		private final CallPermit permit;

		private final CallInfo info;

		private boolean answered;

		private @Nullable Usage usage;

		private @Nullable BigDecimal cost;

		StreamTally(CallPermit permit, CallInfo info) {
			this.permit = permit;
			this.info = info;
		}

		void chunk(ChatChunk chunk) {
			if (!this.answered) {
				this.answered = true;
				this.permit.answered();
			}
			if (chunk.usage() != null) {
				this.usage = chunk.usage();
			}
			if (chunk.cost() != null) {
				this.cost = chunk.cost();
			}
		}

		void completed() {
			this.permit.completed(this.usage,
					GatedCalls.this.prices.cost(this.cost, null, this.info.model(), this.usage));
		}

	}

}
