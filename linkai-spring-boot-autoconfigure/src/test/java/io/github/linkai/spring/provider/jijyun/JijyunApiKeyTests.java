package io.github.linkai.spring.provider.jijyun;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.ChatTransportException;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.WireTestSupport.printed;
import static io.github.linkai.spring.provider.jijyun.JijyunFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Jijyun's key travels in the query string: it must reach the server exactly, and nothing
 * else (exceptions, observations, WebClient's and this library's logs) may hold it, raw
 * or URL-encoded. Reactor Netty's own DEBUG log of the URL it sends is the one channel
 * left, documented on {@link Jijyun}.
 */
class JijyunApiKeyTests {

	/** A key with characters that need encoding in a query string. */
	private static final String API_KEY = "jjyQX7+kf/Zp=Wm&Tr%2F";

	private static final String ENCODED_KEY = "jjyQX7%2Bkf%2FZp%3DWm%26Tr%252F";

	/** What every form of the key (raw, percent-encoded, form-encoded) contains. */
	private static final String KEY_PREFIX = "jjyQX7";

	private static final String PATH = "/v1/openapi/chat";

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private String baseUrl() {
		return "http://127.0.0.1:" + wm.getPort();
	}

	@Test
	void sendsTheKeyAsTheApiKeyQueryParameter() {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(fixture("reply.json"))));
		JijyunFixtures.client(API_KEY, baseUrl(), JijyunOptions.none(), ChatOptions.none()).chat("你好");
		wm.verify(postRequestedFor(urlPathEqualTo(PATH)).withQueryParam("apiKey", equalTo(API_KEY)));
		wm.verify(postRequestedFor(urlEqualTo(PATH + "?apiKey=" + ENCODED_KEY)));
	}

	@Test
	void aReusedConnectionCarriesEachRequestsKeyOnceAndOtherRequestsOnItNone() {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(fixture("reply.json"))));
		wm.stubFor(post(urlPathEqualTo("/other")).willReturn(okJson("{}")));
		ConnectionProvider oneConnection = ConnectionProvider.create("one", 1);
		try {
			ReactorClientHttpConnector connector = new ReactorClientHttpConnector(HttpClient.create(oneConnection));
			ChatClient first = Jijyun.chatClient(new JijyunSettings(API_KEY, baseUrl(), JijyunOptions.none()),
					new HttpChatClientFactory(connector, ClientSettings.of("first")));
			ChatClient second = Jijyun.chatClient(new JijyunSettings("other-key-42", baseUrl(), JijyunOptions.none()),
					new HttpChatClientFactory(connector, ClientSettings.of("second")));
			first.chat("你好");
			first.stream("你好").blockLast();
			WebClient.builder()
				.clientConnector(connector)
				.build()
				.post()
				.uri(baseUrl() + "/other")
				.retrieve()
				.toBodilessEntity()
				.block();
			second.chat("你好");
		}
		finally {
			oneConnection.dispose();
		}
		wm.verify(2, postRequestedFor(urlEqualTo(PATH + "?apiKey=" + ENCODED_KEY)));
		wm.verify(postRequestedFor(urlEqualTo("/other")));
		wm.verify(postRequestedFor(urlEqualTo(PATH + "?apiKey=other-key-42")));
		assertThat(wm.getAllServeEvents()).hasSize(4);
	}

	@Test
	void aRefusedConnectionLeavesNoKeyInTheException() throws IOException {
		ChatClient client = JijyunFixtures.client(API_KEY, "http://127.0.0.1:" + closedPort(), JijyunOptions.none(),
				ChatOptions.none());
		Throwable blocking = catchThrowable(() -> client.chat("你好"));
		Throwable streaming = catchThrowable(() -> client.stream("你好").blockLast());
		assertThat(blocking).isInstanceOf(ChatTransportException.class);
		assertThat(streaming).isInstanceOf(ChatTransportException.class);
		assertNoKeyIn(printed(blocking));
		assertNoKeyIn(printed(streaming));
	}

	@Test
	void anErrorStatusLeavesNoKeyInTheExceptionEvenWhenTheBodyEchoesIt() {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"msg\":\"invalid apiKey " + API_KEY + "\"}")));
		ChatClient client = JijyunFixtures.client(API_KEY, baseUrl(), JijyunOptions.none(), ChatOptions.none());
		Throwable blocking = catchThrowable(() -> client.chat("你好"));
		Throwable streaming = catchThrowable(() -> client.stream("你好").blockLast());
		assertThat(blocking).isInstanceOf(AuthenticationException.class);
		assertThat(((AuthenticationException) blocking).errorMessage()).isEqualTo("invalid apiKey ******");
		assertThat(streaming).isInstanceOf(AuthenticationException.class);
		assertNoKeyIn(printed(blocking));
		assertNoKeyIn(printed(streaming));
	}

	@Test
	void observationsHoldNoKey() {
		List<Observation.Context> observed = new CopyOnWriteArrayList<>();
		TestObservationRegistry registry = TestObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				observed.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(fixture("reply.json"))));
		ChatClient client = JijyunFixtures.client(registry, API_KEY, baseUrl(), JijyunOptions.none(),
				ChatOptions.none());
		client.chat("你好");
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(402)));
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> client.stream("你好").blockLast());
		assertThat(registry).hasNumberOfObservationsEqualTo(2);
		assertThat(observed).hasSize(2);
		for (Observation.Context context : observed) {
			for (KeyValue keyValue : context.getAllKeyValues()) {
				assertNoKeyIn(keyValue.getKey() + "=" + keyValue.getValue());
			}
			assertNoKeyIn(String.valueOf(context.getContextualName()));
			assertNoKeyIn(String.valueOf(context.getError()));
		}
	}

	@Test
	void webClientReactorNettyAndThisLibraryLogNoKeyEvenAtTraceAndDebugLevel() throws IOException {
		Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
		Map<String, Level> levels = Map.of("org.springframework", Level.TRACE, "io.github.linkai", Level.TRACE,
				"reactor.netty", Level.DEBUG);
		Map<String, @Nullable Level> previous = new HashMap<>();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		root.addAppender(appender);
		levels.forEach((name, level) -> {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			previous.put(name, logger.getLevel());
			logger.setLevel(level);
		});
		try {
			wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(fixture("reply.json"))));
			ChatClient client = JijyunFixtures.client(API_KEY, baseUrl(), JijyunOptions.none(), ChatOptions.none());
			client.chat("你好");
			wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)));
			assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> client.stream("你好").blockLast());
			ChatClient refused = JijyunFixtures.client(API_KEY, "http://127.0.0.1:" + closedPort(),
					JijyunOptions.none(), ChatOptions.none());
			assertThatExceptionOfType(ChatTransportException.class).isThrownBy(() -> refused.chat("你好"));
		}
		finally {
			root.detachAppender(appender);
			previous.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
		}
		assertThat(appender.list).isNotEmpty();
		for (ILoggingEvent event : appender.list) {
			assertNoKeyIn(event.getFormattedMessage());
			if (event.getThrowableProxy() != null) {
				assertNoKeyIn(ThrowableProxyUtil.asString(event.getThrowableProxy()));
			}
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void assertNoKeyIn(String text) {
		assertThat(text).doesNotContain(KEY_PREFIX);
	}

}
