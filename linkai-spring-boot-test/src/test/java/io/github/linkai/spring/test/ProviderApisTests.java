package io.github.linkai.spring.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stub's Lingma, Jijyun and OpenAI-compatible APIs at the HTTP level, against their
 * documents: where the credential goes, the documented field types, the reply shapes of
 * the documents' examples, stream framing and end markers, error bodies. (LinkAI's:
 * {@link LinkAiApiTests}.)
 */
class ProviderApisTests {

	private static final String KEY = "pt-0fh3TestToken_35af";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String LINGMA = "/oapi/v1/lingma/organizations/org-1/model/chat";

	private static final String LINGMA_BODY = "{\"input\": {\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, "
			+ "{\"role\": \"user\", \"content\": \"什么是灵码?\"}]}, \"parameters\": {\"max_tokens\": 512, \"top_p\": 0.6}}";

	private static final String JIJYUN = "/v1/openapi/chat";

	private static final String OPENAI = "/openai/v1/chat/completions";

	private static ProviderStub stub;

	@BeforeAll
	static void startStub() {
		stub = ProviderStub.builder().apiKey(KEY).start();
	}

	@AfterAll
	static void stopStub() {
		stub.close();
	}

	@BeforeEach
	void reset() {
		stub.reset();
	}

	@Test
	void lingmaRepliesInTheDocumentedShapeToTheTokenInItsHeader() {
		HttpResponse<String> response = post(LINGMA + "?stream=false&teamDocs=true", LINGMA_BODY, "x-yunxiao-token",
				KEY);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode reply = JSON.readTree(response.body());
		assertThat(shape(reply)).isEqualTo(shape(JSON.readTree(fixture("lingma-reply.json"))));
		assertThat(reply.at("/output/finish_reason").asString()).isEqualTo("stop");
		assertThat(reply.at("/output/text").asString()).contains("“什么是灵码?”");
		assertThat(stub.lastRequest().query()).containsEntry("teamDocs", "true");
	}

	@Test
	void lingmaStreamsNewTextInEachEventAndEndsWithTheFinishEventWithoutDone() {
		List<JsonNode> events = events(post(LINGMA + "?stream=true", LINGMA_BODY, "x-yunxiao-token", KEY));

		JsonNode last = events.get(events.size() - 1);
		assertThat(last.at("/output/finish_reason").asString()).isEqualTo("stop");
		assertThat(last.at("/output/text").asString()).isEmpty();
		assertThat(events.subList(0, events.size() - 1))
			.allSatisfy((event) -> assertThat(event.at("/output/finish_reason").asString()).isEmpty());
		assertThat(last.at("/usage/output_tokens").intValue()).isEqualTo(events.size() - 1);
	}

