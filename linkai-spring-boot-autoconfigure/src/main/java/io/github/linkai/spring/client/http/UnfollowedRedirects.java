package io.github.linkai.spring.client.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.github.linkai.spring.client.error.ErrorDetails;
import io.github.linkai.spring.client.error.RedirectNotFollowedException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Turns a 3xx answer, a redirect the transport did not follow, into a {@link RedirectNotFollowedException}
 * naming where it pointed: only the origin of the {@code Location}, never its path, query (a key could be
 * echoed there) or user info.
 */
final class UnfollowedRedirects implements ExchangeFilterFunction {

	private final String provider;

	private final String clientName;

	UnfollowedRedirects(String provider, String clientName) {
		this.provider = provider;
		this.clientName = clientName;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return next.exchange(request).flatMap((response) -> {
			if (!response.statusCode().is3xxRedirection()) {
				return Mono.just(response);
			}
			String location = origin(request.url(), response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION));
			ErrorDetails details = new ErrorDetails(this.provider, this.clientName, response.statusCode().value(), null,
					null, null);
			return response.releaseBody().then(Mono.error(new RedirectNotFollowedException(details, location)));
		});
	}

	/** {@code scheme://host[:port]} of {@code location} resolved against the request, or {@code null}. */
	static @Nullable String origin(URI requestUrl, @Nullable String location) {
		if (location == null || location.isBlank()) {
			return null;
		}
		try {
			URI target = requestUrl.resolve(new URI(location.strip()));
			if (target.getScheme() == null || target.getHost() == null) {
				return null;
			}
			return target.getScheme().toLowerCase(Locale.ROOT) + "://" + target.getHost()
					+ ((target.getPort() != -1) ? ":" + target.getPort() : "");
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "UnfollowedRedirects[" + this.provider + "/" + this.clientName + "]";
	}

}
