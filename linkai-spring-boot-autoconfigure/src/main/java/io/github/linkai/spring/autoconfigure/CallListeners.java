package io.github.linkai.spring.autoconfigure;

import java.util.List;

import io.github.linkai.spring.client.http.CallListener;
import org.jspecify.annotations.Nullable;

/** The application's {@link CallListener} beans as one. */
final class CallListeners implements CallListener {

	private final List<CallListener> listeners;

	private CallListeners(List<CallListener> listeners) {
		this.listeners = listeners;
	}

	/**
	 * The listeners as one, {@code null} when there are none, so the exchange adds
	 * nothing.
	 */
	static @Nullable CallListener of(List<CallListener> listeners) {
		return switch (listeners.size()) {
			case 0 -> null;
			case 1 -> listeners.get(0);
			default -> new CallListeners(List.copyOf(listeners));
		};
	}

	@Override
	public void onSuccess(String clientName) {
		for (CallListener listener : this.listeners) {
			listener.onSuccess(clientName);
		}
	}

	@Override
	public void onFailure(String clientName, Throwable error) {
		for (CallListener listener : this.listeners) {
			listener.onFailure(clientName, error);
		}
	}

}
