package io.github.linkai.spring.client.error;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 3xx: the provider answered with a redirect that was not followed. Redirects are
 * not followed unless the client's {@code redirects} setting enables them, and even then
 * never to another origin (scheme, host and port) nor from https to http, since the
 * request carries the credential. Usually the base URL is not where the API is (an
 * {@code http://} URL answered by a redirect to {@code https://}, a moved host): set it
 * to the target.
 */
public class RedirectNotFollowedException extends ProviderApiException {

	private final @Nullable String location;

	/**
	 * A redirect that was not followed.
	 * @param details the status and the client
	 * @param location where the redirect pointed, as {@code scheme://host[:port]} only
	 * (no path, query or user info), or {@code null} when the answer had no readable
	 * {@code Location}
	 */
	public RedirectNotFollowedException(ErrorDetails details, @Nullable String location) {
		super(details, describe(location));
		this.location = location;
	}

	private static String describe(@Nullable String location) {
		return "redirect " + ((location != null) ? "to " + location : "without a readable Location")
				+ " not followed: set the base URL to the API's own address (redirects are followed only when "
				+ "enabled, and never to another origin or from https to http)";
	}

	/**
	 * {@code scheme://host[:port]} of {@code location} resolved against the request, or
	 * {@code null}.
	 */
	public static @Nullable String origin(URI requestUrl, @Nullable String location) {
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

	/**
	 * The origin the redirect pointed to ({@code scheme://host[:port]}), if the answer
	 * said.
	 */
	public @Nullable String location() {
		return this.location;
	}

}
