package io.github.linkai.spring.client.http;

import java.util.List;

import io.github.linkai.spring.client.admission.Attempt;
import io.github.linkai.spring.client.admission.CallPermit;
import io.github.linkai.spring.client.admission.ProviderLimits;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * The exchange's side of one call's admission: the {@link CallPermit} the client's gate
 * put in the call's Reactor context (none: every attempt at once with the first key)
 * takes each attempt and picks its key, hears the provider's rate-limit headers of each
 * answer, and is told each attempt's failure. A failure that rested its key while another
 * key is usable lets the next attempt go at once with that key, before any backoff and
 * without counting as one of the retry policy's retries. Touched serially by one call's
 * signals.
 */
final class GatedAttempts {

	private final CallPermit permit;

	private final List<ClientHttpConnector> connectors;

	private int next;

	private boolean switched;

	private int switches;

	private GatedAttempts(CallPermit permit, List<ClientHttpConnector> connectors) {
		this.permit = permit;
		this.connectors = connectors;
	}

	/**
	 * The attempts of the call whose context this is.
	 * @param connectors the transport of each key of the client's pool, in its order
	 */
	static GatedAttempts of(ContextView context, List<ClientHttpConnector> connectors) {
		CallPermit permit = context.hasKey(CallPermit.CONTEXT_KEY) ? context.get(CallPermit.CONTEXT_KEY)
				: CallPermit.unlimited();
		return new GatedAttempts(permit, connectors);
	}

	/**
	 * The next attempt, as the permit admits it: it may wait for the request rate, or
	 * fail with a {@link io.github.linkai.spring.client.error.CallRejectedException}.
	 */
	Mono<Attempt> next() {
		return Mono.defer(() -> this.permit.attempt(this.next++));
	}

	/**
	 * The transport that sends with the attempt's key. (A gate that knows more keys than
	 * the client was given, as when a connection details bean replaced the configured
	 * key, sends with them in turn.)
	 */
	ClientHttpConnector connector(Attempt attempt) {
		return this.connectors.get(attempt.keyIndex() % this.connectors.size());
	}

	/** An attempt got an answer: the provider's rate-limit headers, if it sent any. */
	void answered(Attempt attempt, HttpHeaders headers) {
		ProviderLimits limits = ProviderLimits.from(headers);
		if (limits != null) {
			this.permit.providerLimits(attempt, limits);
		}
	}

	/**
	 * An attempt failed: the permit may rest its key and offer another, at most once per
	 * other key of the pool.
	 */
	void failed(Attempt attempt, Throwable error) {
		this.switched = this.permit.attemptFailed(attempt, error) && this.switches < this.connectors.size() - 1;
		if (this.switched) {
			this.switches++;
		}
	}

	/**
	 * How many failures so far switched to another key: attempts made again that are not
	 * the retry policy's retries.
	 */
	int keySwitches() {
		return this.switches;
	}

	/**
	 * Whether the last failure switched to another usable key, so that the next attempt
	 * goes at once; asked once per failure.
	 */
	boolean switchedKey() {
		boolean switched = this.switched;
		this.switched = false;
		return switched;
	}

}
