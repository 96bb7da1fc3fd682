package io.github.linkai.spring.limits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

import io.github.linkai.spring.client.error.BudgetExhaustedException;
import org.jspecify.annotations.Nullable;

/**
 * A client's budget: its counter of the current period and what was last seen of it.
 */
final class ClientBudget {

	final BudgetSettings settings;

	private final String keyPrefix;

	private final long limit;

	private final String provider;

	private final String clientName;

	private volatile @Nullable Period current;

	private volatile long remaining = Long.MIN_VALUE;

	ClientBudget(BudgetSettings settings, String keyPrefix, String provider, String clientName) {
		this.settings = settings;
		this.provider = provider;
		this.clientName = clientName;
		this.keyPrefix = keyPrefix;
		BigDecimal cost = settings.getCost();
		Long tokens = settings.getTokens();
		this.limit = (cost != null) ? micros(cost) : (tokens != null) ? tokens : 0;
	}

	/**
	 * The counter of the period holding {@code now}, {@code null} without a budget.
	 */
	@Nullable BucketSpec counter(Instant now) {
		if (this.limit == 0) {
			return null;
		}
		Period period = this.current;
		if (period == null || !period.holds(now)) {
			BudgetPeriod kind = this.settings.getPeriod();
			String key = kind.key(now, this.settings.getZone());
			period = new Period(key, BucketSpec.counter(this.keyPrefix + key, longest(kind)),
					kind.start(now, this.settings.getZone()), kind.end(now, this.settings.getZone()));
			this.current = period;
			this.remaining = Long.MIN_VALUE;
		}
		return period.counter();
	}

	/** Remembers what is left, and refuses the call when nothing is. */
	void check(long available, Instant now) {
		seen(available, now);
		Period period = this.current;
		if (this.remaining <= 0 && period != null) {
			throw new BudgetExhaustedException(this.provider, this.clientName, period.key(),
					Duration.between(now, period.end()));
		}
	}

	/** Remembers what is left of the budget, from what is left in its counter. */
	void seen(long available, Instant now) {
		if (counter(now) != null) {
			this.remaining = this.limit - (BucketSpec.COUNTER_CAPACITY - available);
		}
	}

	/** What a call spent in the budget's unit: millionths of cost, or tokens. */
	@Nullable Long amountOf(@Nullable Long tokens, @Nullable BigDecimal cost) {
		if (this.settings.getCost() != null) {
			return (cost != null) ? micros(cost) : null;
		}
		return tokens;
	}

	/** The budget in its unit, 0 without one. */
	long limit() {
		return this.limit;
	}

	/**
	 * What is left of the current period's budget, {@code null} when not yet known.
	 */
	@Nullable Long remaining() {
		return (this.remaining != Long.MIN_VALUE) ? this.remaining : null;
	}

	@Nullable String period() {
		Period period = this.current;
		return (period != null) ? period.key() : null;
	}

	private static long micros(BigDecimal amount) {
		return amount.movePointRight(6).setScale(0, RoundingMode.CEILING).longValueExact();
	}

	private static Duration longest(BudgetPeriod period) {
		return switch (period) {
			case DAY -> Duration.ofDays(1);
			case WEEK -> Duration.ofDays(7);
			case MONTH -> Duration.ofDays(31);
		};
	}

	/**
	 * One period of the budget: its name, its counter, and when it starts and ends.
	 */
	private record Period(String key, BucketSpec counter, Instant start, Instant end) {

		boolean holds(Instant now) {
			return !now.isBefore(this.start) && now.isBefore(this.end);
		}

	}

}
