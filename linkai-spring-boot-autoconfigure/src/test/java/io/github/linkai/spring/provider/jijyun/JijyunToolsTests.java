package io.github.linkai.spring.provider.jijyun;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Jijyun's {@code tools} and {@code return_format} are its own assistant features, not
 * function calling or a JSON schema: a request using the neutral ones fails before
 * anything is sent, naming the field and where Jijyun's own are.
 */
class JijyunToolsTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@AfterEach
	void nothingWasSent() {
		assertThat(wm.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.linkai.spring.ToolRequests#usingToolsOrResponseFormat")
	void chatRejectsToolsAndResponseFormat(String field, ChatRequest request) {
		assertThatExceptionOfType(ChatRequestValidationException.class).isThrownBy(() -> client().chat(request))
			.satisfies((error) -> {
				assertThat(error.field()).isEqualTo(field);
				assertThat(error.provider()).isEqualTo("jijyun");
				assertThat(error.problem()).contains("is not supported by jijyun (its own ")
					.contains(field.equals("responseFormat") ? "JijyunOptions.returnFormat" : "JijyunOptions.tools");
			});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.linkai.spring.ToolRequests#usingToolsOrResponseFormat")
	void streamRejectsToolsAndResponseFormat(String field, ChatRequest request) {
		StepVerifier.create(client().stream(request))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(ChatRequestValidationException.class, (e) -> {
						assertThat(e.field()).isEqualTo(field);
						assertThat(e.provider()).isEqualTo("jijyun");
					}))
			.verify();
	}

	private static ChatClient client() {
		return JijyunFixtures.client("jy-key", wm.baseUrl(), JijyunOptions.none(), ChatOptions.none());
	}

}
