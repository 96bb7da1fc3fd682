package io.github.linkai.spring.provider.jijyun;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.ToolRequests;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

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
	void chatAndStreamRejectToolsAndResponseFormat(String field, ChatRequest request) {
		ToolRequests.assertRejected(client(), field, request, "jijyun",
				(problem) -> assertThat(problem).contains("is not supported by jijyun (its own ")
					.contains(field.equals("responseFormat") ? "JijyunOptions.returnFormat" : "JijyunOptions.tools"));
	}

	private static ChatClient client() {
		return JijyunFixtures.client("jy-key", wm.baseUrl(), JijyunOptions.none(), ChatOptions.none());
	}

}
