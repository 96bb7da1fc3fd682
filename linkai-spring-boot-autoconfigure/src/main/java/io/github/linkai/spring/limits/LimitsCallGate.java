package io.github.linkai.spring.limits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.linkai.spring.client.admission.Attempt;
import io.github.linkai.spring.client.admission.CallGate;
import io.github.linkai.spring.client.admission.CallInfo;
import io.github.linkai.spring.client.admission.CallPermit;
import io.github.linkai.spring.client.admission.PriceTable;
import io.github.linkai.spring.client.error.CallRejectedException;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.error.CircuitOpenException;
import io.github.linkai.spring.client.error.LimiterUnavailableException;
import io.github.linkai.spring.client.error.NoUsableKeyException;
import io.github.linkai.spring.client.error.RequestRateLimitException;
import io.github.linkai.spring.client.error.TokenRateLimitException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One client's {@link CallGate}: its circuit breaker and its calls in flight on this
 * instance, then, kept in the store, its token rate and budget (read together) and the
 * first attempt's request of its request rate (taken alongside them), and the key of each
 * attempt. Each part is skipped when not set. What a refused call held is given back.
 */
final class LimitsCallGate implements CallGate {

	private final ClientLimits client;

	private final LimitStore store;

	/** The store, when it is this instance's memory: it answers at once. */
	private final @Nullable MemoryLimitStore local;

	private final PriceTable prices;

	private final Clock clock;

	private final LimitsListener listener;

	private final @Nullable InFlightLimiter inFlight;

	private final @Nullable ClientBreaker breaker;

	private final KeyRing keys;

	private final @Nullable BucketSpec requests;

	private final @Nullable BucketSpec tokens;

	private final SharedKeys shared;

	/** The request and token rates, 0 when unset. */
	private final long requestRate;

	private final long tokenRate;

	private final ClientBudget budget;

	LimitsCallGate(ClientLimits client, LimitStore store, PriceTable prices, Clock clock, Scheduler scheduler,
			LimitsListener listener, String keyPrefix) {
		this.client = client;
		this.store = store;
		this.local = (store instanceof MemoryLimitStore memory) ? memory : null;
		this.prices = prices;
		this.clock = clock;
		this.listener = listener;
		this.shared = new SharedKeys(keyPrefix, client.clientName(), client.keyIds());
		LimitSettings limits = client.limits();
		this.inFlight = (limits.getMaxInFlight() != null)
				? new InFlightLimiter(client.provider(), client.clientName(), limits.getMaxInFlight(), scheduler)
				: null;
		this.breaker = (client.breaker() != null) ? new ClientBreaker(client.clientName(), client.breaker(), clock,
				(name, until) -> store.put(this.shared.breaker(), Long.toString(until.toEpochMilli()), until)
					.subscribe(null, (error) -> {
					}))
				: null;
		this.keys = new KeyRing(client.keyIds().size(), client.keyCooldown(), clock);
		this.requests = (limits.getRequestRate() != null) ? BucketSpec.rate(this.shared.base() + ":req",
				BucketSpec.Kind.REQUESTS, limits.getRequestRate(), limits.getRatePeriod()) : null;
		this.tokens = (limits.getTokenRate() != null) ? BucketSpec.rate(this.shared.base() + ":tok",
				BucketSpec.Kind.TOKENS, limits.getTokenRate(), limits.getRatePeriod()) : null;
		this.budget = new ClientBudget(client.budget(), this.shared.base() + ":budget:", client.provider(),
				client.clientName());
		this.requestRate = (limits.getRequestRate() != null) ? limits.getRequestRate() : 0;
		this.tokenRate = (limits.getTokenRate() != null) ? limits.getTokenRate() : 0;
	}

	@Override
	public Mono<CallPermit> admit(CallInfo call) {
		return Mono.defer(() -> {
			Instant now = this.clock.instant();
			Admission admission = new Admission();
			try {
				if (this.breaker != null) {
					if (!this.breaker.tryAcquire()) {
						throw new CircuitOpenException(this.client.provider(), this.client.clientName(),
								this.breaker.retryAfter());
					}
					admission.breakerHeld = true;
				}
				if (this.budget.settings.getCost() != null && this.prices.price(call.model()) == null) {
					throw new ChatRequestValidationException(this.client.provider(), this.client.clientName(), "model",
							"has no price in linkai.pricing, and the client has a cost budget");
				}
				LimitsPermit permit = (this.local != null) ? admitNow(this.local, call, now, admission) : null;
				if (permit != null) {
					return Mono.just(permit);
				}
			}
			catch (RuntimeException error) {
				refused(admission, error);
				return Mono.error(error);
			}
			return admitLater(call, now, admission);
		});
	}

