package io.github.linkai.benchmarks.jmh;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;

/**
 * A connector that answers every request with the same bytes, one buffer per network
 * read, without a socket: what the JMH benchmarks time is the client's own work on a
 * reply, not the loopback's.
 */
final class InMemoryConnector implements ClientHttpConnector {

	private final MediaType contentType;

	private final List<byte[]> reads;

	/**
	 * A connector that answers every request with one reply.
	 * @param contentType the reply's content type
	 * @param reads the reply's body, as the network reads that deliver it
	 */
	InMemoryConnector(MediaType contentType, List<byte[]> reads) {
		this.contentType = contentType;
		this.reads = List.copyOf(reads);
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
		return requestCallback.apply(request).then(Mono.fromSupplier(this::response));
	}

	private ClientHttpResponse response() {
		MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
		response.getHeaders().setContentType(this.contentType);
		List<DataBuffer> buffers = new ArrayList<>(this.reads.size());
		for (byte[] read : this.reads) {
			buffers.add(DefaultDataBufferFactory.sharedInstance.wrap(read));
		}
		response.setBody(Flux.fromIterable(buffers));
		return response;
	}

}
