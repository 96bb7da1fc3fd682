package io.github.linkai.spring.client.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The client's request rate ({@code limits.request-rate} per {@code limits.rate-period})
 * was spent, and no request came free within the wait allowed.
 */
public class RequestRateLimitException extends CallRejectedException {

	public RequestRateLimitException(String provider, String clientName, long rate, Duration period,
			@Nullable Duration retryAfter) {
		super(provider, clientName, "request-rate",
				"Request rate of " + rate + " per " + period + " spent (limits.request-rate)", retryAfter, null);
	}

}
