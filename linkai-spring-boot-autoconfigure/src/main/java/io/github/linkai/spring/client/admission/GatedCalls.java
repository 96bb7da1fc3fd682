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
import reactor.core.observability.DefaultSignalListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
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
			return this.gate.admit(info)
				.flatMap((permit) -> permit.attempt(0)
					.flatMap((first) -> call.apply(request))
					.tap(() -> new PermitSignals<>(permit, info)));
		});
	}

	/** Admits a stream, then opens it. */
	Flux<ChatChunk> stream(ChatRequest request, boolean stateful, Function<ChatRequest, Flux<ChatChunk>> stream) {
		return Flux.deferContextual((context) -> {
			CallInfo info = info(request, true, stateful, context);
			return this.gate.admit(info)
				.flatMapMany((permit) -> permit.attempt(0)
					.flatMapMany((first) -> stream.apply(request))
					.tap(() -> new PermitSignals<>(permit, info)));
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

	/**
	 * Tells one call's permit how the call goes, and puts the permit in the call's
	 * context: one Reactor operator per call rather than one per signal, as the gate's
	 * cost per call is measured in microseconds. A call's answer, or a stream's first
	 * chunk, is its start; a stream's chunks report its usage and cost.
	 */
	private final class PermitSignals<T> extends DefaultSignalListener<T> {

		private final CallPermit permit;

		private final CallInfo info;

		private boolean answered;

		private boolean ended;

		private @Nullable Usage usage;

		private @Nullable BigDecimal cost;

		private @Nullable String model;

		PermitSignals(CallPermit permit, CallInfo info) {
			this.permit = permit;
			this.info = info;
		}

		@Override
		public void doOnNext(T value) {
			if (!this.answered) {
				this.answered = true;
				this.permit.answered();
			}
			if (value instanceof ChatResponse response) {
				this.usage = response.usage();
				this.cost = response.cost();
				this.model = response.model();
				doOnComplete();
			}
			else if (value instanceof ChatChunk chunk) {
				if (chunk.usage() != null) {
					this.usage = chunk.usage();
				}
				if (chunk.cost() != null) {
					this.cost = chunk.cost();
				}
			}
		}

		@Override
		public void doOnComplete() {
			if (!this.ended) {
				this.ended = true;
				this.permit.completed(this.usage,
						GatedCalls.this.prices.cost(this.cost, this.model, this.info.model(), this.usage));
			}
		}

		@Override
		public void doOnError(Throwable error) {
			this.permit.failed(error);
		}

		@Override
		public void doOnCancel() {
			this.permit.cancelled();
		}

		@Override
		public Context addToContext(Context context) {
			return context.put(CallPermit.CONTEXT_KEY, this.permit);
		}

	}

}
