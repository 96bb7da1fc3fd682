package io.github.linkai.spring.provider.linkai;

import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.ChatSession;
import io.github.linkai.spring.client.ContentPart;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.Role;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.error.ApiAccessDeniedException;
import io.github.linkai.spring.client.error.AppNotFoundException;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.BadRequestException;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.error.ContentRejectedException;
import io.github.linkai.spring.client.error.PermissionDeniedException;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.QuotaExceededException;
import io.github.linkai.spring.client.error.ServiceUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.API_KEY;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.MEMORY_PATH;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.assertNoRequestSent;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.fixture;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.memoryClient;
import static io.github.linkai.spring.provider.linkai.LinkAiTestSupport.onlyRequestBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Named.named;

/**
 * LinkAI memory chat ({@code 000} reference, {@code 002} announcement): the
 * {@code question} body, the session id the server assigns or keeps, conversations over
 * several turns, the stream with its session id, the statuses (with 408) and the request
 * shapes memory chat refuses.
 */
class LinkAiMemoryChatClientTests {

	private static final String SESSION_ID = "123e4567-e89b-12d3-a456-426614174000";

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final MemoryChatClient client = memoryClient(wm);

	@Test
	void documentedRequestIsSentWithQuestionAsTheReferenceNamesIt() {
		wm.stubFor(post(MEMORY_PATH).willReturn(okJson(fixture("memory-response.json"))));

		this.client.chat(ChatRequest.builder()
			.providerOptions(LinkAiOptions.appCode("G7z6vKwp"))
			.user("你好")
			.sessionId(SESSION_ID)
			.build());

		wm.verify(
				postRequestedFor(urlPathEqualTo(MEMORY_PATH)).withHeader("Authorization", equalTo("Bearer " + API_KEY))
					.withHeader("Content-Type", equalTo("application/json"))
					.withRequestBody(equalToJson(fixture("memory-request.json"))));
	}

	@Test
	void everyOptionIsSentUnderItsDocumentedNameWithItsDocumentedJsonType() {
		wm.stubFor(post(MEMORY_PATH).willReturn(okJson(fixture("memory-response.json"))));

		this.client.chat(ChatRequest.builder()
			.user("你好")
			.sessionId(SESSION_ID)
			.model("claude-3-5-sonnet")
			.temperature(0.2)
			.topP(1.0)
			.providerOptions(new LinkAiOptions("G7z6vKwp", 1.0, 0.5))
			.build());

		JsonNode body = onlyRequestBody(wm);
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("question", "session_id", "app_code", "model",
				"temperature", "top_p", "frequency_penalty", "presence_penalty");
		assertThat(body.get("question").isString()).isTrue();
		assertThat(body.get("question").asString()).isEqualTo("你好");
		assertThat(body.get("session_id").asString()).isEqualTo(SESSION_ID);
		assertThat(body.get("app_code").asString()).isEqualTo("G7z6vKwp");
		assertThat(body.get("model").asString()).isEqualTo("claude-3-5-sonnet");
		assertThat(body.get("temperature").isFloatingPointNumber()).isTrue();
		assertThat(body.get("temperature").doubleValue()).isEqualTo(0.2);
		assertThat(body.get("top_p").isInt()).as("top_p is documented as an integer: %s", body.get("top_p")).isTrue();
		assertThat(body.get("top_p").intValue()).isEqualTo(1);
		assertThat(body.get("frequency_penalty").doubleValue()).isEqualTo(1.0);
		assertThat(body.get("presence_penalty").doubleValue()).isEqualTo(0.5);
	}

	@Test
	void documentedReplyIsRead() {
		wm.stubFor(post(MEMORY_PATH).willReturn(okJson(fixture("memory-response.json"))));

		ChatResponse response = this.client.chat(SESSION_ID, "你好");

		assertThat(response.content()).isEqualTo("你好啊!有什么我可以帮助你的吗?");
		assertThat(response.usage()).isEqualTo(new Usage(32, 24, 56));
		assertThat(response.sessionId()).isEqualTo(SESSION_ID);
		assertThat(response.provider()).isEqualTo("linkai");
	}

