package io.github.linkai.spring.limits;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.admission.Attempt;
import io.github.linkai.spring.client.admission.CallPermit;
import io.github.linkai.spring.client.admission.ProviderLimits;
import io.github.linkai.spring.client.error.FailureKind;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.RateLimitedException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * An admitted call of a {@link LimitsCallGate}: it holds the call's place in flight and
 * its breaker permission until the call ends, takes each later attempt's key and request,
 * rests a key the provider rate limited, rejected or found out of credit, and records
 * what the call spent.
 */
final class LimitsPermit implements CallPermit {

	private static final Duration DEFAULT_COOLING = Duration.ofSeconds(1);

	private final LimitsCallGate gate;

	private final Mono<Attempt> first;

	private final Instant deadline;

	private final AtomicBoolean ended = new AtomicBoolean();

	private final AtomicBoolean recorded = new AtomicBoolean();

	private volatile boolean breakerHeld;

	private volatile InFlightLimiter.@Nullable Place place;

	LimitsPermit(LimitsCallGate gate, Attempt first, Instant deadline) {
		this.gate = gate;
		this.first = Mono.just(first);
		this.deadline = deadline;
	}

	void hold(boolean breakerHeld, InFlightLimiter.@Nullable Place place) {
		this.breakerHeld = breakerHeld;
		this.place = place;
	}

	@Override
	public Mono<Attempt> attempt(int number) {
		if (number == 0) {
			return this.first;
		}
		return Mono.defer(() -> {
			Duration left = Duration.between(this.gate.clock().instant(), this.deadline);
			Duration wait = this.gate.client().limits().getMaxWait();
			return this.gate.attempt(number, (wait.compareTo(left) < 0) ? wait : left, left);
		});
	}

	@Override
	public boolean attemptFailed(Attempt attempt, Throwable error) {
		FailureKind kind = FailureKind.of(error);
		KeyRing keys = this.gate.keys();
		Instant now = this.gate.clock().instant();
		switch (kind) {
			case RATE_LIMITED -> {
				if (!(error instanceof RateLimitedException limited)) {
					return false;
				}
				Duration cooling = (limited.retryAfter() != null) ? limited.retryAfter() : DEFAULT_COOLING;
				keys.cool(attempt.keyIndex(), cooling);
				this.gate.shareRest(attempt.keyIndex(), "COOLED", kind.name(), now.plus(cooling));
			}
			case CREDENTIAL_REJECTED, QUOTA_EXHAUSTED -> {
				if (!(error instanceof ProviderApiException)) {
					return false;
				}
				keys.park(attempt.keyIndex(), kind.name());
				this.gate.shareRest(attempt.keyIndex(), "PARKED", kind.name(),
						now.plus(this.gate.client().keyCooldown()));
			}
			default -> {
				return false;
			}
		}
		return keys.anotherUsable(attempt.keyIndex());
	}

	@Override
	public void providerLimits(Attempt attempt, ProviderLimits limits) {
		Duration exhausted = limits.exhaustedFor();
		if (exhausted != null) {
			this.gate.keys().cool(attempt.keyIndex(), exhausted);
		}
	}

	@Override
	public void answered() {
		if (this.breakerHeld && this.recorded.compareAndSet(false, true)) {
			ClientBreaker breaker = this.gate.breaker();
			if (breaker != null) {
				breaker.succeeded();
			}
		}
	}

	@Override
	public void completed(@Nullable Usage usage, @Nullable BigDecimal cost) {
		if (end()) {
			answered();
			this.gate.spent(tokens(usage), cost);
		}
	}

	@Override
	public void failed(Throwable error) {
		if (end() && this.breakerHeld && this.recorded.compareAndSet(false, true)) {
			ClientBreaker breaker = this.gate.breaker();
			if (breaker != null) {
				breaker.failed(error);
			}
		}
	}

	@Override
	public void cancelled() {
		if (end() && this.breakerHeld && this.recorded.compareAndSet(false, true)) {
			ClientBreaker breaker = this.gate.breaker();
			if (breaker != null) {
				breaker.release();
			}
		}
	}

	/** Gives the place in flight back, once: whether this was the end. */
	private boolean end() {
		if (!this.ended.compareAndSet(false, true)) {
			return false;
		}
		InFlightLimiter.Place held = this.place;
		if (held != null) {
			held.release();
		}
		return true;
	}

	private static @Nullable Long tokens(@Nullable Usage usage) {
		if (usage == null) {
			return null;
		}
		if (usage.totalTokens() != null) {
			return usage.totalTokens().longValue();
		}
		long input = (usage.inputTokens() != null) ? usage.inputTokens() : 0;
		long output = (usage.outputTokens() != null) ? usage.outputTokens() : 0;
		return input + output;
	}

}
