package io.github.linkai.spring.client.admission;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.FakeChatClient;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.admission.PriceTable.Price;
import io.github.linkai.spring.client.error.CircuitOpenException;
import io.github.linkai.spring.client.error.RequestRateLimitException;
import io.github.linkai.spring.client.error.ServerErrorException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's calls through its gate: admitted first, and told how they ended. */
class GatedCallsTests {

	private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

	private static final PriceTable PRICES = PriceTable
		.of(Map.of("m", new Price(new BigDecimal("2"), null, new BigDecimal("8"))));

	private final RecordingGate gate = new RecordingGate();

	private final FakeChatClient fake = new FakeChatClient("assistant", "linkai");

	private final GatedCalls calls = new GatedCalls(this.gate, "linkai", "assistant", "m", Duration.ofSeconds(30),
			Clock.fixed(NOW, ZoneOffset.UTC), PRICES);

	private final ChatClient client = this.calls.chatClient(this.fake);

	@Test
	void aCallIsAdmittedTakesItsFirstAttemptAndReportsItsUsageAndCost() {
		this.fake.answering(FakeChatClient.chunk("hi", null), FakeChatClient.last(Usage.of(1000, 500, null), null));

		ChatResponse response = this.client.chatReactive(ChatRequest.of("hello")).block();

		assertThat(response.content()).isEqualTo("hi");
		assertThat(this.gate.calls).singleElement()
			.isEqualTo(new CallInfo("linkai", "assistant", "m", false, false, NOW.plusSeconds(30)));
		// 1000 x 2 + 500 x 8 per million
		assertThat(this.gate.permit.events).containsExactly("attempt 0", "answered", "completed 1500 0.006");
	}

	@Test
	void thePermitRidesInTheCallsContext() {
		AtomicReference<Object> seen = new AtomicReference<>();
		this.fake.answering((request) -> Flux.deferContextual((context) -> {
			seen.set(context.getOrDefault(CallPermit.CONTEXT_KEY, null));
			return Flux.just(FakeChatClient.chunk("ok", "stop"));
		}));

		this.client.chatReactive(ChatRequest.of("hello")).block();

		assertThat(seen.get()).isSameAs(this.gate.permit);
	}

	@Test
	void aRefusedCallIsNeverSent() {
		this.gate.refusal = new CircuitOpenException("linkai", "assistant", Duration.ofSeconds(30));

		StepVerifier.create(this.client.chatReactive(ChatRequest.of("hello")))
			.expectError(CircuitOpenException.class)
			.verify();
		assertThat(this.fake.calls()).isZero();
	}

	@Test
	void aRefusedAttemptIsNeverSentAndFailsThePermit() {
		this.gate.permit.attemptRefusal = new RequestRateLimitException("linkai", "assistant", 1, Duration.ofMinutes(1),
				null);

		StepVerifier.create(this.client.chatReactive(ChatRequest.of("hello")))
			.expectError(RequestRateLimitException.class)
			.verify();
		assertThat(this.fake.calls()).isZero();
		assertThat(this.gate.permit.events).containsExactly("attempt 0", "failed RequestRateLimitException");
	}

	@Test
	void aFailedCallFailsItsPermitWithoutAnAnswer() {
		this.fake.failing(() -> new ServerErrorException(FakeChatClient.details("linkai", "assistant", 500), "x"));

		StepVerifier.create(this.client.chatReactive(ChatRequest.of("hello")))
			.expectError(ServerErrorException.class)
			.verify();
		assertThat(this.gate.permit.events).containsExactly("attempt 0", "failed ServerErrorException");
	}

	@Test
	void aStreamIsAnsweredAtItsFirstChunkAndCompletesWithItsLastUsageAndTheProvidersCost() {
		this.fake.answering(FakeChatClient.chunk("a", null), FakeChatClient.chunk("b", null),
				FakeChatClient.last(Usage.of(10, 20, null), new BigDecimal("0.5")));

		StepVerifier.create(this.client.stream(ChatRequest.of("hello"))).expectNextCount(3).verifyComplete();

		assertThat(this.gate.calls).singleElement().extracting(CallInfo::stream).isEqualTo(true);
		assertThat(this.gate.permit.events).containsExactly("attempt 0", "answered", "completed 30 0.5");
	}

