package io.github.linkai.spring.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientTarget;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.error.ErrorDetails;
import io.github.linkai.spring.client.error.ServerErrorException;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatClientHealthIndicator}: passive health without a call, and the
 * probe's caching, timeout and independence from the health checks that wait for it.
 */
class ChatClientHealthIndicatorTests {

	private static final ChatClientTarget TARGET = new ChatClientTarget("acme", "api.acme.test", "");

	private static final ProbeSettings PROBE = new ProbeSettings(Duration.ofMinutes(1), Duration.ofSeconds(5), "ping");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	private final ChatClientHealthTracker tracker = new ChatClientHealthTracker(
			new PassiveHealthSettings(Duration.ofMinutes(5), 1), this.clock);

	@Test
	void withoutAProbeTheHealthShouldComeFromMemoryAndCallNothing() {
		ReportingClient client = new ReportingClient(this.tracker, () -> Mono.just(reply()));
		ChatClientHealthIndicator indicator = new ChatClientHealthIndicator(client, TARGET, this.tracker, null);
		Health health = indicator.health().block(Duration.ofSeconds(1));
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).doesNotContainKey("probe");
		assertThat(client.calls.get()).isZero();
	}

	@Test
	void aBurstOfHealthChecksShouldShareOneProbe() {
		Sinks.One<ChatResponse> answer = Sinks.one();
		ReportingClient client = new ReportingClient(this.tracker, answer::asMono);
		ChatClientHealthIndicator indicator = new ChatClientHealthIndicator(client, TARGET, this.tracker, PROBE);
		List<Mono<Health>> checks = java.util.stream.IntStream.range(0, 50)
			.mapToObj((i) -> indicator.health().cache())
			.toList();
		checks.forEach(Mono::subscribe);
		answer.tryEmitValue(reply());
		for (Mono<Health> check : checks) {
			assertThat(check.block(Duration.ofSeconds(1)).getStatus()).isEqualTo(Status.UP);
		}
		assertThat(client.calls.get()).isOne();
		assertThat(client.requests).singleElement()
			.satisfies((request) -> assertThat(request.messages().get(0).text()).isEqualTo("ping"));
		Health health = indicator.health().block(Duration.ofSeconds(1));
		assertThat(client.calls.get()).as("cached for the interval").isOne();
		assertThat(health.getDetails().get("probe"))
			.isEqualTo(Map.of("interval", "PT1M", "lastCall", "2026-11-22T10:00:00Z", "lastResult", "SUCCESS"));
	}

	@Test
	void theProbeShouldRunAgainOnlyAfterTheInterval() {
		ReportingClient client = new ReportingClient(this.tracker, () -> Mono.just(reply()));
		ChatClientHealthIndicator indicator = new ChatClientHealthIndicator(client, TARGET, this.tracker, PROBE);
		indicator.health().block(Duration.ofSeconds(1));
		this.clock.advance(Duration.ofSeconds(59));
		indicator.health().block(Duration.ofSeconds(1));
		assertThat(client.calls.get()).isOne();
		this.clock.advance(Duration.ofSeconds(1));
		indicator.health().block(Duration.ofSeconds(1));
		assertThat(client.calls.get()).isEqualTo(2);
	}

	@Test
	void aRecentRealCallShouldMakeTheProbeUnnecessary() {
		ReportingClient client = new ReportingClient(this.tracker, () -> Mono.just(reply()));
		ChatClientHealthIndicator indicator = new ChatClientHealthIndicator(client, TARGET, this.tracker, PROBE);
		this.tracker.onFailure("default",
				new ServerErrorException(new ErrorDetails("acme", "default", 500, null, null, null), "server error"));
		this.clock.advance(Duration.ofSeconds(30));
		Health health = indicator.health().block(Duration.ofSeconds(1));
		assertThat(client.calls.get()).isZero();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(indicator.health().block(Duration.ofSeconds(1)).getStatus()).as("the probe succeeded")
			.isEqualTo(Status.UP);
		assertThat(client.calls.get()).isOne();
	}

	@Test
	void aProbeWithoutAnAnswerInTimeShouldCountAsAProviderFailure() {
		ReportingClient client = new ReportingClient(this.tracker, Mono::never);
		ChatClientHealthIndicator indicator = new ChatClientHealthIndicator(client, TARGET, this.tracker,
				new ProbeSettings(Duration.ofMinutes(1), Duration.ofMillis(100), "ping"));
		Health health = indicator.health().block(Duration.ofSeconds(2));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("lastFailure").toString()).contains("ChatTimeoutException");
		assertThat(health.getDetails().get("probe").toString()).contains("lastResult=ChatTimeoutException");
		assertThat(client.cancelled.get()).as("the timed out call was closed").isOne();
	}

	@Test
	void aHealthCheckThatGivesUpShouldNotCancelTheProbe() {
		Sinks.One<ChatResponse> answer = Sinks.one();
		ReportingClient client = new ReportingClient(this.tracker, answer::asMono);
		ChatClientHealthIndicator indicator = new ChatClientHealthIndicator(client, TARGET, this.tracker, PROBE);
		Disposable check = indicator.health().subscribe();
		check.dispose();
		answer.tryEmitValue(reply());
		assertThat(client.cancelled.get()).isZero();
		assertThat(indicator.health().block(Duration.ofSeconds(1)).getStatus()).isEqualTo(Status.UP);
		assertThat(client.calls.get()).isOne();
	}

	@Test
	void aClientThatThrowsShouldNotLeaveTheProbeInFlight() {
		ReportingClient client = new ReportingClient(this.tracker, () -> Mono.just(reply())) {

			@Override
			public Mono<ChatResponse> chatReactive(ChatRequest request) {
				this.calls.incrementAndGet();
				throw new IllegalStateException("broken client");
			}

		};
		ChatClientHealthIndicator indicator = new ChatClientHealthIndicator(client, TARGET, this.tracker, PROBE);
		Health health = indicator.health().block(Duration.ofSeconds(1));
		assertThat(health.getDetails().get("probe").toString()).contains("lastResult=IllegalStateException");
		this.clock.advance(Duration.ofMinutes(1));
		indicator.health().block(Duration.ofSeconds(1));
		assertThat(client.calls.get()).isEqualTo(2);
	}

	private ChatResponse reply() {
		return new ChatResponse("acme", "default", null, "pong", "stop", null, null, null, List.of(), null, Map.of());
	}

	/**
	 * A client that reports its calls to the tracker as the starter's clients do, and
	 * counts them.
	 */
	static class ReportingClient implements ChatClient {

		final AtomicInteger calls = new AtomicInteger();

		final AtomicInteger cancelled = new AtomicInteger();

		final List<ChatRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

		private final ChatClientHealthTracker tracker;

		private final Supplier<Mono<ChatResponse>> answer;

		ReportingClient(ChatClientHealthTracker tracker, Supplier<Mono<ChatResponse>> answer) {
			this.tracker = tracker;
			this.answer = answer;
		}

		@Override
		public String name() {
			return "default";
		}

		@Override
		public String provider() {
			return "acme";
		}

		@Override
		public Mono<ChatResponse> chatReactive(ChatRequest request) {
			return Mono.defer(() -> {
				this.calls.incrementAndGet();
				this.requests.add(request);
				return this.answer.get();
			})
				.doOnSuccess((response) -> this.tracker.onSuccess(name()))
				.doOnError((error) -> this.tracker.onFailure(name(), error))
				.doOnCancel(this.cancelled::incrementAndGet);
		}

		@Override
		public Flux<ChatChunk> stream(ChatRequest request) {
			throw new UnsupportedOperationException();
		}

	}

}