	@Test
	void lingmaRejectsAWrongTokenAndUndocumentedValuesInAlibabaCloudsErrorShape() {
		HttpResponse<String> wrongToken = post(LINGMA + "?stream=false", LINGMA_BODY, "x-yunxiao-token", "pt-other");
		HttpResponse<String> bearer = post(LINGMA + "?stream=false", LINGMA_BODY, "Authorization", "Bearer " + KEY);
		HttpResponse<String> systemLast = post(LINGMA,
				"{\"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, "
						+ "{\"role\": \"system\", \"content\": \"Be brief.\"}]}}",
				"x-yunxiao-token", KEY);
		HttpResponse<String> tooLong = post(LINGMA, LINGMA_BODY.replace("512", "5000"), "x-yunxiao-token", KEY);
		HttpResponse<String> badQuery = post(LINGMA + "?stream=yes", LINGMA_BODY, "x-yunxiao-token", KEY);

		assertThat(List.of(wrongToken, bearer))
			.allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(401));
		assertThat(List.of(systemLast, tooLong, badQuery))
			.allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(400));
		JsonNode error = JSON.readTree(tooLong.body());
		assertThat(error.get("errorCode").asString()).isEqualTo("InvalidParameter");
		assertThat(error.get("errorMessage").asString()).contains("max_tokens");
		assertThat(error.get("success").booleanValue()).isFalse();
		assertThat(stub.requests()).first().satisfies((request) -> {
			assertThat(request.authenticated()).isFalse();
			assertThat(request.header("x-yunxiao-token")).isEqualTo("******");
		});
	}

	@Test
	void jijyunRepliesInTheDocumentedShapeWithSourcesForASearch() {
		HttpResponse<String> response = post(JIJYUN + "?apiKey=" + KEY,
				"{\"content\": \"今天几号?\", \"search\": true, \"max_tokens\": \"512\", \"temperature\": \"0.5\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode reply = JSON.readTree(response.body());
		assertThat(shape(reply)).isEqualTo(shape(JSON.readTree(fixture("jijyun-reply.json"))));
		assertThat(reply.get("msgKey").asString()).startsWith("api_");
		assertThat(stub.lastRequest().query()).containsEntry("apiKey", "******");
	}

	@Test
	void jijyunTakesItsNumbersAsStringsAndItsKeyInTheQueryOnly() {
		HttpResponse<String> numericMaxTokens = post(JIJYUN + "?apiKey=" + KEY,
				"{\"content\": \"hi\", \"max_tokens\": 512}");
		HttpResponse<String> keyInHeader = post(JIJYUN, "{\"content\": \"hi\"}", "Authorization", "Bearer " + KEY);

		assertThat(numericMaxTokens.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(numericMaxTokens.body()).get("msg").asString())
			.contains("max_tokens must be a string");
		assertThat(keyInHeader.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(keyInHeader.body()).get("code").intValue()).isEqualTo(401);
	}

	@Test
	void jijyunStreamsDescsAndEndsWithTheEventCarryingUsage() {
		List<JsonNode> events = events(post(JIJYUN + "?apiKey=" + KEY, "{\"content\": \"hi\", \"stream\": true}"));

		assertThat(events.subList(0, events.size() - 1)).allSatisfy((event) -> {
			assertThat(event.get("desc").asString()).isNotEmpty();
			assertThat(event.has("usage")).isFalse();
		});
		assertThat(events.get(events.size() - 1).at("/usage/total_cost").isNumber()).isTrue();
	}

	@Test
	void openAiRepliesWithAnIdAndTheRequestedModel() {
		HttpResponse<String> response = post(OPENAI,
				"{\"model\": \"deepseek-chat\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
				"Authorization", "Bearer " + KEY);

		JsonNode reply = JSON.readTree(response.body());
		assertThat(reply.get("id").asString()).startsWith("chatcmpl-");
		assertThat(reply.get("object").asString()).isEqualTo("chat.completion");
		assertThat(reply.get("model").asString()).isEqualTo("deepseek-chat");
		assertThat(reply.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
		assertThat(reply.at("/usage/total_tokens").intValue()).isPositive();
	}

	@Test
	void openAiStreamsAUsageChunkOnlyWhenAskedThenDone() {
		String body = "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"stream\": true%s}";
		HttpResponse<String> withUsage = post(OPENAI, body.formatted(", \"stream_options\": {\"include_usage\": true}"),
				"Authorization", "Bearer " + KEY);
		HttpResponse<String> withoutUsage = post(OPENAI, body.formatted(""), "Authorization", "Bearer " + KEY);

		assertThat(withUsage.body()).endsWith("data: [DONE]\n\n");
		List<JsonNode> events = events(withUsage);
		JsonNode usage = events.get(events.size() - 1);
		assertThat(usage.get("choices")).isEmpty();
		assertThat(usage.at("/usage/total_tokens").intValue()).isPositive();
		assertThat(events.get(0).at("/choices/0/delta/role").asString()).isEqualTo("assistant");
		assertThat(events.get(events.size() - 2).at("/choices/0/finish_reason").asString()).isEqualTo("stop");
		assertThat(events(withoutUsage)).noneSatisfy((event) -> assertThat(event.has("usage")).isTrue());
	}

	@Test
	void openAiRejectsAMissingModelAndStreamOptionsWithoutAStream() {
		HttpResponse<String> noModel = post(OPENAI, "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
				"Authorization", "Bearer " + KEY);
		HttpResponse<String> options = post(OPENAI,
				"{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": "
						+ "\"hi\"}], \"stream_options\": {\"include_usage\": true}}",
				"Authorization", "Bearer " + KEY);

		assertThat(List.of(noModel, options)).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(JSON.readTree(response.body()).at("/error/type").asString()).isEqualTo("invalid_request_error");
		});
	}

	@Test
	void aScripted429CarriesRetryAfterInWholeSeconds() {
		stub.enqueue(StubAnswer.rateLimited(Duration.ofMillis(2500)));

		HttpResponse<String> response = post(OPENAI,
				"{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", "Authorization",
				"Bearer " + KEY);

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(JSON.readTree(response.body()).at("/error/code").asString()).isEqualTo("rate_limit_exceeded");
	}

	/**
	 * The {@code data:} payloads of an event stream, {@code [DONE]} left out, each
	 * checked to be one line.
	 */
	private static List<JsonNode> events(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		assertThat(response.body()).matches("(data: [^\\n]+\\n\\n)+");
		return response.body()
			.lines()
			.filter((line) -> line.startsWith("data: {"))
			.map((line) -> JSON.readTree(line.substring("data: ".length())))
			.toList();
	}

	/** The JSON types of a document's fields, in their order. */
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

	private static HttpResponse<String> post(String path, String body, String... headers) {
		return RawHttp.post(stub.baseUrl() + path, body, headers);
	}

	private static String fixture(String name) {
		return RawHttp.fixture(ProviderApisTests.class, name);
	}

}
