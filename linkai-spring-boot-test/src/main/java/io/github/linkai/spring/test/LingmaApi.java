package io.github.linkai.spring.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Yunxiao Lingma's {@code ExecuteChat}, {@code POST
 * /oapi/v1/lingma/organizations/{organizationId}/model/chat}, as its document shows it:
 * <ul>
 * <li>The personal access token in {@code x-yunxiao-token} (else 401), {@code stream} and
 * {@code teamDocs} in the query as {@code true}/{@code false}.</li>
 * <li>Body {@code {"input": {"messages": [{"role", "content"}]}, "kbIds": [...],
 * "parameters": {...}}}: text messages, a system message only first; {@code max_tokens}
 * [1, 4096], {@code seed}, {@code temperature} [0, 1], {@code top_k}, {@code top_p} [0,
 * 1].</li>
 * <li>Reply {@code {"output": {"finish_reason": "stop", "text": ...}, "requestId": ...,
 * "usage": {"input_tokens", "output_tokens"}}}; a stream is {@code data:} events of that
 * shape, each {@code text} the new text with {@code "finish_reason": ""}, ending with the
 * finish event ({@code "stop"}, empty text). No {@code [DONE]}: the document has
 * none.</li>
 * <li>Errors in Alibaba Cloud's shape, {@code {"errorCode", "errorMessage", "requestId",
 * "success": false}} (the document points to the error-code centre for the codes).</li>
 * </ul>
 */
final class LingmaApi implements ProviderApi {

	static final String TOKEN_HEADER = "x-yunxiao-token";

	private static final List<String> ROLES = List.of("system", "user", "assistant");

	private static final Map<Integer, String[]> ERRORS = Map.of(400, new String[] { "InvalidParameter", "请求参数不合法" },
			401, new String[] { "InvalidToken", "个人访问令牌无效或已过期" }, 403,
			new String[] { "Forbidden.NoPermission", "当前用户没有该企业的访问权限" }, 404,
			new String[] { "NotFound.Organization", "企业不存在" }, 429, new String[] { "Throttling.User", "请求过于频繁,请稍后再试" },
			500, new String[] { "InternalError", "服务内部错误" }, 503,
			new String[] { "ServiceUnavailable", "服务暂不可用,请稍后再试" });

	@Override
	public String displayName() {
		return "Lingma";
	}

	@Override
	public List<StubEndpoint> endpoints() {
		return List.of(StubEndpoint.LINGMA_CHAT);
	}

	@Override
	public StubRequest read(StubEndpoint endpoint, HttpServerRequest request, String body, String apiKey) {
		JsonNode json = StubHttp.parse(body);
		Map<String, String> query = StubHttp.query(request, (entry) -> entry);
		return new StubRequest(endpoint, StubHttp.path(request), query,
				StubHttp.headers(request, List.of(TOKEN_HEADER)), json, body,
				Bodies.lastUserText(json, "/input/messages"), "true".equals(query.get("stream")),
				apiKey.equals(request.requestHeaders().get(TOKEN_HEADER)));
	}

	@Override
	public void check(StubRequest request) {
		if (!request.authenticated()) {
			throw new Rejection(401, "个人访问令牌无效或已过期: send it as x-yunxiao-token");
		}
		String organization = request.path().split("/")[5];
		if (organization.isBlank()) {
			throw new Rejection(400, "organizationId is empty");
		}
		booleanQuery(request, "stream");
		booleanQuery(request, "teamDocs");
		ObjectNode body = StubHttp.object(request);
		JsonNode input = body.get("input");
		JsonNode messages = (input != null) ? input.get("messages") : null;
		if (messages == null || !messages.isArray() || messages.isEmpty()) {
			throw new Rejection(400, "input.messages is empty");
		}
		int index = 0;
		for (JsonNode message : messages) {
			String role = Bodies.stringIn(message, "role");
			String content = Bodies.stringIn(message, "content");
			if (role == null || !ROLES.contains(role)) {
				throw new Rejection(400, "role must be one of system, user, assistant");
			}
			if (role.equals("system") && index > 0) {
				throw new Rejection(400, "the system message must come first");
			}
			if (content == null || content.isBlank()) {
				throw new Rejection(400, "content must be a non-empty string");
			}
			index++;
		}
		Bodies.strings(body, "kbIds");
		JsonNode parameters = body.get("parameters");
		if (parameters != null && !parameters.isNull()) {
			if (!(parameters instanceof ObjectNode values)) {
				throw new Rejection(400, "parameters must be an object");
			}
			Bodies.integer(values, "max_tokens", 1, 4096);
			Bodies.integer(values, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
			Bodies.number(values, "temperature", 0, 1);
			Bodies.integer(values, "top_k", 0, Long.MAX_VALUE);
			Bodies.number(values, "top_p", 0, 1);
		}
	}

	private static void booleanQuery(StubRequest request, String name) {
		String value = request.query().get(name);
		if (value != null && !value.equals("true") && !value.equals("false")) {
			throw new Rejection(400, name + " must be true or false");
		}
	}

	@Override
	public Turn echo(StubRequest request) {
		List<String> texts = texts(request);
		String question = (request.content() != null) ? request.content() : texts.get(texts.size() - 1);
		return Answers.chat(displayName(), question, 0, promptTokens(texts));
	}

	@Override
	public Turn turn(StubRequest request, List<String> chunks) {
		return new Turn(chunks, promptTokens(texts(request)));
	}

	private static List<String> texts(StubRequest request) {
		List<String> texts = new ArrayList<>();
		request.body().at("/input/messages").forEach((message) -> texts.add(message.get("content").asString()));
		return texts;
	}

	private static int promptTokens(List<String> texts) {
		return texts.stream().mapToInt(Answers::countTokens).sum();
	}

	@Override
	public ObjectNode reply(StubRequest request, Turn turn) {
		return event(turn.text(), "stop", requestId(), turn.promptTokens(), turn.completionTokens());
	}

	@Override
	public List<String> events(StubRequest request, Turn turn) {
		String requestId = requestId();
		List<String> events = new ArrayList<>(turn.chunks().size() + 1);
		int output = 0;
		for (String chunk : turn.chunks()) {
			output++;
			events.add(StubHttp.write(event(chunk, "", requestId, turn.promptTokens(), output)));
		}
		events.add(StubHttp.write(event("", "stop", requestId, turn.promptTokens(), output)));
		return events;
	}

	private static ObjectNode event(String text, String finishReason, String requestId, int input, int output) {
		ObjectNode event = StubHttp.object();
		event.putObject("output").put("finish_reason", finishReason).put("text", text);
		event.put("requestId", requestId);
		event.putObject("usage").put("input_tokens", input).put("output_tokens", output);
		return event;
	}

	private static String requestId() {
		return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
	}

	@Override
	public ObjectNode error(int status, @Nullable String message) {
		String[] error = ERRORS.getOrDefault(status, new String[] { "HTTP" + status, "HTTP " + status });
		return StubHttp.object()
			.put("errorCode", error[0])
			.put("errorMessage", (message != null) ? message : error[1])
			.put("requestId", requestId())
			.put("success", false);
	}

}
