package io.github.linkai.spring.client.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The tokens of the client's finished calls used up its token rate
 * ({@code limits.token-rate} per {@code limits.rate-period}).
 */
public class TokenRateLimitException extends CallRejectedException {

	public TokenRateLimitException(String provider, String clientName, long rate, Duration period,
			@Nullable Duration retryAfter) {
		super(provider, clientName, "token-rate",
				"Token rate of " + rate + " per " + period + " spent (limits.token-rate)", retryAfter, null);
	}

}
