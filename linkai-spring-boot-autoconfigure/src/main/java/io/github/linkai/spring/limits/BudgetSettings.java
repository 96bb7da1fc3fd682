package io.github.linkai.spring.limits;

import java.math.BigDecimal;
import java.time.ZoneId;

import io.github.linkai.spring.client.spi.SettingProblems;
import org.jspecify.annotations.Nullable;

/**
 * A client's budget ({@code budget.*}): what it may spend per calendar period, in cost
 * (priced by {@code linkai.pricing}) or in tokens. A call that would start once it is
 * spent fails before sending with a BudgetExhaustedException, which a fallback chain
 * routes to its next client. The budget is soft by the calls in flight: a call's cost is
 * known only when it ends. A JavaBean: Spring Boot binds a client's properties onto it.
 */
public class BudgetSettings {

	/**
	 * Most the client may spend per period, in the currency of linkai.pricing (a provider
	 * that reports its own cost, as Jijyun does, counts as reported). Needs a price for
	 * the client's model. Unset: no cost budget.
	 */
	private @Nullable BigDecimal cost;

	/**
	 * Most tokens (the usage of finished calls) the client may spend per period. Unset:
	 * no token budget.
	 */
	private @Nullable Long tokens;

	/**
	 * The calendar period a budget is spent in: day, week (ISO, from Monday) or month.
	 */
	private BudgetPeriod period = BudgetPeriod.MONTH;

	/** The time zone the periods start in. */
	private ZoneId zone = ZoneId.of("UTC");

	public @Nullable BigDecimal getCost() {
		return this.cost;
	}

	public void setCost(@Nullable BigDecimal cost) {
		this.cost = cost;
	}

	public @Nullable Long getTokens() {
		return this.tokens;
	}

	public void setTokens(@Nullable Long tokens) {
		this.tokens = tokens;
	}

	public BudgetPeriod getPeriod() {
		return this.period;
	}

	public void setPeriod(BudgetPeriod period) {
		this.period = period;
	}

	public ZoneId getZone() {
		return this.zone;
	}

	public void setZone(ZoneId zone) {
		this.zone = zone;
	}

	/** Whether a budget is set. */
	public boolean isLimited() {
		return this.cost != null || this.tokens != null;
	}

	/** Reports each value out of range, named as the client's property. */
	public void validate(SettingProblems problems) {
		if (this.cost != null && this.tokens != null) {
			problems.reject("budget.tokens", this.tokens, "Set budget.cost or budget.tokens, not both");
		}
		if (this.cost != null && this.cost.signum() <= 0) {
			problems.reject("budget.cost", this.cost, "Must be positive");
		}
		if (this.cost != null && this.cost.scale() > 6) {
			problems.reject("budget.cost", this.cost, "Is counted in millionths: use at most 6 decimals");
		}
		if (this.tokens != null && this.tokens < 1) {
			problems.reject("budget.tokens", this.tokens, "Must be at least 1");
		}
		if (this.period == null) {
			problems.reject("budget.period", null, "Must be day, week or month");
		}
		if (this.zone == null) {
			problems.reject("budget.zone", null, "Must be a time zone, e.g. UTC or Asia/Shanghai");
		}
	}

	/** A copy, so that changing this one afterwards changes nothing in it. */
	BudgetSettings copy() {
		BudgetSettings copy = new BudgetSettings();
		copy.cost = this.cost;
		copy.tokens = this.tokens;
		copy.period = this.period;
		copy.zone = this.zone;
		return copy;
	}

}
