package io.github.linkai.spring.client.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Every key of the client's pool is resting: rate limited (until the provider's reset),
 * rejected or out of credit (for {@code key-cooldown}). Keys are named by their position,
 * never by their value.
 */
public class NoUsableKeyException extends CallRejectedException {

	public NoUsableKeyException(String provider, String clientName, int keys, @Nullable Duration retryAfter) {
		super(provider, clientName, "no-usable-key",
				"None of the " + keys + " key(s) is usable: each is rate limited, rejected or out of credit",
				retryAfter, null);
	}

}
