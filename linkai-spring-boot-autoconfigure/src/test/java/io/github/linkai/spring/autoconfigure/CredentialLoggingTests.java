package io.github.linkai.spring.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The debugging switch below the starter that prints requests, Reactor Netty's DEBUG
 * logging (the URI it connects to), with Spring's HTTP and the starter's own loggers at
 * TRACE, prints no credential of any provider: Jijyun's key joins the request line below
 * Reactor Netty's logging.
 */
@ExtendWith(OutputCaptureExtension.class)
class CredentialLoggingTests {

	/**
	 * Reactor Netty at DEBUG (not only reactor.netty.http.client), Spring's HTTP and ours
	 * at TRACE; the loggers that logback-test.xml quiets are named too.
	 */
	private static final Map<String, Level> LEVELS = Map.of("reactor.netty", Level.DEBUG,
			"reactor.netty.http.client.HttpClientConnect", Level.DEBUG, "org.springframework.http", Level.TRACE,
			"io.github.linkai", Level.TRACE, "io.github.linkai.spring.calls", Level.TRACE,
			"io.github.linkai.spring.web", Level.TRACE);

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final Map<String, @Nullable Level> previousLevels = new HashMap<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class));

	@BeforeEach
	void turnTheLoggersOn() {
		LEVELS.forEach((name, level) -> {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			this.previousLevels.put(name, logger.getLevel());
			logger.setLevel(level);
		});
	}

	@AfterEach
	void restoreTheLoggers() {
		this.previousLevels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
	}

	@ParameterizedTest
	@EnumSource
	void noCredentialInReactorNettyDebugLogging(ProviderCase client, CapturedOutput output) {
		server.stubFor(client.chatPath().willReturn(okJson(client.reply())));

		this.contextRunner.withPropertyValues(client.properties("http://127.0.0.1:" + server.getPort()))
			.run((context) -> {
				ChatClient chat = context.getBean(ChatClient.class);
				assertThat(chat.chat("你好")).isEqualTo("你好");
				chat.stream("你好").blockLast();
			});

		server.verify(2, client.requestWithCredential(client.path()));
		// the logger did print the requests
		assertThat(output)
			.contains("Handler is being applied: {uri=http://127.0.0.1:" + server.getPort() + client.path())
			.doesNotContain("{masked}");
		assertThat(output).doesNotContain(client.credential()).doesNotContain(client.credential().substring(0, 8));
	}

}
