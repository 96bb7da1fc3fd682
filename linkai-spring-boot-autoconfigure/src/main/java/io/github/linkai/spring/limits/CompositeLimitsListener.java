package io.github.linkai.spring.limits;

import java.time.Duration;
import java.util.List;

/** Several listeners as one. */
final class CompositeLimitsListener implements LimitsListener {

	private final List<LimitsListener> listeners;

	CompositeLimitsListener(List<LimitsListener> listeners) {
		this.listeners = listeners;
	}

	@Override
	public void waited(String clientName, String limit, Duration waited) {
		this.listeners.forEach((listener) -> listener.waited(clientName, limit, waited));
	}

	@Override
	public void rejected(String clientName, String reason) {
		this.listeners.forEach((listener) -> listener.rejected(clientName, reason));
	}

	@Override
	public void storeOutage() {
		this.listeners.forEach(LimitsListener::storeOutage);
	}

	@Override
	public void storeDecision(String mode) {
		this.listeners.forEach((listener) -> listener.storeDecision(mode));
	}

	@Override
	public void storeDropped() {
		this.listeners.forEach(LimitsListener::storeDropped);
	}

	@Override
	public void gatesMade(Limits limits) {
		this.listeners.forEach((listener) -> listener.gatesMade(limits));
	}

}