	@Test
	void aStreamFailingAfterItsFirstChunkWasAnsweredThenFailed() {
		this.fake.failingAfterAChunk(
				() -> new ServerErrorException(FakeChatClient.details("linkai", "assistant", 500), "x"));

		StepVerifier.create(this.client.stream(ChatRequest.of("hello")))
			.expectNextCount(1)
			.expectError(ServerErrorException.class)
			.verify();

		assertThat(this.gate.permit.events).containsExactly("attempt 0", "answered", "failed ServerErrorException");
	}

	@Test
	void aCancelledStreamIsCancelled() {
		this.fake.answering((request) -> Flux.concat(Flux.just(FakeChatClient.chunk("a", null)), Flux.never()));

		StepVerifier.create(this.client.stream(ChatRequest.of("hello"))).expectNextCount(1).thenCancel().verify();

		assertThat(this.gate.permit.events).containsExactly("attempt 0", "answered", "cancelled");
	}

	@Test
	void aMemoryClientsCallsAreStatefulAndTheRequestsModelWins() {
		MemoryChatClient memory = this.calls.memoryChatClient(new FakeMemoryChatClient(this.fake));

		memory.chatReactive(ChatRequest.builder().user("hi").model("other").build()).block();

		assertThat(this.gate.calls).singleElement()
			.isEqualTo(new CallInfo("linkai", "assistant", "other", false, true, NOW.plusSeconds(30)));
	}

	@Test
	void anEarlierDeadlineAroundTheCallIsTheGates() {
		this.client.chatReactive(ChatRequest.of("hi"))
			.contextWrite((context) -> CallDeadline.within(context, NOW.plusSeconds(5)))
			.block();

		assertThat(this.gate.calls).singleElement().extracting(CallInfo::deadline).isEqualTo(NOW.plusSeconds(5));
	}

	@Test
	void withoutAGateTheClientIsItself() {
		GatedCalls none = new GatedCalls(CallGate.NONE, "linkai", "assistant", null, Duration.ofSeconds(1),
				Clock.systemUTC(), PriceTable.empty());

		assertThat(none.chatClient(this.fake)).isSameAs(this.fake);
		assertThat(CallGate.NONE.admit(new CallInfo("linkai", "a", null, false, false, NOW)).block())
			.isSameAs(CallPermit.unlimited());
	}

	static final class RecordingGate implements CallGate {

		final List<CallInfo> calls = new CopyOnWriteArrayList<>();

		final RecordingPermit permit = new RecordingPermit();

		@Nullable RuntimeException refusal;

		@Override
		public Mono<CallPermit> admit(CallInfo call) {
			this.calls.add(call);
			return (this.refusal != null) ? Mono.error(this.refusal) : Mono.just(this.permit);
		}

	}

	static final class RecordingPermit implements CallPermit {

		final List<String> events = new CopyOnWriteArrayList<>();

		@Nullable RuntimeException attemptRefusal;

		@Override
		public Mono<Attempt> attempt(int number) {
			this.events.add("attempt " + number);
			return (this.attemptRefusal != null) ? Mono.error(this.attemptRefusal) : Mono.just(new Attempt(number, 0));
		}

		@Override
		public boolean attemptFailed(Attempt attempt, Throwable error) {
			this.events.add("attemptFailed");
			return false;
		}

		@Override
		public void providerLimits(Attempt attempt, ProviderLimits limits) {
			this.events.add("limits");
		}

		@Override
		public void answered() {
			this.events.add("answered");
		}

		@Override
		public void completed(@Nullable Usage usage, @Nullable BigDecimal cost) {
			this.events.add("completed " + ((usage != null) ? usage.totalTokens() : null) + " "
					+ ((cost != null) ? cost.toPlainString() : null));
		}

		@Override
		public void failed(Throwable error) {
			this.events.add("failed " + error.getClass().getSimpleName());
		}

		@Override
		public void cancelled() {
			this.events.add("cancelled");
		}

	}

	/** A memory chat client over a fake's answers. */
	record FakeMemoryChatClient(FakeChatClient fake) implements MemoryChatClient {

		@Override
		public String name() {
			return this.fake.name();
		}

		@Override
		public String provider() {
			return this.fake.provider();
		}

		@Override
		public Mono<ChatResponse> chatReactive(ChatRequest request) {
			return this.fake.chatReactive(request);
		}

		@Override
		public Flux<ChatChunk> stream(ChatRequest request) {
			return this.fake.stream(request);
		}

	}

}
