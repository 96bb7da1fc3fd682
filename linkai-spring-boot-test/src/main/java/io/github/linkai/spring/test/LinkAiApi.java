package io.github.linkai.spring.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * LinkAI's chat ({@code POST /v1/chat/completions}) and memory chat
 * ({@code POST /v1/chat/memory/completions}) as their documents show them:
 * <ul>
 * <li>{@code Authorization: Bearer <key>}, or {@code <key>-<app_code>} as OpenAI SDKs
 * send it; anything else is a 401.</li>
 * <li>Replies {@code {"choices": [{"index": 0, "message": {"role": "assistant",
 * "content": ...}}], "usage": {...}}}, memory chat's with {@code session_id} first.</li>
 * <li>With {@code "stream": true}, {@code data:} events {@code {"choices": [{"index": 0,
 * "delta": {"content": ...}, "finish_reason": null}], "session_id": ...}}, a last one
 * with {@code "delta": {}}, {@code "finish_reason": "stop"} and {@code usage} inside the
 * choice, then {@code data: [DONE]}. Plain chat's events carry
 * {@code "session_id": null}, memory chat's the session.</li>
 * <li>Memory chat takes {@code question} and {@code session_id}, assigns a UUID when none
 * is given, and remembers the rounds per app and session: its answers say which turn they
 * are and what was said the turn before.</li>
 * <li>Chat takes OpenAI's tools, {@code tool_choice}, {@code parallel_tool_calls},
 * {@code response_format}, tool-call turns and tool messages (the document calls it fully
 * OpenAI-compatible; LinkAI's own bot sends them), checked as OpenAI does; it answers
 * tool calls and {@code reasoning_content} in OpenAI's shape and media as the choice's
 * {@code img_urls}.</li>
 * <li>Errors {@code {"error": {"message": ..., "type": "invalid_request_error"}}} with
 * the documented statuses: 400 for an invalid body (empty messages or question, a wrong
 * type, an option out of its documented range), 401 for a bad key, and 402, 403, 406, 408
 * (memory chat), 409 and 503 when scripted.</li>
 * </ul>
 */
final class LinkAiApi implements ProviderApi {

	private static final String BEARER = "Bearer ";

	private static final List<String> ROLES = List.of("system", "user", "assistant", "tool");

	private static final int MAX_SESSIONS = 10_000;

	// the documents' own wording for each status
	private static final Map<Integer, String> MESSAGES = Map.of(400, "请求格式错误", 401, "接口鉴权失败,请检查 API Key 是否填写正确", 402,
			"应用不存在,请检查 app_code 参数是否正确", 403, "无访问权限,对于未公开应用,只有创建者账号才能调用", 406, "账号积分额度不足", 408, "无API访问权限", 409,
			"内容审核不通过,问题、回答、检索的知识库中可能存在敏感词", 429, "请求过于频繁,请稍后再试", 503, "接口调用异常,联系客服处理");

	private final Conversations conversations = new Conversations(MAX_SESSIONS);

	private final boolean requireReasoningReplay;

	LinkAiApi(boolean requireReasoningReplay) {
		this.requireReasoningReplay = requireReasoningReplay;
	}

	@Override
	public String displayName() {
		return "LinkAI";
	}

	@Override
	public List<StubEndpoint> endpoints() {
		return List.of(StubEndpoint.LINKAI_CHAT, StubEndpoint.LINKAI_MEMORY_CHAT);
	}

	@Override
	public StubRequest read(StubEndpoint endpoint, HttpServerRequest request, String body, String apiKey) {
		JsonNode json = StubHttp.parse(body);
		String content = (endpoint == StubEndpoint.LINKAI_MEMORY_CHAT) ? Bodies.stringIn(json, "question")
				: Bodies.lastUserText(json, "/messages");
		String authorization = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
		Map<String, String> headers = new LinkedHashMap<>(StubHttp.headers(request, List.of("authorization")));
		String appCode = appCodeOfToken(authorization, apiKey);
		if (appCode != null) {
			// the app code an OpenAI SDK appends is no secret: kept, so that a test sees
			// it and memory is per app
			headers.put("authorization", BEARER + StubHttp.MASK + "-" + appCode);
		}
		return new StubRequest(endpoint, StubHttp.path(request), StubHttp.query(request, (entry) -> entry), headers,
				json, body, content, Bodies.isTrue(json, "/stream"), authenticated(authorization, apiKey));
	}

	/** The app code of a {@code key-appcode} token, else {@code null}. */
	private static @Nullable String appCodeOfToken(@Nullable String authorization, String apiKey) {
		String prefix = BEARER + apiKey + "-";
		return (authorization != null && authorization.startsWith(prefix) && authorization.length() > prefix.length())
				? authorization.substring(prefix.length()).strip() : null;
	}

	/** The bare key, or {@code key-appcode} as OpenAI SDKs bind an app. */
	private static boolean authenticated(@Nullable String authorization, String apiKey) {
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return false;
		}
		String token = authorization.substring(BEARER.length()).strip();
		String prefix = apiKey + "-";
		return token.equals(apiKey) || (token.startsWith(prefix) && token.length() > prefix.length());
	}

	@Override
	public void check(StubRequest request) {
		if (!request.authenticated()) {
			throw new Rejection(401, "Authentication failed: send the API key as Authorization: Bearer YOUR_API_KEY");
		}
		ObjectNode body = StubHttp.object(request);
		Bodies.string(body, "app_code");
		Bodies.string(body, "model");
		Bodies.number(body, "temperature", 0, 1);
		Bodies.number(body, "top_p", 0, 1);
		Bodies.number(body, "frequency_penalty", -2, 2);
		Bodies.number(body, "presence_penalty", -2, 2);
		Bodies.flag(body, "stream");
		if (request.endpoint() == StubEndpoint.LINKAI_MEMORY_CHAT) {
			String question = Bodies.string(body, "question");
			if (question == null || question.isBlank()) {
				throw new Rejection(400, "Invalid request: question is empty");
			}
			Bodies.string(body, "session_id");
		}
		else {
			Bodies.messages(body, ROLES);
			ToolBodies.check(body, this.requireReasoningReplay);
		}
	}

	@Override
	public Turn echo(StubRequest request) {
		ObjectNode body = StubHttp.object(request);
		if (request.endpoint() == StubEndpoint.LINKAI_MEMORY_CHAT) {
			String sessionId = sessionId(body);
			return this.conversations
				.ask(app(request, body), sessionId, Objects.requireNonNullElse(request.content(), ""))
				.inSession(sessionId);
		}
		List<Bodies.Message> messages = Bodies.messages(body, ROLES);
		Bodies.Message question = Bodies.question(messages);
		List<String> results = Bodies.trailingToolResults(messages);
		if (!results.isEmpty()) {
			return Answers.toolResults(question.text(), results, Bodies.promptTokens(messages));
		}
		return Answers.chat(displayName(), question.text(), question.images(), Bodies.promptTokens(messages));
	}

	@Override
	public Turn turn(StubRequest request, List<String> chunks) {
		ObjectNode body = StubHttp.object(request);
		if (request.endpoint() == StubEndpoint.LINKAI_MEMORY_CHAT) {
			return new Turn(chunks, Answers.countTokens(Objects.requireNonNullElse(request.content(), "")))
				.inSession(sessionId(body));
		}
		return new Turn(chunks, Bodies.promptTokens(Bodies.messages(body, ROLES)));
	}

	private static String sessionId(ObjectNode body) {
		String requested = Bodies.string(body, "session_id");
		return (requested != null && !requested.isBlank()) ? requested : UUID.randomUUID().toString();
	}

	/**
	 * Memory is isolated per app: the body's app code, else the one the key carries
	 * ({@code ""} for none).
	 */
	private static String app(StubRequest request, ObjectNode body) {
		String appCode = Bodies.string(body, "app_code");
		if (appCode != null && !appCode.isEmpty()) {
			return appCode;
		}
		String authorization = request.header("authorization");
		String masked = BEARER + StubHttp.MASK + "-";
		return (authorization != null && authorization.startsWith(masked)) ? authorization.substring(masked.length())
				: "";
	}

	@Override
	public ObjectNode reply(StubRequest request, Turn turn) {
		ObjectNode reply = StubHttp.object();
		if (turn.sessionId() != null) {
			reply.put("session_id", turn.sessionId());
		}
		ObjectNode choice = reply.putArray("choices").addObject();
		choice.put("index", 0);
		if (request.endpoint() == StubEndpoint.LINKAI_MEMORY_CHAT) {
			choice.putObject("message").put("role", "assistant").put("content", turn.text());
			reply.set("usage", usage(turn));
			return reply;
		}
		choice.set("message", OpenAiShapes.message(turn));
		OpenAiShapes.media(choice, turn);
		if (!turn.extras().toolCalls().isEmpty()) {
			choice.put("finish_reason", "tool_calls");
		}
		reply.set("usage", OpenAiShapes.usage(turn));
		return reply;
	}

	@Override
	public List<String> events(StubRequest request, Turn turn) {
		boolean chat = request.endpoint() == StubEndpoint.LINKAI_CHAT;
		List<ObjectNode> deltas = chat
				? OpenAiShapes.deltas(turn.withExtras(new Turn.Extras(turn.extras().reasoning(),
						turn.extras().toolCalls(), List.of(), StubWireStyle.OPENAI)))
				: turn.chunks().stream().map((chunk) -> StubHttp.object().put("content", chunk)).toList();
		List<String> events = new ArrayList<>(deltas.size() + 2);
		for (ObjectNode delta : deltas) {
			ObjectNode event = event(turn.sessionId());
			ObjectNode choice = (ObjectNode) event.get("choices").get(0);
			choice.set("delta", delta);
			choice.putNull("finish_reason");
			events.add(StubHttp.write(event));
		}
		ObjectNode last = event(turn.sessionId());
		ObjectNode choice = (ObjectNode) last.get("choices").get(0);
		choice.putObject("delta");
		if (chat) {
			OpenAiShapes.media(choice, turn);
		}
		choice.put("finish_reason", chat ? OpenAiShapes.finishReason(turn) : "stop");
		choice.set("usage", chat ? OpenAiShapes.usage(turn) : usage(turn));
		events.add(StubHttp.write(last));
		events.add("[DONE]");
		return events;
	}

	/**
	 * {@code {"choices": [{"index": 0}], "session_id": ...}}, for the caller to complete
	 * the choice.
	 */
	private static ObjectNode event(@Nullable String sessionId) {
		ObjectNode event = StubHttp.object();
		event.putArray("choices").addObject().put("index", 0);
		if (sessionId != null) {
			event.put("session_id", sessionId);
		}
		else {
			event.putNull("session_id");
		}
		return event;
	}

	private static ObjectNode usage(Turn turn) {
		return StubHttp.object()
			.put("prompt_tokens", turn.promptTokens())
			.put("completion_tokens", turn.completionTokens())
			.put("total_tokens", turn.totalTokens());
	}

	@Override
	public ObjectNode error(int status, @Nullable String message) {
		ObjectNode body = StubHttp.object();
		body.putObject("error")
			.put("message", (message != null) ? message : MESSAGES.getOrDefault(status, "HTTP " + status))
			.put("type", "invalid_request_error");
		return body;
	}

	@Override
	public void reset() {
		this.conversations.clear();
	}

}