	@Test
	void sessionIdAssignedByTheServerComesBackWhenNoneWasSent() {
		wm.stubFor(post(MEMORY_PATH).willReturn(okJson(fixture("memory-response.json"))));

		ChatResponse response = this.client.chat(null, "你好");

		assertThat(onlyRequestBody(wm).propertyNames()).containsExactly("question");
		assertThat(response.sessionId()).isEqualTo(SESSION_ID);
	}

	@Test
	void sessionIdSentIsTheResponsesWhenTheServerReturnsNone() {
		wm.stubFor(post(MEMORY_PATH).willReturn(okJson(fixture("chat-response.json"))));

		ChatResponse response = this.client.chat("user-42", "你好");

		assertThat(response.sessionId()).isEqualTo("user-42");
	}

	@Test
	void newSessionRemembersTheAssignedIdAndSendsItOnTheNextTurn() {
		wm.stubFor(post(MEMORY_PATH).withRequestBody(matchingJsonPath("$.session_id", absent()))
			.willReturn(okJson(fixture("memory-response.json"))));
		wm.stubFor(post(MEMORY_PATH).withRequestBody(matchingJsonPath("$.session_id", equalTo(SESSION_ID)))
			.withRequestBody(matchingJsonPath("$.question", equalTo("我刚才说了什么?")))
			.willReturn(okJson(fixture("memory-response-second-turn.json"))));
		ChatSession session = this.client.newSession();
		assertThat(session.id()).isNull();

		assertThat(session.chat("你好")).isEqualTo("你好啊!有什么我可以帮助你的吗?");
		assertThat(session.id()).isEqualTo(SESSION_ID);
		assertThat(session.chat("我刚才说了什么?")).isEqualTo("你刚才说了“你好”。");
		assertThat(session.toString()).doesNotContain(SESSION_ID);
	}

	@Test
	void sessionOfAGivenIdSendsThatIdOnEveryTurn() {
		wm.stubFor(post(MEMORY_PATH).withRequestBody(matchingJsonPath("$.session_id", equalTo("user-42")))
			.withRequestBody(matchingJsonPath("$.question", equalTo("你好")))
			.willReturn(okJson(fixture("memory-response.json"))));
		wm.stubFor(post(MEMORY_PATH).withRequestBody(matchingJsonPath("$.session_id", equalTo("user-42")))
			.withRequestBody(matchingJsonPath("$.question", equalTo("我刚才说了什么?")))
			.willReturn(okJson(fixture("memory-response-second-turn.json"))));
		ChatSession session = this.client.session("user-42");

		assertThat(session.chat("你好")).isEqualTo("你好啊!有什么我可以帮助你的吗?");
		assertThat(session.chat("我刚才说了什么?")).isEqualTo("你刚才说了“你好”。");
		assertThat(session.id()).isEqualTo("user-42");
	}

	@Test
	void documentedStreamCarriesTheSessionIdOnEveryChunk() {
		wm.stubFor(post(MEMORY_PATH).willReturn(
				aResponse().withHeader("Content-Type", "text/event-stream").withBody(fixture("memory-stream.txt"))));

		List<ChatChunk> chunks = this.client.stream(ChatRequest.builder().user("你好").build()).collectList().block();

		assertThat(chunks).extracting(ChatChunk::delta).containsExactly("你好!", "我能", "为你", "做些什么?", "");
		assertThat(chunks).extracting(ChatChunk::sessionId).containsOnly(SESSION_ID);
		assertThat(chunks).extracting(ChatChunk::clientName).containsOnly(this.client.name());
		assertThat(chunks).extracting(ChatChunk::provider).containsOnly("linkai");
		assertThat(chunks.get(4).finishReason()).isEqualTo("stop");
		assertThat(chunks.get(4).usage()).isEqualTo(new Usage(9, 6, 15));
		JsonNode body = onlyRequestBody(wm);
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("question", "stream");
		assertThat(body.get("stream").isBoolean()).isTrue();
		assertThat(body.get("stream").booleanValue()).isTrue();
	}

	@Test
	void newSessionRemembersTheIdAssignedInAStream() {
		wm.stubFor(post(MEMORY_PATH).withRequestBody(matchingJsonPath("$.session_id", absent()))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(fixture("memory-stream.txt"))));
		ChatSession session = this.client.newSession();

