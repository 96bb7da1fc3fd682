package io.github.linkai.spring.client.admission;

import java.time.Instant;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The instant by which a call must have ended, when something around it set one in its
 * Reactor context: a fallback chain sets its first client's deadline, so that no client
 * of the chain waits or runs past it.
 */
public final class CallDeadline {

	/** The key of the deadline (an {@link Instant}) in a Reactor context. */
	public static final Object KEY = CallDeadline.class;

	private CallDeadline() {
	}

	/**
	 * The earlier of {@code own} and the deadline in {@code context}, if there is one.
	 */
	public static Instant earliest(ContextView context, Instant own) {
		Instant outer = context.getOrDefault(KEY, null);
		return (outer != null && outer.isBefore(own)) ? outer : own;
	}

	/**
	 * {@code context} with {@code deadline} set, unless it holds an earlier one already.
	 */
	public static Context within(Context context, Instant deadline) {
		return context.put(KEY, earliest(context, deadline));
	}

}
