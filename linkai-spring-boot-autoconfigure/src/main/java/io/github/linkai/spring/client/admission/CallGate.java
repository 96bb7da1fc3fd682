package io.github.linkai.spring.client.admission;

import reactor.core.publisher.Mono;

/**
 * Decides whether and how one client's calls go out: a place among the calls in flight,
 * the circuit breaker, the budget, the request and token rates, and the key of each
 * attempt. Applied once per call, for every provider. Implementations are thread-safe and
 * never block: every wait is a signal, never past the call's deadline.
 */
@FunctionalInterface
public interface CallGate {

	/** Admits every call with the client's first key and records nothing. */
	CallGate NONE = (call) -> Mono.just(CallPermit.unlimited());

	/**
	 * Admits one call, or fails with a
	 * {@link io.github.linkai.spring.client.error.CallRejectedException} before anything
	 * is sent. May wait (for a place in flight) up to the configured bound and never past
	 * {@link CallInfo#deadline()}; cancelling the wait gives the place up.
	 */
	Mono<CallPermit> admit(CallInfo call);

}
