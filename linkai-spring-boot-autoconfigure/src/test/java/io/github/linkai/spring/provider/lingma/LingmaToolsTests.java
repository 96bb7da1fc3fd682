package io.github.linkai.spring.provider.lingma;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.ToolRequests;
import io.github.linkai.spring.client.ChatRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.client;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lingma documents no tools and no response format: a request using them fails before
 * anything is sent, naming the field and the provider.
 */
class LingmaToolsTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@AfterEach
	void nothingWasSent() {
		assertThat(wm.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.linkai.spring.ToolRequests#usingToolsOrResponseFormat")
	void chatAndStreamRejectToolsAndResponseFormat(String field, ChatRequest request) {
		ToolRequests.assertRejected(client(wm), field, request, "lingma",
				(problem) -> assertThat(problem).endsWith("is not supported by lingma"));
	}

}
