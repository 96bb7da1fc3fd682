package io.github.linkai.spring.client.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The call was refused inside this application, before it reached the provider: nothing
 * was sent. It says nothing about the provider, so it is never retried by the client and
 * never counted by health, and a web application answers it as "busy, try again shortly"
 * (503), not as a provider failure. Each subclass names the local limit that refused the
 * call: {@link LocalSaturationException} for a full connection pool.
 */
public class CallRejectedException extends ChatClientException {

	private final @Nullable Duration retryAfter;

	/**
	 * A refused call.
	 * @param provider the provider
	 * @param clientName the configured client
	 * @param message what refused it
	 * @param retryAfter when trying again may pass, if the limit knows
	 * @param cause what the limit raised, if anything
	 */
	public CallRejectedException(String provider, String clientName, String message, @Nullable Duration retryAfter,
			@Nullable Throwable cause) {
		super(provider, clientName, message + "; nothing was sent", cause);
		this.retryAfter = retryAfter;
	}

	/** When trying again may pass, if the limit that refused the call knows. */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