	/**
	 * Decides on this thread, as this instance's memory answers at once: {@code null}
	 * when the call has to wait for a place in flight or a request of the rate. A
	 * reactive chain per call costs several times the decision itself, which the
	 * benchmark shows.
	 */
	private @Nullable LimitsPermit admitNow(MemoryLimitStore local, CallInfo call, Instant now, Admission admission) {
		if (this.inFlight != null) {
			admission.place = this.inFlight.tryAcquire();
			if (admission.place == null) {
				return null;
			}
		}
		if (this.tokens != null) {
			checkTokens(local.availableNow(this.tokens));
		}
		BucketSpec counter = this.budget.counter(now);
		if (counter != null) {
			this.budget.check(local.availableNow(counter), now);
		}
		int key = nextKey();
		if (this.requests != null && !local.takeNow(this.requests)) {
			return null;
		}
		return admission.handOver(new LimitsPermit(this, new Attempt(0, key), call.deadline()));
	}

	/**
	 * Waits for a place in flight, then reads the token rate and the budget and takes the
	 * first attempt's request, each as the store answers.
	 */
	private Mono<CallPermit> admitLater(CallInfo call, Instant now, Admission admission) {
		Duration left = Duration.between(now, call.deadline());
		Duration wait = min(this.client.limits().getMaxWait(), left);
		Mono<Boolean> place = (this.inFlight != null && admission.place == null)
				? timed(this.inFlight.acquire(wait), now, "in-flight").map((acquired) -> {
					admission.place = acquired;
					return true;
				}) : Mono.just(true);
		return place.then(Mono.defer(() -> checked(call, now, left, wait)))
			.map((first) -> (CallPermit) admission.handOver(new LimitsPermit(this, first, call.deadline())))
			.doOnCancel(admission::abort)
			.onErrorMap(StoreUnavailableException.class,
					(error) -> new LimiterUnavailableException(this.client.provider(), this.client.clientName()))
			.doOnError((error) -> refused(admission, error));
	}

	/** Gives back what a refused call held, and counts the refusal. */
	private void refused(Admission admission, Throwable error) {
		admission.abort();
		if (error instanceof CallRejectedException rejected) {
			this.listener.rejected(this.client.clientName(), rejected.reason());
		}
	}

	/**
	 * The token rate and the budget, read together, and alongside them the first
	 * attempt's request: the first attempt, or an error.
	 */
	private Mono<Attempt> checked(CallInfo call, Instant now, Duration left, Duration wait) {
		List<Mono<?>> checks = new ArrayList<>(2);
		if (this.tokens != null) {
			checks.add(this.store.available(this.tokens, left).doOnNext(this::checkTokens));
		}
		BucketSpec counter = this.budget.counter(now);
		if (counter != null) {
			checks.add(this.store.available(counter, left).doOnNext((available) -> this.budget.check(available, now)));
		}
		Mono<Attempt> first = attempt(0, wait, left);
		if (checks.isEmpty()) {
			return first;
		}
		Mono<Attempt> taken = first.cache();
		return Mono.when(checks).and(taken).then(taken);
	}

	/** The next attempt: a usable key, then a request of the request rate. */
	Mono<Attempt> attempt(int number, Duration wait, Duration left) {
		return Mono.defer(() -> {
			Attempt attempt = new Attempt(number, nextKey());
			if (this.requests == null) {
				return Mono.just(attempt);
			}
			Instant start = this.clock.instant();
			Duration bounded = wait.isNegative() ? Duration.ZERO : wait;
			return this.store.take(this.requests, bounded, left).flatMap((taken) -> {
				Duration waited = Duration.between(start, this.clock.instant());
				if (!waited.isZero()) {
					this.listener.waited(this.client.clientName(), "request-rate", waited);
				}
				return taken ? Mono.just(attempt) : Mono.error(new RequestRateLimitException(this.client.provider(),
						this.client.clientName(), this.requestRate, this.client.limits().getRatePeriod(), null));
			});
		});
	}

	/** The key of the next attempt. */
	private int nextKey() {
		int key = this.keys.next();
		if (key < 0) {
			throw new NoUsableKeyException(this.client.provider(), this.client.clientName(), this.keys.size(),
					this.keys.earliestReturn());
		}
		return key;
	}

