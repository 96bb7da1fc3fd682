package io.github.linkai.spring.provider.jijyun;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The connector that adds Jijyun's key below WebClient. */
class ApiKeyQueryConnectorTests {

	private final AtomicReference<URI> sentTo = new AtomicReference<>();

	private final AtomicReference<ClientHttpRequest> seenByCaller = new AtomicReference<>();

	private final ClientHttpConnector transport = (method, uri, callback) -> {
		this.sentTo.set(uri);
		return callback.apply(new MockClientHttpRequest(method, uri)).thenReturn(new MockClientHttpResponse(200));
	};

	private void connect(String apiKey, String uri) {
		new ApiKeyQueryConnector(this.transport, apiKey).connect(HttpMethod.POST, URI.create(uri), (request) -> {
			this.seenByCaller.set(request);
			return Mono.empty();
		}).block();
	}

	@Test
	void appendsThePercentEncodedKeyOnlyForTheTransport() {
		connect("k+y/Z=9&a%b c", "http://127.0.0.1:8080/v1/openapi/chat");
		assertThat(this.sentTo.get())
			.hasToString("http://127.0.0.1:8080/v1/openapi/chat?apiKey=k%2By%2FZ%3D9%26a%25b%20c");
		assertThat(this.seenByCaller.get().getURI()).hasToString("http://127.0.0.1:8080/v1/openapi/chat");
		assertThat(this.seenByCaller.get().toString()).doesNotContain("apiKey").doesNotContain("k+y");
	}

	@Test
	void keepsAQueryTheUriAlreadyHas() {
		connect("key-123456", "http://127.0.0.1:8080/v1/openapi/chat?lang=zh");
		assertThat(this.sentTo.get()).hasToString("http://127.0.0.1:8080/v1/openapi/chat?lang=zh&apiKey=key-123456");
	}

	@Test
	void onReactorNettyTheKeyJoinsTheRequestLineAfterAnyQuery() {
		assertThat(ApiKeyQueryConnector.withKey("/v1/openapi/chat", "k%2By"))
			.isEqualTo("/v1/openapi/chat?apiKey=k%2By");
		assertThat(ApiKeyQueryConnector.withKey("/v1/openapi/chat?lang=zh", "k"))
			.isEqualTo("/v1/openapi/chat?lang=zh&apiKey=k");
	}

	@Test
	void toStringHoldsNoKey() {
		assertThat(new ApiKeyQueryConnector(this.transport, "key-123456")).asString().doesNotContain("key-123456");
	}

}
