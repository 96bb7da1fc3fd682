package io.github.linkai.spring.client.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The client's budget for the current period ({@code budget.cost} or
 * {@code budget.tokens}) is spent: no call starts until the next period.
 */
public class BudgetExhaustedException extends CallRejectedException {

	private final String period;

	/**
	 * A spent budget.
	 * @param period the period, e.g. {@code 2026-12} or {@code 2026-W49}
	 * @param retryAfter the time until the next period begins
	 */
	public BudgetExhaustedException(String provider, String clientName, String period, @Nullable Duration retryAfter) {
		super(provider, clientName, "budget", "Budget of period " + period + " spent (budget.*)", retryAfter, null);
		this.period = period;
	}

	/** The period whose budget is spent, e.g. {@code 2026-12}. */
	public String period() {
		return this.period;
	}

}
