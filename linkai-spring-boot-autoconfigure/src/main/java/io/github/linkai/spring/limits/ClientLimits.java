package io.github.linkai.spring.limits;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One client's limits, as its gate applies them: copies of its settings, taken when the
 * gate is made.
 *
 * @param provider the client's provider id
 * @param clientName the client's name
 * @param limits its calls in flight and rates
 * @param budget its budget
 * @param breaker its circuit breaker, {@code null} for none
 * @param keyIds an id of each key of its pool, in order (a fingerprint, never the key):
 * how instances name a key to each other
 * @param keyCooldown how long a rejected or exhausted key rests
 */
public record ClientLimits(String provider, String clientName, LimitSettings limits, BudgetSettings budget,
		@Nullable BreakerSettings breaker, List<String> keyIds, Duration keyCooldown) {

	public ClientLimits {
		Objects.requireNonNull(provider, "provider must not be null");
		Objects.requireNonNull(clientName, "clientName must not be null");
		limits = limits.copy();
		budget = budget.copy();
		breaker = (breaker != null) ? breaker.copy() : null;
		keyIds = List.copyOf(keyIds);
		if (keyIds.isEmpty()) {
			throw new IllegalArgumentException("A client has at least one key");
		}
		Objects.requireNonNull(keyCooldown, "keyCooldown must not be null");
	}

	/**
	 * Whether the client has anything to apply: a limit, a budget, a breaker or more than
	 * one key.
	 */
	public boolean isLimited() {
		return this.limits.isLimited() || this.budget.isLimited() || this.breaker != null || this.keyIds.size() > 1;
	}

}
