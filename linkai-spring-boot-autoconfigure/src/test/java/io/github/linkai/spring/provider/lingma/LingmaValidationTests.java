package io.github.linkai.spring.provider.lingma;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ContentPart;
import io.github.linkai.spring.client.ProviderOptions;
import io.github.linkai.spring.client.Role;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.provider.linkai.LinkAiOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.TOKEN;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.client;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.factory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Requests breaking the document's rules fail before anything is sent, naming the field.
 */
class LingmaValidationTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@AfterEach
	void nothingWasSent() {
		assertThat(wm.getAllServeEvents()).isEmpty();
	}

	static Stream<Arguments> invalidRequests() {
		return Stream.of(invalid("maxTokens", "must be in [1, 4096] but was 0", user().maxTokens(0)),
				invalid("maxTokens", "must be in [1, 4096] but was 4097", user().maxTokens(4097)),
				invalid("temperature", "must be in [0, 1] but was -0.1", user().temperature(-0.1)),
				invalid("temperature", "must be in [0, 1] but was 1.01", user().temperature(1.01)),
				invalid("temperature", "must be a finite number but was NaN", user().temperature(Double.NaN)),
				invalid("topP", "must be in [0, 1] but was 1.5", user().topP(1.5)),
				invalid("topP", "must be in [0, 1] but was -0.5", user().topP(-0.5)),
				invalid("model", "is not supported by lingma", user().model("qwen-max")),
				invalid("providerOptions", "holds options for linkai, not for lingma",
						user().providerOptions(LinkAiOptions.appCode("Kv2fXJcH"))),
				invalid("sessionId", "is only sent by the LinkAI memory chat endpoint", user().sessionId("s-1")),
				invalid("messages", "must not be empty", ChatRequest.builder()),
				invalid("messages[0].content", "must not be blank", ChatRequest.builder().user(" ")),
				invalid("messages[0].content", "must be text: Lingma takes no images",
						ChatRequest.builder().user("这张图是什么?", "https://example.com/cat.png")),
				invalid("messages[1].content", "must be text: Lingma takes no images",
						ChatRequest.builder()
							.system("你是助手")
							.message(new ChatMessage(Role.USER,
									List.of(ContentPart.image("https://example.com/a.png"))))),
				invalid("messages[1].role", "may be system only for the first message",
						ChatRequest.builder().user("你好").system("你是助手")),
				invalid("messages[1].role", "may be system only for the first message",
						ChatRequest.builder().system("你是助手").system("回答要简洁").user("你好")),
				invalid("providerOptions", "holds options for linkai, not for lingma",
						user().providerOptions(new OtherProviderOptions())));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("invalidRequests")
	void chatRejectsTheRequestWithoutSendingIt(String field, String problem, ChatRequest request) {
		assertThatExceptionOfType(ChatRequestValidationException.class).isThrownBy(() -> client(wm).chat(request))
			.satisfies((error) -> {
				assertThat(error.field()).isEqualTo(field);
				assertThat(error.provider()).isEqualTo("lingma");
				assertThat(error.clientName()).isEqualTo("lingma");
				assertThat(error).hasMessageContaining(field + " " + problem);
			});
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("invalidRequests")
	void streamRejectsTheRequestWithoutSendingIt(String field, String problem, ChatRequest request) {
		StepVerifier.create(client(wm).stream(request))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(
					ChatRequestValidationException.class, (e) -> assertThat(e.field()).isEqualTo(field)))
			.verify();
	}

	@Test
	void clientDefaultsOutsideTheirRangeFailWhenTheClientIsCreated() {
		ChatOptions defaults = new ChatOptions(null, 1.5, null, null);
		LingmaSettings settings = new LingmaSettings(TOKEN, LingmaTestSupport.baseUrl(wm), "org", null);

		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(() -> Lingma.chatClient(settings, factory(defaults)))
			.satisfies((error) -> {
				assertThat(error.field()).isEqualTo("temperature");
				assertThat(error.clientName()).isEqualTo("lingma");
			});
	}

	@Test
	void blankKnowledgeBaseIdsAreRejectedWhenTheOptionsAreBuilt() {
		assertThatIllegalArgumentException().isThrownBy(() -> LingmaOptions.knowledgeBases("kb-ops", " "))
			.withMessage("kbIds[1] must not be null or blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LingmaOptions(Arrays.asList("kb-ops", null), null, null, null))
			.withMessage("kbIds[1] must not be null or blank");
	}

	private static ChatRequest.Builder user() {
		return ChatRequest.builder().user("你好");
	}

	private static Arguments invalid(String field, String problem, ChatRequest.Builder request) {
		return Arguments.of(field, problem, request.build());
	}

	private record OtherProviderOptions() implements ProviderOptions {

		@Override
		public String provider() {
			return "linkai";
		}

	}

}
