package io.github.linkai.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The client's connections are all in use and the call could not get one: the queue of
 * calls waiting for a connection was full, or the call waited longer than the pool lets
 * it ({@code pool.pending-acquire-timeout}). This application is busy, not the provider:
 * raise {@code pool.max-connections} or shed load.
 */
public class LocalSaturationException extends CallRejectedException {

	public LocalSaturationException(String provider, String clientName, String message, @Nullable Throwable cause) {
		super(provider, clientName, message, null, cause);
	}

}
