package io.github.linkai.spring.test;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.ChatSession;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.provider.linkai.LinkAi;
import io.github.linkai.spring.provider.linkai.LinkAiOptions;
import io.github.linkai.spring.provider.linkai.LinkAiSettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The stub's LinkAI API at the HTTP level, against LinkAI's documents: bodies, statuses
 * and stream framing compared with the replies, transcripts and error body the documents
 * show (fixtures copied from them), and the library's own clients talking to it.
 */
class LinkAiApiTests {

	private static final String KEY = "Link_TestKey42";

	private static final String CHAT = StubEndpoint.LINKAI_CHAT.path();

	private static final String MEMORY = StubEndpoint.LINKAI_MEMORY_CHAT.path();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// A JSON string or number value (after a colon), replaced to compare lines by their
	// layout alone.
	private static final Pattern STRING_VALUE = Pattern.compile(": \"(?:[^\"\\\\]|\\\\.)*\"");

	private static final Pattern NUMBER_VALUE = Pattern.compile(": \\d+");

	private static final Pattern UUID_FORMAT = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static ProviderStub stub;

	private static final ChatClientFactory factory = new HttpChatClientFactory(new ReactorClientHttpConnector(),
			ClientSettings.of("stubbed"));

	@BeforeAll
	static void startEmulator() {
		stub = ProviderStub.builder().apiKey(KEY).start();
	}

	@AfterAll
	static void stopEmulator() {
		stub.close();
	}

	@Test
	void listensOnLoopbackAtAFreePort() {
		assertThat(stub.baseUrl()).isEqualTo("http://127.0.0.1:" + stub.port());
		assertThat(stub.port()).isPositive();
		assertThat(stub).hasToString("ProviderStub[" + stub.baseUrl() + "]");
	}