	private void checkTokens(long available) {
		if (available <= 0) {
			LimitSettings limits = this.client.limits();
			// the debt refills at the rate
			Duration retryAfter = limits.getRatePeriod().multipliedBy(1 - available).dividedBy(this.tokenRate);
			throw new TokenRateLimitException(this.client.provider(), this.client.clientName(), this.tokenRate,
					limits.getRatePeriod(), retryAfter);
		}
	}

	/** Records what a completed call spent. */
	void spent(@Nullable Long tokens, @Nullable BigDecimal cost) {
		if (tokens != null && tokens > 0 && this.tokens != null) {
			if (this.local != null) {
				this.local.spendNow(this.tokens, tokens);
			}
			else {
				this.store.spend(this.tokens, tokens).subscribe(null, (error) -> {
				});
			}
		}
		Long amount = this.budget.amountOf(tokens, cost);
		Instant now = this.clock.instant();
		BucketSpec counter = this.budget.counter(now);
		if (amount != null && amount > 0 && counter != null) {
			if (this.local != null) {
				this.local.spendNow(counter, amount);
				this.budget.seen(this.local.availableNow(counter), now);
			}
			else {
				this.store.spend(counter, amount)
					.subscribe((available) -> this.budget.seen(available, now), (error) -> {
					});
			}
		}
	}

	/** Applies the states other instances shared: an open breaker, resting keys. */
	void applyShared(Map<String, String> values) {
		String open = values.get(this.shared.breaker());
		if (open != null && this.breaker != null) {
			this.breaker.openUntil(Instant.ofEpochMilli(Long.parseLong(open)));
		}
		for (int i = 0; i < this.keys.size(); i++) {
			String rest = values.get(this.shared.key(i));
			if (rest != null) {
				String[] parts = rest.split(":", 3);
				if (parts.length == 3) {
					this.keys.rest(i, parts[0], parts[1], Instant.ofEpochMilli(Long.parseLong(parts[2])));
				}
			}
		}
	}

	/** Shares that key {@code index} rests, with every instance. */
	void shareRest(int index, String state, String reason, Instant until) {
		this.store.put(this.shared.key(index), state + ":" + reason + ":" + until.toEpochMilli(), until)
			.subscribe(null, (error) -> {
			});
	}

	private <T> Mono<T> timed(Mono<T> wait, Instant start, String limit) {
		return wait.doOnEach((signal) -> {
			if (signal.isOnNext() || signal.isOnError()) {
				Duration waited = Duration.between(start, this.clock.instant());
				if (!waited.isZero()) {
					this.listener.waited(this.client.clientName(), limit, waited);
				}
			}
		});
	}

	private static Duration min(Duration a, Duration b) {
		Duration min = (a.compareTo(b) <= 0) ? a : b;
		return min.isNegative() ? Duration.ZERO : min;
	}

	Clock clock() {
		return this.clock;
	}

	ClientLimits client() {
		return this.client;
	}

	@Nullable ClientBreaker breaker() {
		return this.breaker;
	}

	KeyRing keys() {
		return this.keys;
	}

	ClientBudget budget() {
		return this.budget;
	}

	SharedKeys shared() {
		return this.shared;
	}

	/**
	 * What an admission holds until it is handed to its permit, given back if refused.
	 */
	final class Admission {

		private final AtomicBoolean settled = new AtomicBoolean();

		boolean breakerHeld;

		InFlightLimiter.@Nullable Place place;

		LimitsPermit handOver(LimitsPermit permit) {
			if (this.settled.compareAndSet(false, true)) {
				permit.hold(this.breakerHeld, this.place);
			}
			return permit;
		}

		void abort() {
			if (this.settled.compareAndSet(false, true)) {
				if (this.breakerHeld && LimitsCallGate.this.breaker != null) {
					LimitsCallGate.this.breaker.release();
				}
				if (this.place != null) {
					this.place.release();
				}
			}
		}

	}

	/** The names of a client's shared states in the store. */
	record SharedKeys(String base, List<String> keyIds) {

		SharedKeys(String prefix, String clientName, List<String> keyIds) {
			this("{" + prefix + "}:" + clientName, keyIds);
		}

		String breaker() {
			return this.base + ":breaker";
		}

		String key(int index) {
			return this.base + ":key:" + this.keyIds.get(index);
		}

		List<String> all() {
			List<String> all = new ArrayList<>();
			all.add(breaker());
			for (int i = 0; i < this.keyIds.size(); i++) {
				all.add(key(i));
			}
			return all;
		}

	}

}
