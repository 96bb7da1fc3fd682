package io.github.linkai.spring.provider.linkai;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.memoryClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Memory chat sends only the question: a request using tools or a response format fails
 * before anything is sent, naming the field and the endpoint.
 */
class LinkAiMemoryToolsTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@AfterEach
	void nothingWasSent() {
		assertThat(wm.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.linkai.spring.ToolRequests#usingToolsOrResponseFormat")
	void chatRejectsToolsAndResponseFormat(String field, ChatRequest request) {
		assertThatExceptionOfType(ChatRequestValidationException.class).isThrownBy(() -> memoryClient(wm).chat(request))
			.satisfies((error) -> {
				assertThat(error.field()).isEqualTo(field);
				assertThat(error.provider()).isEqualTo("linkai");
				assertThat(error.problem())
					.endsWith("is not supported by linkai memory chat, which sends only the question");
			});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.linkai.spring.ToolRequests#usingToolsOrResponseFormat")
	void streamRejectsToolsAndResponseFormat(String field, ChatRequest request) {
		StepVerifier.create(memoryClient(wm).stream(request))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(ChatRequestValidationException.class, (e) -> {
						assertThat(e.field()).isEqualTo(field);
						assertThat(e.provider()).isEqualTo("linkai");
					}))
			.verify();
	}

}
