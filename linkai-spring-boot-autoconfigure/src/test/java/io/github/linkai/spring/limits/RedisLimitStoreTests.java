package io.github.linkai.spring.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.admission.Attempt;
import io.github.linkai.spring.client.admission.CallGate;
import io.github.linkai.spring.client.admission.CallInfo;
import io.github.linkai.spring.client.admission.CallPermit;
import io.github.linkai.spring.client.admission.PriceTable;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.BudgetExhaustedException;
import io.github.linkai.spring.client.error.CircuitOpenException;
import io.github.linkai.spring.client.error.ErrorDetails;
import io.github.linkai.spring.client.error.LimiterUnavailableException;
import io.github.linkai.spring.client.error.RequestRateLimitException;
import io.github.linkai.spring.client.error.ServerErrorException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances' limits on one real Redis: one request rate, one budget, one breaker and
 * one key pool between them; and what a call meets while Redis is gone.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisLimitStoreTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	private final ClientResources resources = ClientResources.builder()
		.reconnectDelay(Delay.constant(Duration.ofMillis(100)))
		.build();

	private final List<RedisClient> clients = new ArrayList<>();

	private final List<Limits> instances = new ArrayList<>();

	private final List<String> events = new CopyOnWriteArrayList<>();

	@BeforeEach
	void emptyRedis() {
		redis.start();
		redis.command("FLUSHALL");
	}

	@AfterEach
	void close() {
		this.instances.forEach(Limits::close);
		this.clients.forEach(RedisClient::shutdown);
		this.resources.shutdown();
	}

	@Test
	void twoInstancesShareOneRequestRateExactly() {
		CallGate a = instance(LimitStoreSettings.Unavailable.FAIL_OPEN).gate(rated(10));
		CallGate b = instance(LimitStoreSettings.Unavailable.FAIL_OPEN).gate(rated(10));
		List<Mono<Boolean>> calls = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			calls.add(((i % 2 == 0) ? a : b).admit(call(Duration.ofSeconds(5)))
				.map((permit) -> true)
				.onErrorResume(RequestRateLimitException.class, (error) -> Mono.just(false)));
		}

		List<Boolean> admitted = Mono.zip(calls, (results) -> {
			List<Boolean> all = new ArrayList<>();
			for (Object result : results) {
				all.add((Boolean) result);
			}
			return all;
		}).block(Duration.ofSeconds(10));

		assertThat(admitted).filteredOn(Boolean::booleanValue).hasSize(10);
	}

	@Test
	void eachRequestIsTakenOnRedisByDefaultWithOneReadAndOneCompareAndSwap() {
		CallGate gate = instance(LimitStoreSettings.Unavailable.FAIL_CLOSED).gate(rated(1_000));
		admit(gate);
		redis.command("CONFIG RESETSTAT");

		for (int i = 0; i < 20; i++) {
			admit(gate);
		}

		// Bucket4j's compare-and-swap: a GET, then a script that reads again and sets
		assertThat(calls("eval")).isEqualTo(20);
		assertThat(calls("get")).isEqualTo(2 * 20);
	}

	@Test
	void withAnUnsynchronizedTimeInstancesTakeRequestsFromTheirViewAndGoOverByAtMostTheirAllowance() {
		LimitStoreSettings.Redis settings = new LimitStoreSettings.Redis();
		settings.setUnsynchronizedTime(Duration.ofHours(1));
		settings.setUnsynchronizedRequests(2);
		CallGate a = instance(LimitStoreSettings.Unavailable.FAIL_CLOSED, settings).gate(rated(10));
		CallGate b = instance(LimitStoreSettings.Unavailable.FAIL_CLOSED, settings).gate(rated(10));
		redis.command("CONFIG RESETSTAT");

		int admitted = 0;
		for (int i = 0; i < 30; i++) {
			Boolean taken = ((i % 2 == 0) ? a : b).admit(call(Duration.ofSeconds(5)))
				.map((permit) -> true)
				.onErrorResume(RequestRateLimitException.class, (error) -> Mono.just(false))
				.block(Duration.ofSeconds(5));
			admitted += Boolean.TRUE.equals(taken) ? 1 : 0;
		}

		assertThat(admitted).isBetween(10, 10 + 2 * 2);
		// the admitted calls wrote to Redis once per two requests, at most
		assertThat(calls("eval")).isLessThan(30);
	}

	@Test
	void withAnUnsynchronizedTimeAnIdleInstanceWritesWhatItSpentWithinThatTime() {
		LimitStoreSettings.Redis settings = new LimitStoreSettings.Redis();
		settings.setUnsynchronizedTime(Duration.ofMillis(300));
		Limits first = instance(LimitStoreSettings.Unavailable.FAIL_CLOSED, settings);
		CallGate a = first.gate(budgeted(100));
		CallGate b = instance(LimitStoreSettings.Unavailable.FAIL_CLOSED).gate(budgeted(100));
		await().atMost(Duration.ofSeconds(10)).until(first::isStoreAvailable);

		admit(a).completed(Usage.of(60, 40, null), null);

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(b.admit(call(Duration.ofSeconds(5)))
				.map((permit) -> "admitted")
				.onErrorResume(BudgetExhaustedException.class, (error) -> Mono.just("exhausted"))
				.block()).isEqualTo("exhausted"));
	}

	@Test
	void aBudgetSpentOnOneInstanceIsSpentOnTheOther() {
		Limits first = instance(LimitStoreSettings.Unavailable.FAIL_OPEN);
		Limits second = instance(LimitStoreSettings.Unavailable.FAIL_OPEN);
		CallGate a = first.gate(budgeted(100));
		CallGate b = second.gate(budgeted(100));
		// each connects in the background: a spend made before would be skipped
		// (fail-open)
		await().atMost(Duration.ofSeconds(10)).until(() -> first.isStoreAvailable() && second.isStoreAvailable());

		admit(a).completed(Usage.of(60, 40, null), null);

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(b.admit(call(Duration.ofSeconds(5)))
				.map((permit) -> "admitted")
				.onErrorResume(BudgetExhaustedException.class, (error) -> Mono.just("exhausted"))
				.block()).isEqualTo("exhausted"));
	}

	@Test
	void aBreakerOpenedOnOneInstanceIsOpenOnTheOtherAfterASync() {
		Limits first = instance(LimitStoreSettings.Unavailable.FAIL_OPEN);
		Limits second = instance(LimitStoreSettings.Unavailable.FAIL_OPEN);
		CallGate a = first.gate(withBreaker());
		CallGate b = second.gate(withBreaker());
		admit(b).completed(null, null);

		admit(a).failed(new ServerErrorException(new ErrorDetails("openai", "assistant", 503, null, null, null), "x"));
		assertThat(first.breakerState("assistant")).isEqualTo("OPEN");

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			second.syncOnce().block();
			assertThat(second.breakerState("assistant")).isEqualTo("OPEN");
		});
		assertThat(b.admit(call(Duration.ofSeconds(5)))
			.onErrorResume(CircuitOpenException.class, (error) -> Mono.empty())
			.block()).isNull();
	}

	@Test
	void aKeyParkedOnOneInstanceIsNotUsedOnTheOther() {
		Limits first = instance(LimitStoreSettings.Unavailable.FAIL_OPEN);
		Limits second = instance(LimitStoreSettings.Unavailable.FAIL_OPEN);
		CallGate a = first.gate(pooled());
		CallGate b = second.gate(pooled());
		CallPermit permit = admit(a);
		Attempt attempt = permit.attempt(0).block();

		permit.attemptFailed(attempt,
				new AuthenticationException(new ErrorDetails("openai", "assistant", 401, null, null, null), "bad key"));

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			second.syncOnce().block();
			assertThat(second.parkedKeys("assistant")).isOne();
		});
		for (int i = 0; i < 4; i++) {
			assertThat(admit(b).attempt(0).block().keyIndex()).isNotEqualTo(attempt.keyIndex());
		}
	}

	@Test
	void failingOpenCallsGoOnWithoutRedisSaidOnceAndItRecovers(CapturedOutput output) {
		CallGate gate = instance(LimitStoreSettings.Unavailable.FAIL_OPEN).gate(rated(1000));
		admit(gate);

		redis.stop();
		long start = System.nanoTime();
		for (int i = 0; i < 20; i++) {
			admit(gate).completed(Usage.of(1, 1, null), null);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(took).isLessThan(Duration.ofSeconds(2));
		assertThat(output.toString().split("Redis unavailable for linkai limits: failing open", -1)).hasSize(2);
		assertThat(this.events).filteredOn("outage"::equals).hasSize(1);
		assertThat(this.events).filteredOn("decision open"::equals).hasSizeGreaterThanOrEqualTo(19);

		redis.start();
		// the next call after the retry interval probes Redis again
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			admit(gate).completed(null, null);
			assertThat(output).contains("Redis available again for linkai limits after");
		});
		assertThat(output.toString().split("Redis unavailable for linkai limits", -1)).hasSize(2);
	}

	@Test
	void failingClosedCallsAreRefusedAtOnceWithoutRedis() {
		CallGate gate = instance(LimitStoreSettings.Unavailable.FAIL_CLOSED).gate(rated(1000));
		admit(gate);

		redis.stop();
		long start = System.nanoTime();
		Object error = gate.admit(call(Duration.ofSeconds(30)))
			.map(Object.class::cast)
			.onErrorResume(Mono::just)
			.block(Duration.ofSeconds(5));

		assertThat(error).isInstanceOf(LimiterUnavailableException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
	}

	@Test
	void aRedisThatDoesNotAnswerHoldsNoCallPastItsTimeoutNorItsDeadline(CapturedOutput output) throws Exception {
		CallGate gate = instance(LimitStoreSettings.Unavailable.FAIL_OPEN).gate(rated(1000));
		admit(gate);
		// the server stops answering for 2 s; the connection stays open
		CompletableFuture<String> sleeping = CompletableFuture.supplyAsync(() -> redis.command("DEBUG SLEEP 2"));
		Thread.sleep(100);

		long start = System.nanoTime();
		CallPermit permit = gate.admit(call(Duration.ofMillis(150))).block(Duration.ofSeconds(5));
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(permit).isNotNull();
		assertThat(took).isLessThan(Duration.ofMillis(600));
		sleeping.get();
		// what was still on its way when the operation timed out fails as the store
		// closes: discarded, not logged as a dropped error
		this.instances.forEach(Limits::close);
		assertThat(output).doesNotContain("onErrorDropped");
	}

	private Limits instance(LimitStoreSettings.Unavailable mode) {
		return instance(mode, new LimitStoreSettings.Redis());
	}

	private Limits instance(LimitStoreSettings.Unavailable mode, LimitStoreSettings.Redis settings) {
		settings.setTimeout(Duration.ofMillis(250));
		settings.setRetryInterval(Duration.ofMillis(200));
		RedisClient client = RedisClient.create(this.resources, RedisURI.create(redis.uri()));
		this.clients.add(client);
		Clock clock = Clock.systemUTC();
		LimitsListener listener = new LimitsListener() {

			@Override
			public void storeOutage() {
				RedisLimitStoreTests.this.events.add("outage");
			}

			@Override
			public void storeDecision(String mode) {
				RedisLimitStoreTests.this.events.add("decision " + mode);
			}

		};
		RedisLimitStore store = new RedisLimitStore(() -> client.connect(CODEC),
				new RedisAvailability(mode, Duration.ofMillis(200), clock, listener), settings, clock,
				Schedulers.parallel());
		await().atMost(Duration.ofSeconds(10)).until(store::hasConnected);
		Limits limits = new Limits(store,
				new Limits.Context(PriceTable.empty(), clock, Schedulers.parallel(), listener, "linkai"));
		this.instances.add(limits);
		return limits;
	}

	/** How many times Redis ran {@code command} since its statistics were reset. */
	private static long calls(String command) {
		RedisClient client = RedisClient.create(redis.uri());
		try {
			String stats = client.connect().sync().info("commandstats");
			Matcher matcher = Pattern.compile("cmdstat_" + command + ":calls=(\\d+)").matcher(stats);
			return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
		}
		finally {
			client.shutdown();
		}
	}

	private static CallPermit admit(CallGate gate) {
		return gate.admit(call(Duration.ofSeconds(5))).block(Duration.ofSeconds(5));
	}

	private static CallInfo call(Duration deadline) {
		return new CallInfo("openai", "assistant", "m", false, false, java.time.Instant.now().plus(deadline));
	}

	private static ClientLimits rated(long perHour) {
		LimitSettings limits = new LimitSettings();
		limits.setRequestRate(perHour);
		limits.setRatePeriod(Duration.ofHours(1));
		limits.setMaxWait(Duration.ZERO);
		return new ClientLimits("openai", "assistant", limits, new BudgetSettings(), null, List.of("k"),
				Duration.ofMinutes(10));
	}

	private static ClientLimits budgeted(long tokens) {
		BudgetSettings budget = new BudgetSettings();
		budget.setTokens(tokens);
		return new ClientLimits("openai", "assistant", new LimitSettings(), budget, null, List.of("k"),
				Duration.ofMinutes(10));
	}

	private static ClientLimits withBreaker() {
		BreakerSettings breaker = new BreakerSettings();
		breaker.setFailureThreshold(1);
		return new ClientLimits("openai", "assistant", new LimitSettings(), new BudgetSettings(), breaker, List.of("k"),
				Duration.ofMinutes(10));
	}

	private static ClientLimits pooled() {
		return new ClientLimits("openai", "assistant", new LimitSettings(), new BudgetSettings(), null,
				List.of("fingerprint-0", "fingerprint-1"), Duration.ofMinutes(10));
	}

}
