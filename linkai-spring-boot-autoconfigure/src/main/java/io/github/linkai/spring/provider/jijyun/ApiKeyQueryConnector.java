package io.github.linkai.spring.provider.jijyun;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Adds {@code apiKey=<key>} to the query string on the way out. Jijyun takes its key only
 * in the URL, and everything the exchange holds a URL for (its observation, its
 * exceptions, a caller's log lines) would publish it; so the exchange is given the bare
 * path, and only the transport below it sees the key.
 *
 * <p>
 * On Reactor Netty the key joins the request line in the channel pipeline, as the request
 * is encoded: Reactor Netty itself (its DEBUG log of the URI it connects to, its redirect
 * handling, its metrics) sees the bare URI too. On another connector the key is added to
 * the URI handed to it, and the request handed back to the exchange reports the bare URI.
 */
final class ApiKeyQueryConnector implements ClientHttpConnector {

	/** The pipeline handler's name: a name only, it is logged with the pipeline. */
	static final String HANDLER_NAME = "linkai.jijyun.apiKeyQuery";

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
		if (this.delegate instanceof ReactorClientHttpConnector) {
			return this.delegate.connect(method, uri, (request) -> {
				Object nativeRequest = request.getNativeRequest();
				if (!(nativeRequest instanceof Connection connection)) {
					return Mono.error(new IllegalStateException("Not a Reactor Netty request: " + request.getClass()));
				}
				// one per request, with this client's key: none left over from an earlier
				// request on the connection
				connection.removeHandler(HANDLER_NAME);
				connection.addHandlerFirst(HANDLER_NAME, new RequestLineKey(this.encodedKey));
				return requestCallback.apply(request);
			});
		}
		// The one place the key joins the URL: the exchange asked for (and its metrics,
		// traces, logs and
		// exceptions only ever hold) the key-less uri, and gets a request that reports
		// that uri back.
		URI withKey = UriComponentsBuilder.fromUri(uri).queryParam("apiKey", this.encodedKey).build(true).toUri();
		return this.delegate.connect(method, withKey,
				(request) -> requestCallback.apply(new KeylessRequest(request, uri)));
	}

	/** {@code target} with the encoded key as the last query parameter. */
	static String withKey(String target, String encodedKey) {
		return target + ((target.indexOf('?') != -1) ? "&" : "?") + "apiKey=" + encodedKey;
	}

	@Override
	public String toString() {
		return "ApiKeyQueryConnector[" + this.delegate + "]";
	}

	/**
	 * Adds the key to the request line of the one request it sees, then leaves the
	 * pipeline. The request is copied: the one Reactor Netty keeps (and reports as the
	 * request's URI) stays without the key.
	 */
	private static final class RequestLineKey extends ChannelOutboundHandlerAdapter {

		private final String encodedKey;

		RequestLineKey(String encodedKey) {
			this.encodedKey = encodedKey;
		}

		@Override
		@SuppressWarnings("FutureReturnValueIgnored") // ctx.write(msg, promise) returns
														// the promise it completes
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
			if (!(msg instanceof HttpRequest request)) {
				ctx.write(msg, promise);
				return;
			}
			String target = withKey(request.uri(), this.encodedKey);
			HttpRequest keyed = (request instanceof FullHttpRequest full) ? full.replace(full.content()).setUri(target)
					: new DefaultHttpRequest(request.protocolVersion(), request.method(), target, request.headers());
			ctx.write(keyed, promise);
			ctx.pipeline().remove(this);
		}

		@Override
		public String toString() {
			return "RequestLineKey";
		}

	}

	/** The transport's request, as the exchange sees it: at the URI it asked for. */
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
