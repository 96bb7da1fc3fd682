package io.github.linkai.spring.provider.jijyun;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Adds {@code apiKey=<key>} to the query string on the way out. Jijyun takes its key only in the URL, and
 * everything WebClient holds a URL for (its {@code http.client.requests} {@code uri} tag and trace attributes,
 * its log lines, {@code WebClientRequestException} and {@code WebClientResponseException}) would publish
 * it; so WebClient is given the bare path, and only the transport below it sees the key. The request handed
 * back to WebClient reports the bare URI too.
 */
final class ApiKeyQueryConnector implements ClientHttpConnector {

	private final ClientHttpConnector delegate;

	private final String encodedKey;

	ApiKeyQueryConnector(ClientHttpConnector delegate, String apiKey) {
		this.delegate = delegate;
		this.encodedKey = encode(apiKey);
	}

	/** The key as it appears in the URL: percent-encoded, a space as {@code %20}. */
	static String encode(String apiKey) {
		return URLEncoder.encode(apiKey, StandardCharsets.UTF_8).replace("+", "%20");
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		// The one place the key joins the URL: WebClient asked for (and its metrics, traces, logs and
		// exceptions only ever hold) the key-less uri, and gets a request that reports that uri back.
		URI withKey = UriComponentsBuilder.fromUri(uri).queryParam("apiKey", this.encodedKey).build(true).toUri();
		return this.delegate.connect(method, withKey,
				(request) -> requestCallback.apply(new KeylessRequest(request, uri)));
	}

	@Override
	public String toString() {
		return "ApiKeyQueryConnector[" + this.delegate + "]";
	}

	/** The transport's request, as WebClient sees it: at the URI it asked for. */
	private static final class KeylessRequest extends ClientHttpRequestDecorator {

		private final URI uri;

		KeylessRequest(ClientHttpRequest delegate, URI uri) {
			super(delegate);
			this.uri = uri;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		public String toString() {
			return "KeylessRequest[" + getMethod() + " " + this.uri + "]";
		}

	}

}
