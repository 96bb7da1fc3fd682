package io.github.linkai.spring.client.http;

import java.net.URI;
import java.time.Duration;

import io.github.linkai.spring.client.error.ErrorDetails;
import io.github.linkai.spring.client.error.RedirectNotFollowedException;
import io.github.linkai.spring.client.error.StatusMapping;
import io.github.linkai.spring.client.spi.ExchangeContext;
import io.github.linkai.spring.client.spi.SecretMasker;
import io.github.linkai.spring.client.spi.StreamError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpResponse;

/**
 * Turns one client's error responses (a status that is not 2xx) into their typed errors:
 * the status mapping's exception, with the body's error type and message (masked) and the
 * {@code Retry-After}, or a {@link RedirectNotFollowedException} for a redirect the
 * connector did not follow.
 */
final class ErrorResponses {

	/**
	 * How much of an error response's body is read for its message: plenty, and bounded.
	 */
	private static final int MAX_BODY_BYTES = 64 * 1024;

	/**
	 * How long an error response's body is read for its message, beyond which the status
	 * alone is reported: a server that dribbles its error page holds the call for this
	 * long at most, not until the deadline.
	 */
	static final Duration BODY_TIMEOUT = Duration.ofSeconds(5);

	private final StatusMapping statusMapping;

	private final SecretMasker masker;

	private final URI baseUri;

	private final ClientSettings settings;

	ErrorResponses(StatusMapping statusMapping, SecretMasker masker, URI baseUri, ClientSettings settings) {
		this.statusMapping = statusMapping;
		this.masker = masker;
		this.baseUri = baseUri;
		this.settings = settings;
	}

	/**
	 * The typed error of an error response. Only a bounded prefix of the body is read,
	 * for a bounded time: a huge error page keeps its status instead of failing on the
	 * codec's buffer limit, and a dribbled one keeps it instead of running to the
	 * deadline.
	 */
	<T> Mono<T> errorFrom(ClientHttpResponse response, ExchangeContext context) {
		HttpHeaders headers = response.getHeaders();
		int status = response.getStatusCode().value();
		Flux<DataBuffer> prefix = DataBufferUtils.takeUntilByteCount(response.getBody(), MAX_BODY_BYTES);
		return BodyBytes.read(prefix, Integer.MAX_VALUE)
			.timeout(BODY_TIMEOUT, this.settings.scheduler())
			.defaultIfEmpty(new byte[0])
			.onErrorResume((error) -> Mono.just(new byte[0]))
			.flatMap((bytes) -> {
				StreamError body = ErrorBodies.parse(bytes, this.masker);
				ErrorDetails details = new ErrorDetails(context.provider(), context.clientName(), status, body.type(),
						body.message(), RetryAfter.parse(headers.getFirst("Retry-After-Ms"),
								headers.getFirst(HttpHeaders.RETRY_AFTER), this.settings.clock()));
				if (response.getStatusCode().is3xxRedirection()) {
					// the connector did not follow it (off by default, never to another
					// origin): say where it pointed
					return Mono.error(new RedirectNotFollowedException(details,
							RedirectNotFollowedException.origin(this.baseUri, headers.getFirst(HttpHeaders.LOCATION))));
				}
				return Mono.error(this.statusMapping.map(details));
			});
	}

}
