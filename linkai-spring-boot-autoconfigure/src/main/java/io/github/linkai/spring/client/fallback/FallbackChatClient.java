package io.github.linkai.spring.client.fallback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.admission.CallDeadline;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.error.FailureKind;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.context.ContextView;

/**
 * A chat client that answers from the next client of its chain when one fails on the
 * provider's or the account's side ({@link FailureKind#fallsBack()}) before its answer
 * began. Two answers are never spliced: a stream that fails after its first chunk ends as
 * it would without a chain. A failure of the request itself (validation, a 400, content
 * moderation) or this instance's own back-pressure ends the call at once.
 *
 * <p>
 * The first client gets the request as it was built; each later one the neutral options
 * its provider sends, its own provider's options only, and its own configured model
 * unless {@link FallbackOptions} names one for it. The answer's
 * {@link ChatResponse#clientName()} names the client that served it. When every client
 * fails, the last error is raised with the earlier ones suppressed in it.
 *
 * <p>
 * The whole chain ends by its first client's deadline: it is set in the calls' Reactor
 * context ({@link CallDeadline}) for each client's gate and waits. A client whose circuit
 * breaker is open fails at once in its gate, and the chain moves on without sending
 * anything to it. Memory chat never falls back (its conversation lives on one server): a
 * chain is made of {@link ChatClient}s only.
 */
public final class FallbackChatClient implements ChatClient {

	private final List<FallbackTarget> chain;

	private final FallbackListener listener;

	private final Duration deadline;

	private final Scheduler scheduler;

	/**
	 * A chain of clients.
	 * @param chain the clients in the order they are asked, at least two, with different
	 * names
	 * @param listener told of each fallback
	 * @param deadline the longest the whole chain may take: its first client's deadline
	 * @param scheduler where the deadline is timed
	 */
	public FallbackChatClient(List<FallbackTarget> chain, FallbackListener listener, Duration deadline,
			Scheduler scheduler) {
		this.chain = List.copyOf(chain);
		if (this.chain.size() < 2) {
			throw new IllegalArgumentException("A fallback chain needs at least two clients");
		}
		if (this.chain.stream().map(FallbackTarget::name).distinct().count() != this.chain.size()) {
			throw new IllegalArgumentException("A fallback chain names a client twice: " + names());
		}
		this.listener = Objects.requireNonNull(listener, "listener must not be null");
		this.deadline = Objects.requireNonNull(deadline, "deadline must not be null");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
	}

	@Override
	public String name() {
		return primary().name();
	}

	@Override
	public String provider() {
		return primary().provider();
	}

	/** The first client of the chain, on its own. */
	public ChatClient primary() {
		return this.chain.get(0).client();
	}

	/** The names of the chain's clients, in the order they are asked. */
	public List<String> names() {
		return this.chain.stream().map(FallbackTarget::name).toList();
	}

	@Override
	public Mono<ChatResponse> chatReactive(ChatRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		return Mono.deferContextual((context) -> call(0, request, null, context))
			.timeout(this.deadline, Mono.error(() -> deadlineExceeded(0)), this.scheduler)
			.contextWrite((context) -> CallDeadline.within(context, deadlineFromNow()));
	}

	@Override
	public Flux<ChatChunk> stream(ChatRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		return Flux.defer(() -> {
			AtomicBoolean delivered = new AtomicBoolean();
			return Flux.deferContextual((context) -> stream(0, request, null, delivered, context))
				.takeUntilOther(Mono.delay(this.deadline, this.scheduler)
					.then(Mono.error(() -> deadlineExceeded(delivered.get() ? 1 : 0))));
		}).contextWrite((context) -> CallDeadline.within(context, deadlineFromNow()));
	}

	private Instant deadlineFromNow() {
		return Instant.ofEpochMilli(this.scheduler.now(TimeUnit.MILLISECONDS)).plus(this.deadline);
	}

	private Mono<ChatResponse> call(int index, ChatRequest request, @Nullable Throwable earlier, ContextView context) {
		FallbackTarget target = this.chain.get(index);
		return Mono.defer(() -> target.client().chatReactive(retarget(index, request))).onErrorResume((error) -> {
			suppress(error, earlier);
			FailureKind kind = FailureKind.of(error);
			if (index + 1 >= this.chain.size() || !kind.fallsBack()) {
				return Mono.error(error);
			}
			this.listener.onFallback(target.name(), this.chain.get(index + 1).name(), kind, context);
			return call(index + 1, request, error, context);
		});
	}

	private Flux<ChatChunk> stream(int index, ChatRequest request, @Nullable Throwable earlier, AtomicBoolean delivered,
			ContextView context) {
		FallbackTarget target = this.chain.get(index);
		return Flux.defer(() -> target.client().stream(retarget(index, request)))
			.doOnNext((chunk) -> delivered.set(true))
			.onErrorResume((error) -> {
				suppress(error, earlier);
				FailureKind kind = FailureKind.of(error);
				if (delivered.get() || index + 1 >= this.chain.size() || !kind.fallsBack()) {
					return Flux.error(error);
				}
				this.listener.onFallback(target.name(), this.chain.get(index + 1).name(), kind, context);
				return stream(index + 1, request, error, delivered, context);
			});
	}

	private ChatRequest retarget(int index, ChatRequest request) {
		FallbackTarget target = this.chain.get(index);
		return (index == 0) ? target.forFirst(request) : target.forFallback(request);
	}

	private static void suppress(Throwable error, @Nullable Throwable earlier) {
		if (earlier != null && earlier != error) {
			error.addSuppressed(earlier);
		}
	}

	private ChatTimeoutException deadlineExceeded(int chunks) {
		return new ChatTimeoutException(provider(), name(),
				"Deadline of " + this.deadline + " exceeded by the fallback chain " + names()
						+ ((chunks > 0) ? " after the answer began; the answer is incomplete" : ""),
				null);
	}

	@Override
	public String toString() {
		return "FallbackChatClient[name=" + name() + ", chain=" + names() + "]";
	}

}
