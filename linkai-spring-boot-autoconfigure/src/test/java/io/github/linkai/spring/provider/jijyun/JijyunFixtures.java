package io.github.linkai.spring.provider.jijyun;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.client.http.RetryPolicy;
import io.github.linkai.spring.observation.ChatCallObserver;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/** Fixtures and clients shared by the Jijyun tests. */
final class JijyunFixtures {

	private JijyunFixtures() {
	}

	/** A fixture of this package, e.g. {@code reply.json}. */
	static String fixture(String name) {
		try (InputStream in = JijyunFixtures.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A client named {@code test}, not observed. */
	static ChatClient client(String apiKey, String baseUrl, JijyunOptions jijyunDefaults, ChatOptions defaults) {
		return client(ObservationRegistry.NOOP, apiKey, baseUrl, jijyunDefaults, defaults);
	}

	/** A client named {@code test}, observed by {@code registry}. */
	static ChatClient client(ObservationRegistry registry, String apiKey, String baseUrl, JijyunOptions jijyunDefaults,
			ChatOptions defaults) {
		return Jijyun.chatClient(new JijyunSettings(apiKey, baseUrl, jijyunDefaults),
				new HttpChatClientFactory(new ReactorClientHttpConnector(),
						ClientSettings.builder("test")
							.defaults(defaults)
							.retry(RetryPolicy.none())
							.observer(new ChatCallObserver(registry, null, false))
							.build()));
	}

}
