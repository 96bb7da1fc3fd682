package io.github.linkai.spring.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Whether Redis can be reached, decided locally and at once: a closed connection, a
 * failed operation or one that took too long makes it unavailable; while it is, no
 * operation is sent but one probe per retry interval, and every decision follows the mode
 * (fail open: let through; fail closed: refuse). One WARN when an outage starts, one INFO
 * when it ends, with its length and the decisions made without Redis.
 */
final class RedisAvailability {

	private static final Log logger = LogFactory.getLog(RedisAvailability.class);

	private final LimitStoreSettings.Unavailable mode;

	private final Duration retryInterval;

	private final Clock clock;

	private final LimitsListener listener;

	/** When the outage began, {@code null} while Redis is available. */
	private final AtomicReference<@Nullable Instant> downSince = new AtomicReference<>();

	private final AtomicLong lastProbe = new AtomicLong();

	private final AtomicLong decisions = new AtomicLong();

	RedisAvailability(LimitStoreSettings.Unavailable mode, Duration retryInterval, Clock clock,
			LimitsListener listener) {
		this.mode = mode;
		this.retryInterval = retryInterval;
		this.clock = clock;
		this.listener = listener;
	}

	/**
	 * Runs a decision's operation when Redis is available (or a probe is due), else
	 * decides without it: fail open with {@code open}'s answer, fail closed with a
	 * {@link StoreUnavailableException}.
	 */
	<T> Mono<T> decide(BooleanSupplier connected, Supplier<Mono<T>> operation, Supplier<Mono<T>> open) {
		if (!mayTry(connected)) {
			return withoutRedis(open);
		}
		return operation.get().doOnSuccess((value) -> available()).onErrorResume((error) -> {
			unavailable(error);
			return withoutRedis(open);
		});
	}

	/**
	 * Runs an update after a call when Redis is available (or a probe is due), else drops
	 * it: updates are never replayed.
	 */
	<T> Mono<T> update(BooleanSupplier connected, Supplier<Mono<T>> operation) {
		if (!mayTry(connected)) {
			this.listener.storeDropped();
			return Mono.empty();
		}
		return operation.get().doOnSuccess((value) -> available()).onErrorResume((error) -> {
			unavailable(error);
			this.listener.storeDropped();
			return Mono.empty();
		});
	}

	/** Whether Redis is taken as unavailable now. */
	boolean isDown() {
		return this.downSince.get() != null;
	}

	private boolean mayTry(BooleanSupplier connected) {
		if (!connected.getAsBoolean()) {
			unavailable(null);
			return false;
		}
		if (this.downSince.get() == null) {
			return true;
		}
		long now = this.clock.millis();
		long last = this.lastProbe.get();
		return now - last >= this.retryInterval.toMillis() && this.lastProbe.compareAndSet(last, now);
	}

	private <T> Mono<T> withoutRedis(Supplier<Mono<T>> open) {
		this.decisions.incrementAndGet();
		if (this.mode == LimitStoreSettings.Unavailable.FAIL_OPEN) {
			this.listener.storeDecision("open");
			return open.get();
		}
		this.listener.storeDecision("closed");
		return Mono.error(new StoreUnavailableException("Redis is unavailable"));
	}

	/** Marks Redis unavailable; the first time, says so once. */
	void unavailable(@Nullable Throwable error) {
		Instant now = this.clock.instant();
		if (this.downSince.compareAndSet(null, now)) {
			this.lastProbe.set(now.toEpochMilli());
			this.decisions.set(0);
			this.listener.storeOutage();
			logger
				.warn("Redis unavailable for linkai limits: " + ((this.mode == LimitStoreSettings.Unavailable.FAIL_OPEN)
						? "failing open (calls go on without the shared limits)" : "failing closed (calls are refused)")
						+ ((error != null) ? " (" + error.getClass().getSimpleName() + ")" : " (connection closed)"));
		}
	}

	private void available() {
		Instant since = this.downSince.getAndSet(null);
		if (since != null) {
			logger.info("Redis available again for linkai limits after " + Duration.between(since, this.clock.instant())
					+ "; " + this.decisions.get() + " decision(s) were made without it");
		}
	}

}
