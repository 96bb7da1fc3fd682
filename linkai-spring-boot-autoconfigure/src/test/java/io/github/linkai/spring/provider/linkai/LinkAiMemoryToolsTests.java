package io.github.linkai.spring.provider.linkai;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.ToolRequests;
import io.github.linkai.spring.client.ChatRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.memoryClient;
import static org.assertj.core.api.Assertions.assertThat;

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
	void chatAndStreamRejectToolsAndResponseFormat(String field, ChatRequest request) {
		ToolRequests.assertRejected(memoryClient(wm), field, request, "linkai", (problem) -> assertThat(problem)
			.endsWith("is not supported by linkai memory chat, which sends only the question"));
	}

}
