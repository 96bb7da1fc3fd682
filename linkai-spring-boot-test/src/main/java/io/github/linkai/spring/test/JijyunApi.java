package io.github.linkai.spring.test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jijyun's chat, {@code POST /v1/openapi/chat?apiKey=...}, as its document shows it:
 * <ul>
 * <li>The key in the {@code apiKey} query parameter (else 401).</li>
 * <li>Body fields with the documented JSON types: {@code content} (required),
 * {@code system}, {@code visitorId}, {@code chatMode}, {@code ibotID}, {@code knowledge}
 * and, note, {@code max_tokens} and {@code temperature} as strings; {@code search} and
 * {@code stream} booleans; {@code tools} and {@code intention} lists; {@code fielditem}
 * an object.</li>
 * <li>Reply {@code {"desc": answer, "msgKey": "api_<uuid>", "source": [{"link",
 * "snippet", "title"}], "usage": {"total_cost"}, "visitorId"}}, with search sources when
 * {@code "search": true}.</li>
 * <li>The document shows no stream: as the starter reads it, {@code data:} events of the
 * reply's shape, each {@code desc} the new text, the last one carrying {@code source} and
 * {@code usage}; no {@code [DONE]}.</li>
 * <li>Errors 401 (no permission) and 402 (API calls used up), as {@code {"code": status,
 * "msg": ...}} (the document shows no error body).</li>
 * </ul>
 */
final class JijyunApi implements ProviderApi {

	private static final String API_KEY = "apiKey";

	private static final Map<Integer, String> MESSAGES = Map.of(400, "请求参数错误", 401, "没有权限", 402, "API请求次数不足", 429,
			"请求过于频繁", 500, "服务异常", 503, "服务暂不可用");

	// a search source for the stub's own answers, as the document's example shows one
	private static final StubSource SOURCE = new StubSource("https://wannianli.tianqi.com/today",
			"今天是<b>2023年8月13日 星期日</b> 第34周.", "【<b>今天</b>是农历几月几日】<b>今天</b>是什么日子_<b>今天</b>农历多少 ...");

	@Override
	public String displayName() {
		return "Jijyun";
	}

	@Override
	public List<StubEndpoint> endpoints() {
		return List.of(StubEndpoint.JIJYUN_CHAT);
	}

	@Override
	public StubRequest read(StubEndpoint endpoint, HttpServerRequest request, String body, String apiKey) {
		JsonNode json = StubHttp.parse(body);
		boolean authenticated = apiKey.equals(StubHttp.query(request, (entry) -> entry).get(API_KEY));
		Map<String, String> query = StubHttp.query(request,
				(entry) -> entry.getKey().equals(API_KEY) ? Map.entry(API_KEY, StubHttp.MASK) : entry);
		return new StubRequest(endpoint, StubHttp.path(request), query, StubHttp.headers(request, List.of()), json,
				body, Bodies.stringIn(json, "content"), Bodies.isTrue(json, "/stream"), authenticated);
	}

	@Override
	public void check(StubRequest request) {
		if (!request.authenticated()) {
			throw new Rejection(401, "没有权限: send the key as the apiKey query parameter");
		}
		ObjectNode body = StubHttp.object(request);
		String content = Bodies.string(body, "content");
		if (content == null || content.isBlank()) {
			throw new Rejection(400, "content is empty");
		}
		for (String field : List.of("return_format", "visitorId", "chatMode", "max_tokens", "knowledge", "system",
				"temperature", "handler_type", "fix_content", "ibotID")) {
			Bodies.string(body, field);
		}
		Bodies.flag(body, "search");
		Bodies.flag(body, "stream");
		Bodies.strings(body, "intention");
		Bodies.strings(body, "tools");
		JsonNode fielditem = body.get("fielditem");
		if (fielditem != null && !fielditem.isNull() && !fielditem.isObject()) {
			throw new Rejection(400, "fielditem must be an object");
		}
	}

	@Override
	public Turn echo(StubRequest request) {
		Turn turn = Answers.chat(displayName(), question(request), 0, promptTokens(request));
		return Bodies.isTrue(request.body(), "/search") ? turn.withSources(List.of(SOURCE)) : turn;
	}

	@Override
	public Turn turn(StubRequest request, List<String> chunks) {
		return new Turn(chunks, promptTokens(request));
	}

	/** The question, which {@code validate} made sure the request has. */
	private static String question(StubRequest request) {
		return Objects.requireNonNullElse(request.content(), "");
	}

	private static int promptTokens(StubRequest request) {
		String system = Bodies.stringIn(request.body(), "system");
		return Answers.countTokens(question(request)) + ((system != null) ? Answers.countTokens(system) : 0);
	}

	@Override
	public ObjectNode reply(StubRequest request, Turn turn) {
		return event(request, turn.text(), msgKey(), turn, true);
	}

	@Override
	public List<String> events(StubRequest request, Turn turn) {
		String msgKey = msgKey();
		List<String> events = new ArrayList<>(turn.chunks().size() + 1);
		for (String chunk : turn.chunks()) {
			events.add(StubHttp.write(event(request, chunk, msgKey, turn, false)));
		}
		events.add(StubHttp.write(event(request, "", msgKey, turn, true)));
		return events;
	}

	private static ObjectNode event(StubRequest request, String desc, String msgKey, Turn turn, boolean last) {
		ObjectNode event = StubHttp.object().put("desc", desc).put("msgKey", msgKey);
		if (last) {
			ArrayNode sources = event.putArray("source");
			turn.sources()
				.forEach((source) -> sources.addObject()
					.put("link", source.link())
					.put("snippet", source.snippet())
					.put("title", source.title()));
			// the stub's tariff: 0.00001 per token
			event.putObject("usage").put("total_cost", BigDecimal.valueOf(turn.totalTokens(), 5));
		}
		String visitorId = Bodies.stringIn(request.body(), "visitorId");
		if (visitorId != null) {
			event.put("visitorId", visitorId);
		}
		else {
			event.putNull("visitorId");
		}
		return event;
	}

	private static String msgKey() {
		return "api_" + UUID.randomUUID();
	}

	@Override
	public ObjectNode error(int status, @Nullable String message) {
		return StubHttp.object()
			.put("code", status)
			.put("msg", (message != null) ? message : MESSAGES.getOrDefault(status, "HTTP " + status));
	}

}