	@Test
	void chatRepliesWithTheDocumentedFieldsInTheirOrder() {
		HttpResponse<String> response = post(CHAT, "Bearer " + KEY,
				"{\"app_code\": \"\", \"messages\": [{\"role\": \"user\", \"content\": \"你好\"}]}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode reply = JSON.readTree(response.body());
		assertThat(shape(reply)).isEqualTo(shape(JSON.readTree(fixture("linkai-chat-reply.json"))));
		assertThat(reply.at("/choices/0/message/content").asString()).contains("“你好”");
		assertUsageAddsUp(reply.get("usage"));
	}

	@Test
	void chatRepliesInThePythonStyleLayoutOfTheDocuments() {
		HttpResponse<String> response = post(CHAT, "Bearer " + KEY,
				"{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

		assertThat(layout(response.body())).isEqualTo("{\"choices\": [{\"index\": 0, \"message\": {\"role\": \"…\", "
				+ "\"content\": \"…\"}}], \"usage\": {\"prompt_tokens\": 0, \"completion_tokens\": 0, \"total_tokens\": 0}}");
	}

	@Test
	void chatStreamIsFramedAsTheDocumentedTranscript() {
		HttpResponse<String> response = post(CHAT, "Bearer " + KEY,
				"{\"messages\": [{\"role\": \"user\", \"content\": \"你好\"}], \"stream\": true}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		assertFramedLike(events(response.body()), fixture("linkai-chat-stream.txt"));
	}

	@Test
	void chatStreamCarriesTheSameAnswerAndUsageAsTheReply() {
		String request = "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, "
				+ "{\"role\": \"user\", \"content\": \"What is Spring Boot?\"}], \"stream\": %s}";
		JsonNode reply = JSON.readTree(post(CHAT, "Bearer " + KEY, request.formatted("false")).body());
		List<String> events = events(post(CHAT, "Bearer " + KEY, request.formatted("true")).body());

		List<JsonNode> chunks = events.subList(0, events.size() - 1)
			.stream()
			.map((event) -> JSON.readTree(event.substring("data: ".length())))
			.toList();
		StringBuilder streamed = new StringBuilder();
		chunks.forEach((chunk) -> streamed.append(chunk.at("/choices/0/delta/content").asString("")));
		assertThat(streamed).hasToString(reply.at("/choices/0/message/content").asString());
		JsonNode usage = chunks.get(chunks.size() - 1).at("/choices/0/usage");
		assertThat(usage).isEqualTo(reply.get("usage"));
		assertThat(usage.get("completion_tokens").intValue()).isEqualTo(chunks.size() - 1);
		assertThat(streamed.toString()).contains("\"What is Spring Boot?\"").doesNotContain("Be brief.");
	}

	@Test
	void chatAcceptsTheKeyWithAnAppCodeAppendedAsOpenAiSdksSendIt() {
		HttpResponse<String> response = post(CHAT, "Bearer " + KEY + "-G7z6vKwp",
				"{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void chatCountsImagesOfMultimodalContent() {
		HttpResponse<String> response = post(CHAT, "Bearer " + KEY, fixture("linkai-vision-request.json"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).at("/choices/0/message/content").asString()).contains("“这张图是什么?”",
				"1 张图片");
	}

	@Test
	void memoryChatAssignsASessionIdAndRepliesWithTheDocumentedFields() {
		HttpResponse<String> response = post(MEMORY, "Bearer " + KEY, "{\"app_code\": \"\", \"question\": \"你好\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode reply = JSON.readTree(response.body());
		assertThat(shape(reply)).isEqualTo(shape(JSON.readTree(fixture("linkai-memory-reply.json"))));
		assertThat(reply.get("session_id").asString()).matches(UUID_FORMAT);
		assertThat(reply.at("/choices/0/message/content").asString()).contains("第 1 轮", "“你好”");
		assertUsageAddsUp(reply.get("usage"));
	}

	@Test
	void memoryChatStreamCarriesTheSessionIdOnEveryEvent() {
		String sessionId = UUID.randomUUID().toString();
		HttpResponse<String> response = post(MEMORY, "Bearer " + KEY,
				"{\"question\": \"你好\", \"session_id\": \"" + sessionId + "\", \"stream\": true}");

		assertThat(response.statusCode()).isEqualTo(200);
		List<String> events = events(response.body());
		assertFramedLike(events, fixture("linkai-memory-stream.txt"));
		assertThat(events.subList(0, events.size() - 1))
			.allSatisfy((event) -> assertThat(event).endsWith("\"session_id\": \"" + sessionId + "\"}"));
	}

	@Test
	void memoryChatRemembersTheTurnsOfASession() {
		String sessionId = UUID.randomUUID().toString();
		JsonNode first = memory("{\"question\": \"My name is Ada.\", \"session_id\": \"" + sessionId + "\"}");
		JsonNode second = memory("{\"question\": \"What is my name?\", \"session_id\": \"" + sessionId + "\"}");

		assertThat(second.get("session_id").asString()).isEqualTo(sessionId);
		assertThat(second.at("/choices/0/message/content").asString()).contains("turn 2", "\"My name is Ada.\"",
				"\"What is my name?\"");
		assertThat(second.at("/usage/prompt_tokens").intValue())
			.isEqualTo(first.at("/usage/total_tokens").intValue() + Answers.countTokens("What is my name?"));
	}

	@Test
	void memoryChatKeepsTheSessionsOfEachAppApart() {
		String sessionId = UUID.randomUUID().toString();
		memory("{\"app_code\": \"app-a\", \"question\": \"hi\", \"session_id\": \"" + sessionId + "\"}");
		JsonNode otherApp = memory(
				"{\"app_code\": \"app-b\", \"question\": \"hi\", \"session_id\": \"" + sessionId + "\"}");
		JsonNode sameApp = memory(
				"{\"app_code\": \"app-a\", \"question\": \"hi\", \"session_id\": \"" + sessionId + "\"}");

		assertThat(otherApp.at("/choices/0/message/content").asString()).contains("turn 1");
		assertThat(sameApp.at("/choices/0/message/content").asString()).contains("turn 2");
	}

	@Test
	void memoryChatKeepsTheAppCodeAKeyCarriesApartAndRecordsItWithTheKeyMasked() {
		String sessionId = UUID.randomUUID().toString();
		String body = "{\"question\": \"hi\", \"session_id\": \"" + sessionId + "\"}";
		post(MEMORY, "Bearer " + KEY, body);
		HttpResponse<String> withApp = post(MEMORY, "Bearer " + KEY + "-G7z6vKwp", body);

		assertThat(JSON.readTree(withApp.body()).at("/choices/0/message/content").asString()).contains("turn 1");
		assertThat(stub.lastRequest().header("Authorization")).isEqualTo("Bearer ******-G7z6vKwp");
		assertThat(stub.lastRequest().authenticated()).isTrue();
	}

	@Test
	void rejectsAMissingOrWrongKeyWith401() {
		String body = "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}";
		for (String authorization : Arrays.asList(null, KEY, "Bearer Link_SomeoneElse", "Bearer " + KEY + "-")) {
			HttpResponse<String> response = post(CHAT, authorization, body);

			assertThat(response.statusCode()).as(authorization).isEqualTo(401);
			assertDocumentedError(response.body());
		}
	}

	@Test
	void rejectsEmptyMessagesAndQuestionsWith400() {
		assertRejected(CHAT, "{\"messages\": []}", "Invalid request: messages is empty");
		assertRejected(CHAT, "{}", "Invalid request: messages is empty");
		assertRejected(CHAT, "{\"messages\": [{\"role\": \"user\", \"content\": \"\"}]}",
				"Invalid request: user message content is empty");
		assertRejected(CHAT, "{\"messages\": [{\"role\": \"user\", \"content\": []}]}",
				"Invalid request: user message content is empty");
		assertRejected(MEMORY, "{\"question\": \" \"}", "Invalid request: question is empty");
		assertRejected(MEMORY, "{\"query\": \"你好\"}", "Invalid request: question is empty");
	}

	@Test
	void rejectsMalformedBodiesAndOptionsOutOfTheirDocumentedRangesWith400() {
		assertRejected(CHAT, "{\"messages\": [", "Invalid request: the body is not valid JSON");
		assertRejected(CHAT, "[]", "Invalid request: the body must be a JSON object");
		assertRejected(CHAT, "{\"messages\": [{\"role\": \"robot\", \"content\": \"hi\"}]}",
				"Invalid request: role must be one of system, user, assistant, tool");
		assertRejected(CHAT, "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"temperature\": 1.5}",
				"Invalid request: temperature must be a number in [0, 1]");
		assertRejected(MEMORY, "{\"question\": \"hi\", \"presence_penalty\": -3}",
				"Invalid request: presence_penalty must be a number in [-2, 2]");
		assertRejected(MEMORY, "{\"question\": \"hi\", \"stream\": \"yes\"}",
				"Invalid request: stream must be a boolean");
	}

	@Test
	void libraryClientStreamsAndReceivesTheSameAnswer() {
		ChatClient client = LinkAi.chatClient(new LinkAiSettings(KEY, stub.baseUrl(), LinkAiOptions.none()), factory);

		ChatResponse response = client.chat(ChatRequest.of("用一句话介绍 Spring Boot"));
		List<ChatChunk> chunks = client.stream("用一句话介绍 Spring Boot").collectList().block();

		assertThat(response.content()).contains("“用一句话介绍 Spring Boot”");
		assertThat(chunks).hasSizeGreaterThan(2);
		assertThat(chunks.stream().map(ChatChunk::delta).reduce("", String::concat)).isEqualTo(response.content());
		ChatChunk last = chunks.get(chunks.size() - 1);
		assertThat(last.finishReason()).isEqualTo("stop");
		assertThat(last.usage()).isEqualTo(response.usage());
		assertThat(last.usage().outputTokens()).isEqualTo(chunks.size() - 1);
	}

	@Test
	void libraryMemoryClientContinuesTheSessionTheServerAssigned() {
		MemoryChatClient client = LinkAi
			.memoryChatClient(new LinkAiSettings(KEY, stub.baseUrl() + "/v1", LinkAiOptions.none()), factory);
		ChatSession session = client.newSession();

		String first = session.chat("我叫小明。");
		String assigned = session.id();
		List<ChatChunk> second = session.stream("我叫什么名字?").collectList().block();

		assertThat(first).contains("第 1 轮");
		assertThat(assigned).matches(UUID_FORMAT);
		assertThat(second).extracting(ChatChunk::sessionId).containsOnly(assigned);
		assertThat(second.stream().map(ChatChunk::delta).reduce("", String::concat)).contains("第 2 轮", "上一轮你说:“我叫小明。”");
		assertThat(client.newSession().chat("你好")).contains("第 1 轮");
	}

	@Test
	void libraryClientWithAWrongKeyFailsWithTheDocumentedError() {
		ChatClient client = LinkAi.chatClient(new LinkAiSettings("Link_WrongKey", stub.baseUrl(), LinkAiOptions.none()),
				factory);

		assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> client.chat("hi")).satisfies((ex) -> {
			assertThat(ex.statusCode()).isEqualTo(401);
			assertThat(ex.errorType()).isEqualTo("invalid_request_error");
			assertThat(ex.errorMessage()).startsWith("Authentication failed");
		});
	}

	private void assertRejected(String path, String body, String message) {
		HttpResponse<String> response = post(path, "Bearer " + KEY, body);

		assertThat(response.statusCode()).as(body).isEqualTo(400);
		assertDocumentedError(response.body());
		assertThat(JSON.readTree(response.body()).at("/error/message").asString()).isEqualTo(message);
	}

	private static void assertDocumentedError(String body) {
		assertThat(shape(JSON.readTree(body))).isEqualTo(shape(JSON.readTree(fixture("linkai-error.json"))));
		assertThat(JSON.readTree(body).at("/error/type").asString()).isEqualTo("invalid_request_error");
	}

	/**
	 * Every content event is laid out as the transcript's content events, the last but
	 * one as its final event, then {@code [DONE]}: same fields, order, spacing and JSON
	 * types, values aside.
	 */
	private static void assertFramedLike(List<String> events, String transcript) {
		List<String> documented = transcript.lines().toList();
		String contentEvent = layout(documented.get(0));
		String finalEvent = layout(documented.get(documented.size() - 2));
		assertThat(events).hasSizeGreaterThan(2);
		assertThat(events.subList(0, events.size() - 2))
			.allSatisfy((event) -> assertThat(layout(event)).isEqualTo(contentEvent));
		assertThat(layout(events.get(events.size() - 2))).isEqualTo(finalEvent);
		assertThat(events.get(events.size() - 1)).isEqualTo(documented.get(documented.size() - 1));
	}

	/**
	 * The {@code data:} lines of an event stream, checking that each event is one line
	 * and a blank line.
	 */
	private static List<String> events(String body) {
		assertThat(body).matches("(data: [^\\n]+\\n\\n)+");
		return body.lines().filter((line) -> !line.isEmpty()).toList();
	}

	private static String layout(String json) {
		return NUMBER_VALUE.matcher(STRING_VALUE.matcher(json).replaceAll(": \"…\"")).replaceAll(": 0");
	}

	/**
	 * The JSON types of a document's fields, in their order: {@code {choices: [{index:
	 * int, ...}], ...}}.
	 */
	private static String shape(JsonNode node) {
		if (node.isObject()) {
			StringBuilder shape = new StringBuilder("{");
			node.properties()
				.forEach((field) -> shape.append(field.getKey())
					.append(": ")
					.append(shape(field.getValue()))
					.append(", "));
			return shape.append("}").toString();
		}
		if (node.isArray()) {
			StringBuilder shape = new StringBuilder("[");
			node.values().forEach((element) -> shape.append(shape(element)).append(", "));
			return shape.append("]").toString();
		}
		return node.getNodeType().name();
	}

	private static void assertUsageAddsUp(JsonNode usage) {
		assertThat(usage.get("prompt_tokens").isInt()).isTrue();
		assertThat(usage.get("completion_tokens").intValue()).isPositive();
		assertThat(usage.get("total_tokens").intValue())
			.isEqualTo(usage.get("prompt_tokens").intValue() + usage.get("completion_tokens").intValue());
	}

	private JsonNode memory(String body) {
		HttpResponse<String> response = post(MEMORY, "Bearer " + KEY, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static HttpResponse<String> post(String path, @Nullable String authorization, String body) {
		return (authorization != null) ? RawHttp.post(stub.baseUrl() + path, body, "Authorization", authorization)
				: RawHttp.post(stub.baseUrl() + path, body);
	}

	private static String fixture(String name) {
		return RawHttp.fixture(LinkAiApiTests.class, name);
	}

}
