package io.github.linkai.spring.client.error;

/**
 * The store shared by the instances' limits (Redis) cannot be reached and the limits fail
 * closed ({@code linkai.limits.redis-unavailable=fail-closed}): no call is let through
 * that the shared limits could not count. Another client does not answer instead: it
 * would be refused the same way.
 */
public class LimiterUnavailableException extends CallRejectedException {

	public LimiterUnavailableException(String provider, String clientName) {
		super(provider, clientName, "store-unavailable",
				"The shared limits' store is unavailable and the limits fail closed "
						+ "(linkai.limits.redis-unavailable)",
				null, null);
	}

	@Override
	public boolean isAccountSide() {
		return false;
	}

}
