package io.github.linkai.spring.client.spi;

import java.net.URI;
import java.util.Objects;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;

/**
 * Sets a credential header on every request below the exchange, for a
 * {@link io.github.linkai.spring.client.spi.WireMapping#decorate(ClientHttpConnector)}:
 * the exchange never holds it, so its exceptions and observations cannot show it. Reactor
 * Netty's own logging prints no header value.
 */
public final class CredentialHeaderConnector implements ClientHttpConnector {

	private final ClientHttpConnector delegate;

	private final String name;

	private final String value;

	/**
	 * The transport, with the header added to each request.
	 * @param delegate the transport
	 * @param name the header, e.g. {@code Authorization}
	 * @param value its value, e.g. {@code Bearer <key>}
	 */
	public CredentialHeaderConnector(ClientHttpConnector delegate, String name, String value) {
		this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
		this.name = Objects.requireNonNull(name, "name must not be null");
		this.value = Objects.requireNonNull(value, "value must not be null");
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		return this.delegate.connect(method, uri, (request) -> {
			request.getHeaders().set(this.name, this.value);
			return requestCallback.apply(request);
		});
	}

	@Override
	public String toString() {
		return "CredentialHeaderConnector[" + this.name + ", " + this.delegate + "]";
	}

}
