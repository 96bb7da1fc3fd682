package io.github.linkai.spring.limits;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.linkai.spring.client.error.InFlightLimitException;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * A non-blocking limit on one client's calls and streams in flight on this instance:
 * {@link #acquire(Duration)} emits a place at once when one is free, else waits, holding
 * no thread, up to the given time in first-come order, then fails with an
 * {@link InFlightLimitException}. Cancelling a wait leaves the queue; giving a place back
 * hands it to the oldest waiter. Waits are timed on the given scheduler.
 */
final class InFlightLimiter {

	private final String provider;

	private final String clientName;

	private final int limit;

	private final Scheduler timer;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();

	InFlightLimiter(String provider, String clientName, int limit, Scheduler timer) {
		this.provider = provider;
		this.clientName = clientName;
		this.limit = limit;
		this.timer = Objects.requireNonNull(timer, "timer must not be null");
	}

	/**
	 * A place in flight, given back once by {@link Place#release()}; waits at most
	 * {@code maxWait}.
	 */
	Mono<Place> acquire(Duration maxWait) {
		return Mono.create((sink) -> {
			Place place = tryAcquire();
			if (place != null) {
				sink.success(place);
				return;
			}
			if (maxWait.isZero() || maxWait.isNegative()) {
				sink.error(saturated(Duration.ZERO));
				return;
			}
			Waiter waiter = new Waiter(sink);
			this.waiters.add(waiter);
			waiter.timeout = this.timer.schedule(() -> {
				if (waiter.settle()) {
					sink.error(saturated(maxWait));
				}
			}, maxWait.toNanos(), TimeUnit.NANOSECONDS);
			sink.onCancel(() -> {
				waiter.settle();
				waiter.timeout.dispose();
			});
			// a place given back between tryTake() and add(): hand it over now
			drain();
		});
	}

	/**
	 * A place at once, or {@code null} when none is free now; given back once by
	 * {@link Place#release()}.
	 */
	@Nullable Place tryAcquire() {
		return tryTake() ? new Place() : null;
	}

	/** The calls in flight now. */
	int inFlight() {
		return this.inFlight.get();
	}

	/** The most calls in flight. */
	int limit() {
		return this.limit;
	}

	private InFlightLimitException saturated(Duration waited) {
		return new InFlightLimitException(this.provider, this.clientName, this.limit, waited);
	}

	private boolean tryTake() {
		for (;;) {
			int current = this.inFlight.get();
			if (current >= this.limit) {
				return false;
			}
			if (this.inFlight.compareAndSet(current, current + 1)) {
				return true;
			}
		}
	}

	private void drain() {
		Waiter waiter;
		while ((waiter = this.waiters.peek()) != null) {
			if (!waiter.isPending()) {
				this.waiters.remove(waiter);
				continue;
			}
			if (!tryTake()) {
				return;
			}
			this.waiters.remove(waiter);
			if (waiter.settle()) {
				waiter.timeout.dispose();
				waiter.sink.success(new Place());
			}
			else {
				// lost to its timeout or cancel: give the place back
				this.inFlight.decrementAndGet();
			}
		}
	}

	private static final class Waiter {

		final MonoSink<Place> sink;

		private final AtomicBoolean pending = new AtomicBoolean(true);

		volatile Disposable timeout = () -> {
		};

		Waiter(MonoSink<Place> sink) {
			this.sink = sink;
		}

		boolean isPending() {
			return this.pending.get();
		}

		boolean settle() {
			return this.pending.compareAndSet(true, false);
		}

	}

	/** One call's place, given back once, on whichever signal ends the call. */
	final class Place {

		private final AtomicBoolean released = new AtomicBoolean();

		void release() {
			if (this.released.compareAndSet(false, true)) {
				InFlightLimiter.this.inFlight.decrementAndGet();
				drain();
			}
		}

	}

}
