package io.github.linkai.spring.provider.openai;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ContentPart;
import io.github.linkai.spring.client.Role;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.CHAT_PATH;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.assertNoRequestSent;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.chatClient;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.eventStream;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.fixture;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.json;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.onlyRequestBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Requests that break a documented rule fail before anything is sent, naming the field,
 * for blocking and streaming calls alike; the limits themselves are accepted.
 */
class OpenAiValidationTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ChatClient client = chatClient(wm);

	@BeforeEach
	void stubReplies() {
		wm.stubFor(post(CHAT_PATH).willReturn(json(200, fixture("reply.json"))));
	}

	static Stream<Arguments> invalidRequests() {
		return Stream.of(invalid("temperature", ChatRequest.builder().user("你好").temperature(2.01)),
				invalid("temperature", ChatRequest.builder().user("你好").temperature(-0.1)),
				invalid("temperature", ChatRequest.builder().user("你好").temperature(Double.NaN)),
				invalid("topP", ChatRequest.builder().user("你好").topP(1.01)),
				invalid("topP", ChatRequest.builder().user("你好").topP(-0.5)),
				invalid("maxTokens", ChatRequest.builder().user("你好").maxTokens(0)),
				invalid("model", ChatRequest.builder().user("你好").model(" ")),
				invalid("frequencyPenalty", options(OpenAiOptions.builder().frequencyPenalty(2.5))),
				invalid("presencePenalty", options(OpenAiOptions.builder().presencePenalty(-2.01))),
				invalid("stop", options(OpenAiOptions.builder().stop("a", "b", "c", "d", "e"))),
				invalid("stop[1]", options(new OpenAiOptions(null, null, null, List.of("a", ""), null, null))),
				invalid("stop[0]",
						options(new OpenAiOptions(null, null, null, Arrays.asList((String) null), null, null))),
				invalid("user", options(OpenAiOptions.builder().user(""))),
				invalid("extraBody", options(OpenAiOptions.builder().extraBody(" ", 1))),
				invalid("extraBody.stream_options",
						options(OpenAiOptions.builder().extraBody("stream_options", Map.of("include_usage", false)))),
				invalid("messages[0].content",
						ChatRequest.builder()
							.message(new ChatMessage(Role.SYSTEM,
									List.of(ContentPart.text("看图"), ContentPart.image("https://example.com/a.png"))))
							.user("你好")),
				invalid("messages[1].content",
						ChatRequest.builder()
							.user("你好")
							.message(new ChatMessage(Role.ASSISTANT,
									List.of(ContentPart.image("https://example.com/a.png"))))),
				invalid("messages", ChatRequest.builder()),
				invalid("sessionId", ChatRequest.builder().user("你好").sessionId("s-1")),
				invalid("providerOptions", ChatRequest.builder().user("你好").providerOptions(() -> "lingma")));
	}

	private static Arguments invalid(String field, ChatRequest.Builder request) {
		return Arguments.of(field, request.build());
	}

	private static ChatRequest.Builder options(OpenAiOptions.Builder options) {
		return options(options.build());
	}

	private static ChatRequest.Builder options(OpenAiOptions options) {
		return ChatRequest.builder().user("你好").providerOptions(options);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidRequests")
	void invalidRequestFailsNamingTheFieldAndSendsNothing(String field, ChatRequest request) {
		assertThatExceptionOfType(ChatRequestValidationException.class).isThrownBy(() -> this.client.chat(request))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo(field);
				assertThat(ex.provider()).isEqualTo("openai");
				assertThat(ex.clientName()).isEqualTo("test");
			});
		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(() -> this.client.stream(request).blockLast())
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
		assertNoRequestSent(wm);
	}

	@Test
	void limitsAreAccepted() {
		ChatRequest request = ChatRequest.builder()
			.user("你好")
			.temperature(2.0)
			.topP(0.0)
			.maxTokens(1)
			.providerOptions(OpenAiOptions.builder()
				.frequencyPenalty(-2.0)
				.presencePenalty(2.0)
				.stop("a", "b", "c", "d")
				.build())
			.build();

		this.client.chat(request);

		assertThat(onlyRequestBody(wm).get("stop").size()).isEqualTo(4);
	}

	@Test
	void whitespaceStopSequencesAreSequences() {
		this.client.chat(ChatRequest.builder()
			.user("你好")
			.providerOptions(OpenAiOptions.builder().stop("\n", " ").build())
			.build());

		assertThat(onlyRequestBody(wm).get("stop").valueStream().map((stop) -> stop.asString())).containsExactly("\n",
				" ");
	}

	@Test
	void emptyStopListOverridesTheClientsAndSendsNone() {
		ChatClient client = chatClient(wm, OpenAiOptions.builder().stop("END").build());

		client.chat(ChatRequest.builder()
			.user("你好")
			.providerOptions(new OpenAiOptions(null, null, null, List.of(), null, null))
			.build());

		assertThat(onlyRequestBody(wm).has("stop")).isFalse();
	}

	@Test
	void imageInAUserMessageIsValidForAStreamToo() {
		wm.stubFor(post(CHAT_PATH).willReturn(eventStream(fixture("stream.sse"))));

		assertThat(this.client.stream(ChatRequest.builder().user("这是什么?", "https://example.com/a.png").build())
			.count()
			.block()).isEqualTo(5);
	}

}
