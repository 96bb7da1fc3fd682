package io.github.linkai.spring.client.error;

/**
 * HTTP 429: too many requests; {@link #retryAfter()} holds the provider's requested
 * delay, if any.
 */
public class RateLimitedException extends ClientErrorException {

	public RateLimitedException(ErrorDetails details, String meaning) {
		super(details, meaning);
	}

}
