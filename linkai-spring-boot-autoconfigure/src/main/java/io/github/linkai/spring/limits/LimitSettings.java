package io.github.linkai.spring.limits;

import java.time.Duration;

import io.github.linkai.spring.client.spi.SettingProblems;
import org.jspecify.annotations.Nullable;

/**
 * A client's own limits ({@code limits.*}): its calls in flight and its request and token
 * rates. Each is off unless set. A JavaBean: Spring Boot binds a client's properties onto
 * it.
 */
public class LimitSettings {

	/**
	 * Most calls and streams of the client in flight at once on this instance; further
	 * calls wait up to max-wait (within their deadline), then fail with
	 * InFlightLimitException, which is neither retried nor counted by health. Unset: no
	 * limit.
	 */
	private @Nullable Integer maxInFlight;

	/**
	 * Longest a call waits for a place in flight or for a request of the request rate;
	 * never past its deadline.
	 */
	private Duration maxWait = Duration.ofSeconds(2);

	/**
	 * Requests the client may send per rate-period, across every instance when the limits
	 * are kept on Redis; each attempt takes one. Unset: no limit.
	 */
	private @Nullable Long requestRate;

	/**
	 * Tokens (the usage of finished calls) the client may spend per rate-period; a call
	 * starts only while some are left. Unset: no limit.
	 */
	private @Nullable Long tokenRate;

	/** The period of request-rate and token-rate. */
	private Duration ratePeriod = Duration.ofMinutes(1);

	public @Nullable Integer getMaxInFlight() {
		return this.maxInFlight;
	}

	public void setMaxInFlight(@Nullable Integer maxInFlight) {
		this.maxInFlight = maxInFlight;
	}

	public Duration getMaxWait() {
		return this.maxWait;
	}

	public void setMaxWait(Duration maxWait) {
		this.maxWait = maxWait;
	}

	public @Nullable Long getRequestRate() {
		return this.requestRate;
	}

	public void setRequestRate(@Nullable Long requestRate) {
		this.requestRate = requestRate;
	}

	public @Nullable Long getTokenRate() {
		return this.tokenRate;
	}

	public void setTokenRate(@Nullable Long tokenRate) {
		this.tokenRate = tokenRate;
	}

	public Duration getRatePeriod() {
		return this.ratePeriod;
	}

	public void setRatePeriod(Duration ratePeriod) {
		this.ratePeriod = ratePeriod;
	}

	/** Whether any limit is set. */
	public boolean isLimited() {
		return this.maxInFlight != null || this.requestRate != null || this.tokenRate != null;
	}

	/** Reports each value out of range, named as the client's property. */
	public void validate(SettingProblems problems) {
		if (this.maxInFlight != null && this.maxInFlight < 1) {
			problems.reject("limits.max-in-flight", this.maxInFlight, "Must be at least 1");
		}
		if (this.maxWait == null || this.maxWait.isNegative()) {
			problems.reject("limits.max-wait", this.maxWait, "Must not be negative");
		}
		if (this.requestRate != null && this.requestRate < 1) {
			problems.reject("limits.request-rate", this.requestRate, "Must be at least 1");
		}
		if (this.tokenRate != null && this.tokenRate < 1) {
			problems.reject("limits.token-rate", this.tokenRate, "Must be at least 1");
		}
		if (this.ratePeriod == null || this.ratePeriod.toMillis() < 1) {
			problems.reject("limits.rate-period", this.ratePeriod, "Must be at least 1ms");
		}
		else if (tooFast(this.requestRate) || tooFast(this.tokenRate)) {
			problems.reject("limits.rate-period", this.ratePeriod, "Is too short for the rate: more than one per ns");
		}
	}

	private boolean tooFast(@Nullable Long rate) {
		return rate != null && rate > this.ratePeriod.toNanos();
	}

	/** A copy, so that changing this one afterwards changes nothing in it. */
	LimitSettings copy() {
		LimitSettings copy = new LimitSettings();
		copy.maxInFlight = this.maxInFlight;
		copy.maxWait = this.maxWait;
		copy.requestRate = this.requestRate;
		copy.tokenRate = this.tokenRate;
		copy.ratePeriod = this.ratePeriod;
		return copy;
	}

}
