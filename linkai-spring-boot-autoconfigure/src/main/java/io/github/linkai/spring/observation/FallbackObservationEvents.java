package io.github.linkai.spring.observation;

import io.github.linkai.spring.client.error.FailureKind;
import io.github.linkai.spring.client.fallback.FallbackListener;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.util.context.ContextView;

/**
 * Adds each fallback of a chain as an event ({@code linkai.fallback}, e.g. "assistant to
 * deepseek: server-error") to the caller's observation, when the call has one in its
 * Reactor context.
 */
public class FallbackObservationEvents implements FallbackListener {

	/** The event's name. */
	public static final String EVENT = "linkai.fallback";

	@Override
	public void onFallback(String from, String to, FailureKind reason, ContextView context) {
		Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		if (observation != null && !observation.isNoop()) {
			observation.event(Observation.Event.of(EVENT, from + " to " + to + ": " + reason.tagValue()));
		}
	}

}
