package io.github.linkai.spring.provider.linkai;

import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ContentPart;
import io.github.linkai.spring.client.ProviderOptions;
import io.github.linkai.spring.client.Role;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.WireTestSupport.printed;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.API_KEY;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.CHAT_PATH;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.assertNoRequestSent;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.chatClient;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.fixture;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.onlyRequestBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Named.named;

/**
 * LinkAI chat completions ({@code 001}): requests that break the document's rules fail
 * before anything is sent, naming the field; the documented boundaries themselves are
 * accepted.
 */
class LinkAiChatValidationTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ChatClient client = chatClient(wm);

	static Stream<Arguments> invalidRequests() {
		return Stream.of(invalid("no messages", ChatRequest.builder(), "messages"),
				invalid("empty content", ChatRequest.builder().user(""), "messages[0].content"),
				invalid("blank content", ChatRequest.builder().system("你是客服").user(" \n"), "messages[1].content"),
				invalid("blank text beside an image", ChatRequest.builder().user(" ", "https://cdn.link-ai.tech/a.jpg"),
						"messages[0].content"),
				invalid("blank image url", ChatRequest.builder().user("这张图是什么?", " "), "messages[0].content.image_url"),
				invalid("message without content", ChatRequest.builder().message(new ChatMessage(Role.USER, List.of())),
						"messages[0].content"),
				invalid("image in a system message", ChatRequest.builder()
					.message(new ChatMessage(Role.SYSTEM,
							List.of(ContentPart.text("看图"), ContentPart.image("https://cdn.link-ai.tech/a.jpg"))))
					.user("你好"), "messages[0].content"),
				invalid("image in an assistant message",
						ChatRequest.builder()
							.user("你好")
							.message(new ChatMessage(Role.ASSISTANT,
									List.of(ContentPart.image("https://cdn.link-ai.tech/a.jpg")))),
						"messages[1].content"),
				invalid("temperature above 1", question().temperature(1.5), "temperature"),
				invalid("temperature below 0", question().temperature(-0.1), "temperature"),
				invalid("temperature NaN", question().temperature(Double.NaN), "temperature"),
				invalid("top_p above 1", question().topP(2.0), "topP"),
				invalid("top_p below 0", question().topP(-1.0), "topP"),
				invalid("frequency_penalty above 2", question().providerOptions(new LinkAiOptions(null, 2.5, null)),
						"frequencyPenalty"),
				invalid("frequency_penalty infinite",
						question().providerOptions(new LinkAiOptions(null, Double.NEGATIVE_INFINITY, null)),
						"frequencyPenalty"),
				invalid("presence_penalty below -2", question().providerOptions(new LinkAiOptions(null, null, -2.01)),
						"presencePenalty"),
				invalid("presence_penalty NaN", question().providerOptions(new LinkAiOptions(null, null, Double.NaN)),
						"presencePenalty"),
				invalid("maxTokens, which LinkAI has no field for", question().maxTokens(100), "maxTokens"),
				invalid("blank app code", question().providerOptions(LinkAiOptions.appCode(" ")), "appCode"),
				invalid("blank model", question().model(""), "model"),
				invalid("session id on plain chat", question().sessionId("user-42"), "sessionId"),
				invalid("another provider's options", question().providerOptions(new LingmaLikeOptions()),
						"providerOptions"));
	}

	@ParameterizedTest
	@MethodSource("invalidRequests")
	void invalidRequestFailsNamingTheFieldWithoutSendingAnything(ChatRequest request, String field) {
		assertThatExceptionOfType(ChatRequestValidationException.class).isThrownBy(() -> this.client.chat(request))
			.satisfies((error) -> {
				assertThat(error.field()).isEqualTo(field);
				assertThat(error.getMessage()).startsWith("[linkai/test] Invalid request: " + field + " ");
				assertThat(printed(error)).doesNotContain(API_KEY);
			});
		assertNoRequestSent(wm);
	}

	@ParameterizedTest
	@MethodSource("invalidRequests")
	void invalidStreamRequestFailsWithoutSendingAnything(ChatRequest request, String field) {
		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(() -> this.client.stream(request).blockLast())
			.satisfies((error) -> assertThat(error.field()).isEqualTo(field));
		assertNoRequestSent(wm);
	}

	@Test
	void documentedBoundariesAreAccepted() {
		wm.stubFor(post(CHAT_PATH).willReturn(okJson(fixture("chat-response.json"))));

		this.client
			.chat(question().temperature(1.0).topP(0.0).providerOptions(new LinkAiOptions(null, -2.0, 2.0)).build());

		assertThat(onlyRequestBody(wm).get("temperature").doubleValue()).isEqualTo(1.0);
	}

	private static ChatRequest.Builder question() {
		return ChatRequest.builder().user("你好");
	}

	private static Arguments invalid(String description, ChatRequest.Builder request, String field) {
		return Arguments.of(named(description, request.build()), field);
	}

	/** Options of another provider, which a LinkAI client must not silently drop. */
	record LingmaLikeOptions() implements ProviderOptions {

		@Override
		public String provider() {
			return "lingma";
		}

	}

}
