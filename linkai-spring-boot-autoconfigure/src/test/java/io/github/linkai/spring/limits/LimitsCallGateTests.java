package io.github.linkai.spring.limits;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.admission.Attempt;
import io.github.linkai.spring.client.admission.CallGate;
import io.github.linkai.spring.client.admission.CallInfo;
import io.github.linkai.spring.client.admission.CallPermit;
import io.github.linkai.spring.client.admission.PriceTable;
import io.github.linkai.spring.client.admission.PriceTable.Price;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.BadRequestException;
import io.github.linkai.spring.client.error.BudgetExhaustedException;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.error.CircuitOpenException;
import io.github.linkai.spring.client.error.ErrorDetails;
import io.github.linkai.spring.client.error.InFlightLimitException;
import io.github.linkai.spring.client.error.NoUsableKeyException;
import io.github.linkai.spring.client.error.QuotaExceededException;
import io.github.linkai.spring.client.error.RateLimitedException;
import io.github.linkai.spring.client.error.RequestRateLimitException;
import io.github.linkai.spring.client.error.ServerErrorException;
import io.github.linkai.spring.client.error.TokenRateLimitException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client's gate in memory, on virtual time: calls in flight, request and token rates,
 * budgets, the circuit breaker and the key pool.
 */
class LimitsCallGateTests {

	private static final Instant ORIGIN = Instant.parse("2026-12-31T15:00:00Z");

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final SchedulerClock clock = new SchedulerClock(this.time, ORIGIN);

	private final List<String> events = new CopyOnWriteArrayList<>();

	private final LimitsListener listener = new LimitsListener() {

		@Override
		public void waited(String clientName, String limit, Duration waited) {
			LimitsCallGateTests.this.events.add("waited " + limit + " " + waited);
		}

		@Override
		public void rejected(String clientName, String reason) {
			LimitsCallGateTests.this.events.add("rejected " + reason);
		}

	};

	private final PriceTable prices = PriceTable
		.of(Map.of("deepseek-chat", new Price(new BigDecimal("2"), null, new BigDecimal("8"))));

	private final Limits limits = Limits
		.inMemory(new Limits.Context(this.prices, this.clock, this.time, this.listener, "linkai"));

	@AfterEach
	void close() {
		this.limits.close();
		this.time.dispose();
	}

	@Test
	void aClientWithoutLimitsHasNoGate() {
		assertThat(this.limits.gate(client((limits) -> {
		}, null))).isSameAs(CallGate.NONE);
	}

	@Test
	void callsBeyondTheInFlightLimitWaitForAPlaceThenFailAtOnceAfterTheWait() {
		CallGate gate = this.limits.gate(client((limits) -> {
			limits.getLimits().setMaxInFlight(2);
			limits.getLimits().setMaxWait(Duration.ofSeconds(2));
		}, null));
		CallPermit first = admit(gate);
		admit(gate);

		Outcome<CallPermit> refused = Outcome.of(gate.admit(call(Duration.ofMinutes(1))));
		this.time.advanceTimeBy(Duration.ofMillis(1999));
		assertThat(refused.isPending()).isTrue();
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(refused.error()).isInstanceOf(InFlightLimitException.class)
			.hasMessageContaining("More than 2 calls in flight; none ended within PT2S");

		Outcome<CallPermit> admitted = Outcome.of(gate.admit(call(Duration.ofMinutes(1))));
		this.time.advanceTimeBy(Duration.ofMillis(500));
		assertThat(admitted.isPending()).isTrue();
		first.completed(null, null);
		assertThat(admitted.value()).isNotNull();
		assertThat(this.events).containsExactly("waited in-flight PT2S", "rejected in-flight",
				"waited in-flight PT0.5S");
	}

	@Test
	void theWaitForAPlaceEndsByTheCallsDeadlineAndACancelledWaitLeavesTheQueue() {
		CallGate gate = this.limits.gate(client((limits) -> {
			limits.getLimits().setMaxInFlight(1);
			limits.getLimits().setMaxWait(Duration.ofSeconds(10));
		}, null));
		CallPermit held = admit(gate);

		Outcome<CallPermit> late = Outcome.of(gate.admit(call(Duration.ofSeconds(3))));
		this.time.advanceTimeBy(Duration.ofSeconds(3));
		assertThat(late.error()).isInstanceOf(InFlightLimitException.class);
		Outcome<CallPermit> cancelled = Outcome.of(gate.admit(call(Duration.ofMinutes(1))));
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		cancelled.cancel();
		held.cancelled();

		assertThat(admit(gate)).isNotNull();
	}