		StepVerifier.create(session.stream("你好")).expectNextCount(5).verifyComplete();

		assertThat(session.id()).isEqualTo(SESSION_ID);
	}

	static Stream<Arguments> statuses() {
		return Stream.of(Arguments.of(400, BadRequestException.class), Arguments.of(401, AuthenticationException.class),
				Arguments.of(402, AppNotFoundException.class), Arguments.of(403, PermissionDeniedException.class),
				Arguments.of(406, QuotaExceededException.class), Arguments.of(408, ApiAccessDeniedException.class),
				Arguments.of(409, ContentRejectedException.class),
				Arguments.of(503, ServiceUnavailableException.class));
	}

	@ParameterizedTest
	@MethodSource("statuses")
	void documentedStatusMapsToItsTypedException(int status, Class<? extends ProviderApiException> type) {
		wm.stubFor(post(MEMORY_PATH).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(fixture("error.json"))));

		ProviderApiException error = catchThrowableOfType(type, () -> this.client.chat(SESSION_ID, "你好"));

		assertThat(error).isExactlyInstanceOf(type);
		assertThat(error.statusCode()).isEqualTo(status);
		assertThat(error.errorType()).isEqualTo("invalid_request_error");
		assertThat(error.errorMessage()).isEqualTo("Invalid request: user message content is empty");
	}

	@Test
	void status408IsAlsoAPermissionDenial() {
		wm.stubFor(post(MEMORY_PATH).willReturn(aResponse().withStatus(408)));

		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.client.chat(null, "你好"))
			.isInstanceOf(ApiAccessDeniedException.class)
			.withMessageContaining("HTTP 408");
	}

	static Stream<Arguments> invalidRequests() {
		return Stream.of(invalid("two questions", ChatRequest.builder().user("你好").user("你是谁"), "messages"),
				invalid("history", ChatRequest.builder().user("你好").assistant("你好!").user("你是谁"), "messages"),
				invalid("a system message", ChatRequest.builder().system("你是客服").user("你好"), "messages"),
				invalid("only a system message", ChatRequest.builder().system("你是客服"), "messages"),
				invalid("an assistant message", ChatRequest.builder().assistant("你好"), "messages"),
				invalid("an image", ChatRequest.builder().user("这张图是什么?", "https://cdn.link-ai.tech/a.jpg"),
						"messages[0].content"),
				invalid("only an image",
						ChatRequest.builder()
							.message(new ChatMessage(Role.USER,
									List.of(ContentPart.image("https://cdn.link-ai.tech/a.jpg")))),
						"messages[0].content"),
				invalid("a blank session id", ChatRequest.builder().user("你好").sessionId(" "), "sessionId"),
				invalid("a blank question", ChatRequest.builder().user(""), "messages[0].content"),
				invalid("maxTokens", ChatRequest.builder().user("你好").maxTokens(512), "maxTokens"),
				invalid("temperature above 1", ChatRequest.builder().user("你好").temperature(1.1), "temperature"));
	}

	@ParameterizedTest
	@MethodSource("invalidRequests")
	void requestMemoryChatCannotSendFailsWithoutSendingAnything(ChatRequest request, String field) {
		assertThatExceptionOfType(ChatRequestValidationException.class).isThrownBy(() -> this.client.chat(request))
			.satisfies((error) -> assertThat(error.field()).isEqualTo(field));
		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(() -> this.client.stream(request).blockLast());
		assertNoRequestSent(wm);
	}

	@Test
	void blankSessionIdOfTheShortcutFailsWithoutSendingAnything() {
		assertThatExceptionOfType(ChatRequestValidationException.class).isThrownBy(() -> this.client.chat("", "你好"))
			.satisfies((error) -> assertThat(error.field()).isEqualTo("sessionId"));
		assertNoRequestSent(wm);
	}

	@Test
	void sessionHandleRefusesABlankId() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.session(" "));
	}

	private static Arguments invalid(String description, ChatRequest.Builder request, String field) {
		return Arguments.of(named(description, request.build()), field);
	}

}
