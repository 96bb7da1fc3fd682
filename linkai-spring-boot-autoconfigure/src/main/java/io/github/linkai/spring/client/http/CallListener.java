package io.github.linkai.spring.client.http;

/**
 * Told how each call of a client ended, e.g. to keep passive health from real traffic.
 * Called on the thread of the call's last signal: implementations must be quick,
 * thread-safe and never throw. A cancelled call is reported neither way.
 */
public interface CallListener {

	/** A call or stream completed. */
	void onSuccess(String clientName);

	/**
	 * A call or stream failed; {@code error} is a
	 * {@link io.github.linkai.spring.client.error.ChatClientException} for every failure
	 * the exchange knows.
	 */
	void onFailure(String clientName, Throwable error);

}
