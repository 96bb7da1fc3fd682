package io.github.linkai.spring.client.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.HttpClientResponse;

/**
 * The redirects a client follows when its {@code redirects} setting enables them: only
 * those to the origin (scheme, host and port) of the request being redirected. Every
 * request carries its provider's credential (an {@code Authorization} or
 * {@code x-yunxiao-token} header, Jijyun's {@code apiKey} query parameter), and Reactor
 * Netty, following a redirect, drops {@code Authorization} for another host but keeps
 * every other header; a redirect to another origin, or from https to http (another
 * scheme), is therefore not followed and reaches the caller as a
 * {@link io.github.linkai.spring.client.error.RedirectNotFollowedException}.
 *
 * <p>
 * Applied to the Reactor Netty {@link HttpClient}, it judges every hop of a chain before
 * it is sent, for every provider whatever carries its credential.
 */
public final class SameOriginRedirects implements BiPredicate<HttpClientRequest, HttpClientResponse> {

	private static final SameOriginRedirects INSTANCE = new SameOriginRedirects();

	/** The statuses Reactor Netty follows by default. */
	private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);

	private SameOriginRedirects() {
	}

	/** {@code httpClient} following redirects to the same origin only. */
	public static HttpClient followSameOriginOnly(HttpClient httpClient) {
		return httpClient.followRedirect(INSTANCE);
	}

	@Override
	public boolean test(HttpClientRequest request, HttpClientResponse response) {
		if (!REDIRECT_STATUSES.contains(response.status().code())) {
			return false;
		}
		String from = request.resourceUrl();
		String location = response.responseHeaders().get(HttpHeaderNames.LOCATION);
		return from != null && location != null && isSameOrigin(from, location);
	}

	/**
	 * Whether {@code location}, resolved against {@code from}, is on the same origin and
	 * has no user info.
	 */
	static boolean isSameOrigin(String from, String location) {
		try {
			URI source = new URI(from);
			URI target = source.resolve(new URI(location.strip()));
			return isHttp(source.getScheme()) && source.getScheme().equalsIgnoreCase(target.getScheme())
					&& source.getHost() != null && source.getHost().equalsIgnoreCase(target.getHost())
					&& port(source) == port(target) && target.getRawUserInfo() == null;
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean isHttp(@Nullable String scheme) {
		return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
	}

	@Override
	public String toString() {
		return "SameOriginRedirects";
	}

}
