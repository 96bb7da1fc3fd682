package io.github.linkai.spring.provider.openai;

import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.BadRequestException;
import io.github.linkai.spring.client.error.ClientErrorException;
import io.github.linkai.spring.client.error.NotFoundException;
import io.github.linkai.spring.client.error.PermissionDeniedException;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.QuotaExceededException;
import io.github.linkai.spring.client.error.RateLimitedException;
import io.github.linkai.spring.client.error.ServerErrorException;
import io.github.linkai.spring.client.error.ServiceUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.WireTestSupport.printed;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.API_KEY;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.CHAT_PATH;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.chatClient;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.fixture;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Error statuses: the standard ones, DeepSeek's 402 (insufficient balance), 422 (invalid
 * parameters) and 500, each a typed exception carrying the error object; and the key kept
 * out of them.
 */
class OpenAiErrorTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ChatClient client = chatClient(wm);

	static Stream<Arguments> statuses() {
		return Stream.of(Arguments.of(400, BadRequestException.class), Arguments.of(401, AuthenticationException.class),
				Arguments.of(402, QuotaExceededException.class), Arguments.of(403, PermissionDeniedException.class),
				Arguments.of(404, NotFoundException.class), Arguments.of(418, ClientErrorException.class),
				Arguments.of(422, BadRequestException.class), Arguments.of(429, RateLimitedException.class),
				Arguments.of(500, ServerErrorException.class), Arguments.of(502, ServerErrorException.class),
				Arguments.of(503, ServiceUnavailableException.class));
	}

	@ParameterizedTest
	@MethodSource("statuses")
	void errorStatusMapsToItsTypedExceptionWithTheErrorObject(int status, Class<? extends ProviderApiException> type) {
		wm.stubFor(post(CHAT_PATH).willReturn(json(status, fixture("error.json"))));

		ProviderApiException error = catchThrowableOfType(type, () -> this.client.chat("你好"));

		assertThat(error).isExactlyInstanceOf(type);
		assertThat(error.provider()).isEqualTo("openai");
		assertThat(error.clientName()).isEqualTo("test");
		assertThat(error.statusCode()).isEqualTo(status);
		assertThat(error.errorType()).isEqualTo("unknown_error");
		assertThat(error.errorMessage()).isEqualTo("Insufficient Balance");
	}

	@Test
	void deepSeeksDocumentedStatusesSayWhatTheyMean() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(402, fixture("error.json"))));
		assertThat(catchThrowableOfType(QuotaExceededException.class, () -> this.client.chat("你好")))
			.hasMessageContaining("insufficient balance");

		wm.stubFor(post(CHAT_PATH).willReturn(json(422, fixture("error.json"))));
		assertThat(catchThrowableOfType(BadRequestException.class, () -> this.client.chat("你好")))
			.hasMessageContaining("invalid parameters");
	}

	@Test
	void vllmsTopLevelErrorBodyIsRead() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(404, fixture("error-vllm.json"))));

		NotFoundException error = catchThrowableOfType(NotFoundException.class, () -> this.client.chat("你好"));

		assertThat(error.errorType()).isEqualTo("NotFoundError");
		assertThat(error.errorMessage()).isEqualTo("The model `qwen-14b` does not exist.");
	}

	@Test
	void keyEchoedInAnErrorBodyIsMasked() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(401,
				"""
						{"error":{"message":"Incorrect API key provided: %s","type":"invalid_request_error","code":"invalid_api_key"}}
						"""
					.formatted(API_KEY))));

		AuthenticationException error = catchThrowableOfType(AuthenticationException.class,
				() -> this.client.chat("你好"));

		assertThat(error.errorMessage()).startsWith("Incorrect API key provided: ");
		assertThat(printed(error)).doesNotContain(API_KEY);
	}

}
