package io.github.linkai.spring.limits;

import java.time.Duration;

import io.github.linkai.spring.client.spi.SettingProblems;
import org.jspecify.annotations.Nullable;

/**
 * A client's circuit breaker ({@code breaker.*}): after failure-threshold provider
 * failures in a row (5xx, transport, timeout, before the answer began) its calls fail at
 * once with a CircuitOpenException for the cooldown, then one call tries the provider
 * again; a success closes it. A JavaBean: Spring Boot binds a client's properties onto
 * it.
 */
public class BreakerSettings {

	/**
	 * Whether the client has a circuit breaker. Unset: it has one when it is in a
	 * fallback chain (first or later), so that the chain skips it while it keeps failing.
	 */
	private @Nullable Boolean enabled;

	/** Provider failures in a row that open the breaker. */
	private int failureThreshold = 5;

	/** How long an open breaker fails calls at once before one call tries again. */
	private Duration cooldown = Duration.ofSeconds(30);

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public int getFailureThreshold() {
		return this.failureThreshold;
	}

	public void setFailureThreshold(int failureThreshold) {
		this.failureThreshold = failureThreshold;
	}

	public Duration getCooldown() {
		return this.cooldown;
	}

	public void setCooldown(Duration cooldown) {
		this.cooldown = cooldown;
	}

	/** Reports each value out of range, named as the client's property. */
	public void validate(SettingProblems problems) {
		if (this.failureThreshold < 1) {
			problems.reject("breaker.failure-threshold", this.failureThreshold, "Must be at least 1");
		}
		if (this.cooldown == null || this.cooldown.isNegative() || this.cooldown.isZero()) {
			problems.reject("breaker.cooldown", this.cooldown, "Must be positive");
		}
	}

	/** A copy, so that changing this one afterwards changes nothing in it. */
	BreakerSettings copy() {
		BreakerSettings copy = new BreakerSettings();
		copy.enabled = this.enabled;
		copy.failureThreshold = this.failureThreshold;
		copy.cooldown = this.cooldown;
		return copy;
	}

}
