package io.github.linkai.spring.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import io.github.linkai.spring.client.error.FailureKind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import org.jspecify.annotations.Nullable;

/**
 * One client's circuit breaker, Resilience4j's, driven by hand: a call takes a permission
 * when it is admitted, counts as a success when its answer begins, and as a failure only
 * when it fails on the provider's side before that
 * ({@link FailureKind#isProviderFailure()}; everything else gives the permission back
 * uncounted). {@code failureThreshold} provider failures in a row open it for the
 * cooldown; then one call is let through (no timer thread: the first call after the
 * cooldown), whose success closes it and whose failure opens it again. An open breaker
 * another instance reported is applied with {@link #openUntil(Instant)}.
 */
final class ClientBreaker {

	private final CircuitBreaker breaker;

	private final Clock clock;

	private final Duration cooldown;

	private volatile @Nullable Instant openUntil;

	/** The end of an open state another instance reported, while it is being applied. */
	private volatile @Nullable Instant applying;

	/**
	 * A breaker.
	 * @param opened told when this instance opens it, with the instant it stays open
	 * until (not when an open state another instance reported is applied)
	 */
	ClientBreaker(String clientName, BreakerSettings settings, Clock clock, BiConsumer<String, Instant> opened) {
		this.clock = clock;
		this.cooldown = settings.getCooldown();
		int threshold = settings.getFailureThreshold();
		this.breaker = CircuitBreaker.of(clientName,
				CircuitBreakerConfig.custom()
					.slidingWindow(threshold, threshold, SlidingWindowType.COUNT_BASED)
					.failureRateThreshold(100)
					.waitDurationInOpenState(this.cooldown)
					.permittedNumberOfCallsInHalfOpenState(1)
					.automaticTransitionFromOpenToHalfOpenEnabled(false)
					.recordException((error) -> FailureKind.of(error).isProviderFailure())
					.ignoreException((error) -> !FailureKind.of(error).isProviderFailure())
					.writableStackTraceEnabled(false)
					.clock(clock)
					.build());
		this.breaker.getEventPublisher().onStateTransition((event) -> {
			if (event.getStateTransition().getToState() != CircuitBreaker.State.OPEN) {
				this.openUntil = null;
				return;
			}
			Instant applied = this.applying;
			Instant until = (applied != null) ? applied : this.clock.instant().plus(this.cooldown);
			this.openUntil = until;
			if (applied == null) {
				opened.accept(clientName, until);
			}
		});
	}

	/** Takes a call's permission: false while open. */
	boolean tryAcquire() {
		return this.breaker.tryAcquirePermission();
	}

	/** The call that holds a permission was answered. */
	void succeeded() {
		this.breaker.onSuccess(0, TimeUnit.NANOSECONDS);
	}

	/**
	 * The call that holds a permission failed before it was answered: a provider failure
	 * counts, anything else gives the permission back.
	 */
	void failed(Throwable error) {
		this.breaker.onError(0, TimeUnit.NANOSECONDS, error);
	}

	/**
	 * The call that holds a permission ends without saying anything (cancelled, refused).
	 */
	void release() {
		this.breaker.releasePermission();
	}

	/** The state: CLOSED, OPEN or HALF_OPEN. */
	CircuitBreaker.State state() {
		return this.breaker.getState();
	}

	/** Until when it is open, {@code null} when it is not. */
	@Nullable Instant openUntil() {
		return (this.breaker.getState() == CircuitBreaker.State.OPEN) ? this.openUntil : null;
	}

	/** How long until a call may try again while open, {@code null} when not open. */
	@Nullable Duration retryAfter() {
		Instant until = openUntil();
		if (until == null) {
			return null;
		}
		Duration left = Duration.between(this.clock.instant(), until);
		return left.isNegative() ? Duration.ZERO : left;
	}

	/**
	 * Applies an open state another instance reported: open until {@code until}, unless
	 * it already is until then or later, or that time has passed.
	 */
	synchronized void openUntil(Instant until) {
		Instant current = openUntil();
		if (!until.isAfter(this.clock.instant()) || (current != null && !until.isAfter(current))) {
			return;
		}
		this.applying = until;
		try {
			this.breaker.transitionToOpenStateUntil(until);
			this.openUntil = until;
		}
		finally {
			this.applying = null;
		}
	}

}
