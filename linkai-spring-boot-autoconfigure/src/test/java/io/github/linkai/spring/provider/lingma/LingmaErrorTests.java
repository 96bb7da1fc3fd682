package io.github.linkai.spring.provider.lingma;

import java.time.Duration;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.BadRequestException;
import io.github.linkai.spring.client.error.ClientErrorException;
import io.github.linkai.spring.client.error.NotFoundException;
import io.github.linkai.spring.client.error.PermissionDeniedException;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.RateLimitedException;
import io.github.linkai.spring.client.error.ServerErrorException;
import io.github.linkai.spring.client.error.ServiceUnavailableException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.PATH;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.client;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Error statuses map to their typed exceptions, with the error-code center's code and
 * message.
 */
class LingmaErrorTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static Stream<Arguments> errorStatuses() {
		return Stream.of(
				error(400, BadRequestException.class, json("error-error-code.json"), "InvalidParameter.Messages",
						"消息列表不能为空"),
				error(401, AuthenticationException.class, json("error-echoing-token.json"), "InvalidToken",
						"个人访问令牌 ****** 无效或已过期"),
				error(403, PermissionDeniedException.class, json("error-no-permission.json"), "Forbidden.NoPermission",
						"当前用户没有该企业的访问权限"),
				error(404, NotFoundException.class, aResponse(), null, null),
				error(429, RateLimitedException.class, json("error-code-message.json").withHeader("Retry-After", "7"),
						"Throttling.User", "请求过于频繁,请稍后再试"),
				error(503, ServiceUnavailableException.class,
						aResponse().withHeader("Content-Type", "text/plain").withBody("Service Unavailable"), null,
						"Service Unavailable"),
				error(409, ClientErrorException.class, json("error-code-message.json"), "Throttling.User",
						"请求过于频繁,请稍后再试"),
				error(500, ServerErrorException.class, json("error-error-code.json"), "InvalidParameter.Messages",
						"消息列表不能为空"),
				error(502, ServerErrorException.class,
						aResponse().withHeader("Content-Type", "text/html")
							.withBody("<html><body>502 Bad Gateway</body></html>"),
						null, "<html><body>502 Bad Gateway</body></html>"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("errorStatuses")
	void chatMapsTheStatusToItsException(int status, Class<? extends ProviderApiException> type,
			ResponseDefinitionBuilder response, @Nullable String errorType, @Nullable String errorMessage) {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(response.withStatus(status)));

		Throwable error = catchThrowable(() -> client(wm).chat("你好"));

		assertError(error, status, type, errorType, errorMessage);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("errorStatuses")
	void streamMapsTheStatusToItsException(int status, Class<? extends ProviderApiException> type,
			ResponseDefinitionBuilder response, @Nullable String errorType, @Nullable String errorMessage) {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(response.withStatus(status)));

		StepVerifier.create(client(wm).stream("你好"))
			.expectErrorSatisfies((error) -> assertError(error, status, type, errorType, errorMessage))
			.verify();
	}

	private static void assertError(Throwable error, int status, Class<? extends ProviderApiException> type,
			@Nullable String errorType, @Nullable String errorMessage) {
		assertThat(error).isExactlyInstanceOf(type);
		ProviderApiException apiError = (ProviderApiException) error;
		assertThat(apiError.statusCode()).isEqualTo(status);
		assertThat(apiError.provider()).isEqualTo("lingma");
		assertThat(apiError.clientName()).isEqualTo("lingma");
		assertThat(apiError.errorType()).isEqualTo(errorType);
		assertThat(apiError.errorMessage()).isEqualTo(errorMessage);
		assertThat(apiError.retryAfter()).isEqualTo((status == 429) ? Duration.ofSeconds(7) : null);
		assertThat(apiError).hasMessageStartingWith("[lingma/lingma] HTTP " + status);
	}

	private static ResponseDefinitionBuilder json(String fixture) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(fixture(fixture));
	}

	private static Arguments error(int status, Class<? extends ProviderApiException> type,
			ResponseDefinitionBuilder response, @Nullable String errorType, @Nullable String errorMessage) {
		return Arguments.of(status, type, response, errorType, errorMessage);
	}

}