	@Test
	void eachAttemptTakesARequestWaitingForItUpToTheBound() {
		CallGate gate = this.limits.gate(client((limits) -> {
			limits.getLimits().setRequestRate(2L);
			limits.getLimits().setRatePeriod(Duration.ofMinutes(1));
			limits.getLimits().setMaxWait(Duration.ofSeconds(40));
		}, null));
		admit(gate);
		admit(gate);

		// one request comes back every 30 s
		Outcome<CallPermit> third = Outcome.of(gate.admit(call(Duration.ofMinutes(5))));
		this.time.advanceTimeBy(Duration.ofSeconds(29));
		assertThat(third.isPending()).isTrue();
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(third.value()).isNotNull();
		assertThat(this.events).containsExactly("waited request-rate PT30S");
	}

	@Test
	void aRequestThatWouldComeTooLateIsRefusedAtOnce() {
		CallGate gate = this.limits.gate(client((limits) -> {
			limits.getLimits().setRequestRate(1L);
			limits.getLimits().setRatePeriod(Duration.ofMinutes(1));
			limits.getLimits().setMaxWait(Duration.ofSeconds(5));
		}, null));
		CallPermit permit = admit(gate);

		StepVerifier.create(gate.admit(call(Duration.ofMinutes(5))))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(RequestRateLimitException.class)
				.hasMessageContaining("Request rate of 1 per PT1M spent"))
			.verify(Duration.ofSeconds(1));
		// a retry of the admitted call takes a request too
		StepVerifier.create(permit.attempt(1))
			.expectError(RequestRateLimitException.class)
			.verify(Duration.ofSeconds(1));
		assertThat(this.events).containsExactly("rejected request-rate");
	}

	@Test
	void theTokensOfFinishedCallsSpendTheTokenRateIntoDebt() {
		CallGate gate = this.limits.gate(client((limits) -> {
			limits.getLimits().setTokenRate(1000L);
			limits.getLimits().setRatePeriod(Duration.ofMinutes(1));
		}, null));

		admit(gate).completed(Usage.of(1000, 500, null), null);

		StepVerifier.create(gate.admit(call(Duration.ofMinutes(1))))
			.expectErrorSatisfies((error) -> assertThat(((TokenRateLimitException) error).retryAfter())
				.isEqualTo(Duration.ofSeconds(30).plusMillis(60)))
			.verify();
		this.time.advanceTimeBy(Duration.ofSeconds(31));
		assertThat(admit(gate)).isNotNull();
	}

	@Test
	void aCostBudgetIsSpentAtThePriceTablesPricesAndRefusesCallsOnceSpentUntilTheNextPeriod() {
		CallGate gate = this.limits.gate(client((limits) -> {
			limits.getBudget().setCost(new BigDecimal("0.01"));
			limits.getBudget().setZone(ZoneId.of("Asia/Shanghai"));
		}, null));
		// 23:00 on Dec 31 in Shanghai
		CallPermit permit = admit(gate);
		// 1000 x 2 + 1000 x 8 per million = 0.01
		permit.completed(Usage.of(1000, 1000, null),
				this.prices.cost(null, "deepseek-chat", null, Usage.of(1000, 1000, null)));

		StepVerifier.create(gate.admit(call(Duration.ofMinutes(1)))).expectErrorSatisfies((error) -> {
			BudgetExhaustedException exhausted = (BudgetExhaustedException) error;
			assertThat(exhausted.period()).isEqualTo("2026-12");
			assertThat(exhausted.retryAfter()).isEqualTo(Duration.ofHours(1));
		}).verify();
		assertThat(this.limits.details("assistant")).containsEntry("budget",
				Map.of("unit", "micros", "limit", 10_000L, "period", "2026-12", "remaining", 0L));

		this.time.advanceTimeBy(Duration.ofHours(1));
		assertThat(admit(gate)).isNotNull();
		assertThat(this.limits.budgetRemaining("assistant")).isEqualTo(10_000L);
	}

	@Test
	void theProvidersOwnCostCountsAsReported() {
		CallGate gate = this.limits.gate(client((limits) -> limits.getBudget().setCost(new BigDecimal("1")), null));

		admit(gate).completed(Usage.of(1, 1, null), new BigDecimal("0.25"));
		admit(gate);

		assertThat(this.limits.budgetRemaining("assistant")).isEqualTo(750_000L);
	}

	@Test
	void aTokenBudgetCountsTokens() {
		CallGate gate = this.limits.gate(client((limits) -> {
			limits.getBudget().setTokens(100L);
			limits.getBudget().setPeriod(BudgetPeriod.DAY);
		}, null));

		admit(gate).completed(Usage.of(60, 40, null), null);

		StepVerifier.create(gate.admit(call(Duration.ofMinutes(1))))
			.expectErrorSatisfies(
					(error) -> assertThat(((BudgetExhaustedException) error).period()).isEqualTo("2026-12-31"))
			.verify();
	}

	@Test
	void aCallNamingAnUnpricedModelOnAClientWithACostBudgetIsRefusedBeforeSending() {
		CallGate gate = this.limits.gate(client((limits) -> limits.getBudget().setCost(BigDecimal.ONE), null));

		StepVerifier
			.create(gate.admit(new CallInfo("openai", "assistant", "gpt-unpriced", false, false,
					this.clock.instant().plusSeconds(60))))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ChatRequestValidationException.class)
				.hasMessageContaining("model has no price in linkai.pricing"))
			.verify();
	}

	@Test
	void theBreakerOpensAfterProviderFailuresInARowIgnoringEverythingElse() {
		CallGate gate = this.limits.gate(client((limits) -> {
		}, breaker(3, Duration.ofSeconds(30))));
		admit(gate).failed(serverError());
		admit(gate).failed(serverError());
		admit(gate).failed(new BadRequestException(details(400), "bad request"));
		admit(gate).failed(new RateLimitedException(details(429), "rate limited"));
		admit(gate).cancelled();
		assertThat(this.limits.breakerState("assistant")).isEqualTo("CLOSED");

		admit(gate).failed(serverError());

		assertThat(this.limits.breakerState("assistant")).isEqualTo("OPEN");
		StepVerifier.create(gate.admit(call(Duration.ofMinutes(1))))
			.expectErrorSatisfies((error) -> assertThat(((CircuitOpenException) error).retryAfter())
				.isEqualTo(Duration.ofSeconds(30)))
			.verify();
		assertThat(this.events).containsExactly("rejected circuit-open");
	}

	@Test
	void anOpenBreakerLetsOneCallTryAfterTheCooldownWhoseSuccessClosesIt() {
		CallGate gate = this.limits.gate(client((limits) -> {
		}, breaker(2, Duration.ofSeconds(30))));
		admit(gate).failed(serverError());
		admit(gate).failed(serverError());

		this.time.advanceTimeBy(Duration.ofSeconds(30));
		StepVerifier.create(gate.admit(call(Duration.ofMinutes(1)))).expectError(CircuitOpenException.class).verify();
		this.time.advanceTimeBy(Duration.ofMillis(1));
		CallPermit trial = admit(gate);
		assertThat(this.limits.breakerState("assistant")).isEqualTo("HALF_OPEN");
		StepVerifier.create(gate.admit(call(Duration.ofMinutes(1)))).expectError(CircuitOpenException.class).verify();

		trial.answered();
		trial.failed(new ServerErrorException(details(502), "after the answer began"));

		assertThat(this.limits.breakerState("assistant")).isEqualTo("CLOSED");
	}

	@Test
	void aFailedTrialOpensTheBreakerAgain() {
		CallGate gate = this.limits.gate(client((limits) -> {
		}, breaker(1, Duration.ofSeconds(10))));
		admit(gate).failed(serverError());
		this.time.advanceTimeBy(Duration.ofSeconds(10).plusMillis(1));

		admit(gate).failed(serverError());

		assertThat(this.limits.breakerState("assistant")).isEqualTo("OPEN");
		assertThat(this.limits.details("assistant")).extracting("breaker")
			.isEqualTo(Map.of("state", "OPEN", "retryAt", this.clock.instant().plusSeconds(10).toString()));
	}

	@Test
	void aRefusedCallGivesItsBreakerPermissionAndPlaceBack() {
		CallGate gate = this.limits.gate(client((limits) -> {
			limits.getLimits().setMaxInFlight(1);
			limits.getLimits().setRequestRate(1L);
			limits.getLimits().setMaxWait(Duration.ZERO);
		}, breaker(1, Duration.ofSeconds(10))));
		admit(gate).completed(null, null);

		// the request rate refuses the second call: its place and its permission are
		// given
		// back
		StepVerifier.create(gate.admit(call(Duration.ofMinutes(1))))
			.expectError(RequestRateLimitException.class)
			.verify();
		this.time.advanceTimeBy(Duration.ofMinutes(1));
		CallPermit permit = admit(gate);

		assertThat(permit).isNotNull();
		assertThat(this.limits.breakerState("assistant")).isEqualTo("CLOSED");
	}

	@Test
	void callsSpreadOverTheKeysAndARateLimitedKeyIsSkippedAtOnce() {
		CallGate gate = this.limits.gate(client((limits) -> {
		}, null, "k0", "k1", "k2"));
		assertThat(List.of(first(gate), first(gate), first(gate), first(gate))).containsExactly(0, 1, 2, 0);

		CallPermit permit = admit(gate);
		Attempt attempt = permit.attempt(0).block();
		RateLimitedException limited = new RateLimitedException(
				new ErrorDetails("openai", "assistant", 429, null, null, Duration.ofSeconds(20)), "rate limited");

		assertThat(permit.attemptFailed(attempt, limited)).isTrue();
		assertThat(permit.attempt(1).block().keyIndex()).isNotEqualTo(attempt.keyIndex());
		assertThat(this.limits.details("assistant")).extracting("keys")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.contains(Map.of("position", attempt.keyIndex(), "state", "COOLED", "reason", "RATE_LIMITED", "until",
					this.clock.instant().plusSeconds(20).toString()));
	}

	@Test
	void rejectedAndExhaustedKeysAreParkedUntilNoneIsLeft() {
		CallGate gate = this.limits.gate(client((limits) -> {
		}, null, "k0", "k1"));
		CallPermit permit = admit(gate);
		Attempt first = permit.attempt(0).block();

		assertThat(permit.attemptFailed(first, new AuthenticationException(details(401), "bad key"))).isTrue();
		Attempt second = permit.attempt(1).block();
		assertThat(permit.attemptFailed(second, new QuotaExceededException(details(402), "no credit"))).isFalse();
		assertThat(this.limits.parkedKeys("assistant")).isEqualTo(2);

		StepVerifier.create(gate.admit(call(Duration.ofMinutes(1))))
			.expectErrorSatisfies((error) -> assertThat(((NoUsableKeyException) error).retryAfter())
				.isEqualTo(Duration.ofMinutes(10)))
			.verify();
		this.time.advanceTimeBy(Duration.ofMinutes(10));
		assertThat(admit(gate)).isNotNull();
	}

	@Test
	void aProviderSayingItsWindowIsSpentCoolsTheKey() {
		CallGate gate = this.limits.gate(client((limits) -> {
		}, null, "k0", "k1"));
		CallPermit permit = admit(gate);
		Attempt attempt = permit.attempt(0).block();

		permit.providerLimits(attempt,
				new io.github.linkai.spring.client.admission.ProviderLimits(0L, Duration.ofSeconds(5), null, null));

		assertThat(first(gate)).isNotEqualTo(attempt.keyIndex());
		assertThat(first(gate)).isNotEqualTo(attempt.keyIndex());
	}

	private int first(CallGate gate) {
		CallPermit permit = admit(gate);
		int key = permit.attempt(0).block().keyIndex();
		permit.completed(null, null);
		return key;
	}

	private CallPermit admit(CallGate gate) {
		return Mono.from(gate.admit(call(Duration.ofMinutes(1)))).block(Duration.ofSeconds(1));
	}

	private CallInfo call(Duration deadline) {
		return new CallInfo("openai", "assistant", "deepseek-chat", false, false, this.clock.instant().plus(deadline));
	}

	private static ClientLimits client(Consumer<Settings> settings, BreakerSettings breaker, String... keys) {
		Settings all = new Settings();
		settings.accept(all);
		return new ClientLimits("openai", "assistant", all.getLimits(), all.getBudget(), breaker,
				(keys.length == 0) ? List.of("k0") : List.of(keys), Duration.ofMinutes(10));
	}

	private static BreakerSettings breaker(int threshold, Duration cooldown) {
		BreakerSettings breaker = new BreakerSettings();
		breaker.setFailureThreshold(threshold);
		breaker.setCooldown(cooldown);
		return breaker;
	}

	private static ServerErrorException serverError() {
		return new ServerErrorException(details(503), "service unavailable");
	}

	private static ErrorDetails details(int status) {
		return new ErrorDetails("openai", "assistant", status, null, "failed", null);
	}

	static final class Settings {

		private final LimitSettings limits = new LimitSettings();

		private final BudgetSettings budget = new BudgetSettings();

		LimitSettings getLimits() {
			return this.limits;
		}

		BudgetSettings getBudget() {
			return this.budget;
		}

	}

}
