package io.github.linkai.spring.client.http;

import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The caller's model code reaches the request, a meter tag and the span name: on every
 * provider endpoint, one with a control character or over the length limit is a
 * validation error naming {@code model} (never quoting it), and nothing is sent.
 */
class ModelValidationTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	static Stream<Arguments> cases() {
		return FaultSuiteTests.Target.all()
			.stream()
			.flatMap((target) -> Stream.of("gpt-4o\r\nX-Injected: 1", "gpt-4o\u0000", "m".repeat(257))
				.map((model) -> Arguments.of(target, model)));
	}

	@ParameterizedTest(name = "{0} {index}")
	@MethodSource("cases")
	void aModelWithAControlCharacterOrOverTheLimitIsRejectedNamingTheFieldAndNothingIsSent(
			FaultSuiteTests.Target target, String model) {
		FaultSuiteTests.Calls calls = target.client.apply("http://127.0.0.1:" + wm.getPort(), new HttpChatClientFactory(
				new ReactorClientHttpConnector(), ClientSettings.builder("models").defaults(target.defaults).build()));
		ChatRequest request = ChatRequest.builder().user("你好").model(model).build();

		assertThatExceptionOfType(ChatRequestValidationException.class).isThrownBy(() -> calls.chat().apply(request))
			.satisfies((error) -> assertThat(error.field()).isEqualTo("model"))
			.satisfies((error) -> assertThat(error.getMessage()).doesNotContain("gpt-4o").doesNotContain("mmmm"));
		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(() -> calls.stream().apply(request).blockLast());
		assertThat(wm.findAll(anyRequestedFor(anyUrl()))).as("requests the server saw").isEmpty();
	}

}
