package io.github.linkai.spring.client.error;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps an HTTP error status to its typed exception. {@link #standard()} covers the
 * statuses every provider shares; a provider overrides the ones its documentation gives
 * another meaning (LinkAI's 402 is "app not found", Jijyun's 402 "quota exhausted"). Any
 * other 4xx or 5xx still gets a typed exception; a 3xx (a redirect that was not followed)
 * is a {@link RedirectNotFollowedException}, raised by the exchange, which knows where it
 * pointed.
 */
public final class StatusMapping {

	private static final StatusMapping STANDARD = new StatusMapping(Map.of())
		.with(400, (d) -> new BadRequestException(d, "bad request"))
		.with(401, (d) -> new AuthenticationException(d, "authentication failed, check the API key"))
		.with(403, (d) -> new PermissionDeniedException(d, "permission denied"))
		.with(404, (d) -> new NotFoundException(d, "not found, check the base URL and ids in the path"))
		.with(429, (d) -> new RateLimitedException(d, "rate limited"))
		.with(503, (d) -> new ServiceUnavailableException(d, "service unavailable"));

	private final Map<Integer, Function<ErrorDetails, ProviderApiException>> byStatus;

	private StatusMapping(Map<Integer, Function<ErrorDetails, ProviderApiException>> byStatus) {
		this.byStatus = Map.copyOf(byStatus);
	}

	/** The mapping every provider starts from. */
	public static StatusMapping standard() {
		return STANDARD;
	}

	/** A copy that maps {@code status} with {@code factory}. */
	public StatusMapping with(int status, Function<ErrorDetails, ProviderApiException> factory) {
		Map<Integer, Function<ErrorDetails, ProviderApiException>> copy = new HashMap<>(this.byStatus);
		copy.put(status, factory);
		return new StatusMapping(copy);
	}

	/** The exception for an error response. */
	public ProviderApiException map(ErrorDetails details) {
		Function<ErrorDetails, ProviderApiException> factory = this.byStatus.get(details.statusCode());
		if (factory != null) {
			return factory.apply(details);
		}
		int status = details.statusCode();
		if (status >= 400 && status < 500) {
			return new ClientErrorException(details, "client error");
		}
		if (status >= 500) {
			return new ServerErrorException(details, "server error");
		}
		return new ProviderApiException(details, "unexpected status");
	}

}
