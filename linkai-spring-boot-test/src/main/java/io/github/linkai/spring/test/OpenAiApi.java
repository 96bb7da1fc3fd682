package io.github.linkai.spring.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible chat completions endpoint,
 * {@code POST /openai/v1/chat/completions} (base URL {@code <stub>/openai/v1}), as OpenAI
 * and the compatible providers (DeepSeek, Qwen, Zhipu, vLLM) serve it:
 * <ul>
 * <li>{@code Authorization: Bearer <key>} (else 401); {@code model} and {@code messages}
 * required; {@code temperature} [0, 2], {@code top_p} [0, 1], {@code max_tokens} a
 * positive integer; {@code stream_options} only with {@code "stream": true}.</li>
 * <li>Reply
 * {@code {"id": "chatcmpl-...", "object": "chat.completion", "created", "model", "choices": [{"index",
 * "message", "logprobs": null, "finish_reason": "stop"}], "usage": {...}}}.</li>
 * <li>Stream: {@code chat.completion.chunk} events, the first with {@code "delta":
 * {"role": "assistant", "content": ""}}, one per piece, one with {@code "delta": {}} and
 * {@code "finish_reason": "stop"}; with {@code "stream_options": {"include_usage": true}}
 * a last chunk with {@code "choices": []} and the usage (every other chunk
 * {@code "usage": null}); then {@code data: [DONE]}.</li>
 * <li>Errors {@code {"error": {"message", "type", "param": null, "code"}}}.</li>
 * <li>Tools, {@code tool_choice}, {@code parallel_tool_calls}, {@code response_format},
 * tool-call turns and tool messages checked as OpenAI does, with its 400 messages
 * ({@link ToolBodies}); tool calls and reasoning answered in the scripted
 * {@link StubWireStyle}. After tool results, the stub's own answer quotes them.</li>
 * </ul>
 */
final class OpenAiApi implements ProviderApi {

	private static final String BEARER = "Bearer ";

	private static final List<String> ROLES = List.of("system", "developer", "user", "assistant", "tool");

	private static final Map<Integer, String[]> ERRORS = Map.of(400,
			new String[] { "invalid_request_error", "invalid_request_error", "Invalid request" }, 401,
			new String[] { "authentication_error", "invalid_api_key", "Incorrect API key provided" }, 402,
			new String[] { "unknown_error", "invalid_request_error", "Insufficient Balance" }, 403,
			new String[] { "permission_error", "unsupported_country_region_territory", "Permission denied" }, 404,
			new String[] { "invalid_request_error", "model_not_found", "The model does not exist" }, 422,
			new String[] { "invalid_request_error", "invalid_parameters", "Invalid parameters" }, 429,
			new String[] { "rate_limit_error", "rate_limit_exceeded", "Rate limit reached, please try again later" },
			500, new String[] { "server_error", "internal_error", "The server had an error" }, 503,
			new String[] { "server_error", "service_unavailable", "The server is overloaded, please try again later" });

	private final boolean requireReasoningReplay;

	OpenAiApi(boolean requireReasoningReplay) {
		this.requireReasoningReplay = requireReasoningReplay;
	}

	@Override
	public String displayName() {
		return "OpenAI-compatible";
	}

	@Override
	public List<StubEndpoint> endpoints() {
		return List.of(StubEndpoint.OPENAI_CHAT);
	}

	@Override
	public StubRequest read(StubEndpoint endpoint, HttpServerRequest request, String body, String apiKey) {
		JsonNode json = StubHttp.parse(body);
		String authorization = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
		return new StubRequest(endpoint, StubHttp.path(request), StubHttp.query(request, (entry) -> entry),
				StubHttp.headers(request, List.of("authorization")), json, body, Bodies.lastUserText(json, "/messages"),
				Bodies.isTrue(json, "/stream"), (BEARER + apiKey).equals(authorization));
	}

	@Override
	public void check(StubRequest request) {
		if (!request.authenticated()) {
			throw new Rejection(401, "Incorrect API key provided");
		}
		ObjectNode body = StubHttp.object(request);
		String model = Bodies.string(body, "model");
		if (model == null || model.isBlank()) {
			throw new Rejection(400, "you must provide a model parameter");
		}
		Bodies.messages(body, ROLES);
		Bodies.number(body, "temperature", 0, 2);
		Bodies.number(body, "top_p", 0, 1);
		Bodies.number(body, "frequency_penalty", -2, 2);
		Bodies.number(body, "presence_penalty", -2, 2);
		Bodies.integer(body, "max_tokens", 1, Integer.MAX_VALUE);
		boolean stream = Bodies.flag(body, "stream");
		JsonNode options = body.get("stream_options");
		if (options != null && !options.isNull()) {
			if (!stream) {
				throw new Rejection(400, "The 'stream_options' parameter is only allowed when 'stream' is enabled.");
			}
			if (!(options instanceof ObjectNode values)) {
				throw new Rejection(400, "stream_options must be an object");
			}
			Bodies.flag(values, "include_usage");
		}
		ToolBodies.check(body, this.requireReasoningReplay);
	}

	@Override
	public Turn echo(StubRequest request) {
		List<Bodies.Message> messages = Bodies.messages(StubHttp.object(request), ROLES);
		Bodies.Message question = Bodies.question(messages);
		List<String> results = Bodies.trailingToolResults(messages);
		if (!results.isEmpty()) {
			return Answers.toolResults(question.text(), results, Bodies.promptTokens(messages));
		}
		return Answers.chat(displayName(), question.text(), question.images(), Bodies.promptTokens(messages));
	}

	@Override
	public Turn turn(StubRequest request, List<String> chunks) {
		return new Turn(chunks, Bodies.promptTokens(Bodies.messages(StubHttp.object(request), ROLES)));
	}

	@Override
	public ObjectNode reply(StubRequest request, Turn turn) {
		ObjectNode reply = head(request, "chatcmpl-" + UUID.randomUUID(), "chat.completion");
		ObjectNode choice = reply.putArray("choices").addObject();
		choice.put("index", 0);
		choice.set("message", OpenAiShapes.message(turn));
		choice.putNull("logprobs");
		choice.put("finish_reason", OpenAiShapes.finishReason(turn));
		reply.set("usage", OpenAiShapes.usage(turn));
		return reply;
	}

	@Override
	public List<String> events(StubRequest request, Turn turn) {
		String id = "chatcmpl-" + UUID.randomUUID();
		StubWireStyle style = turn.extras().style();
		List<ObjectNode> deltas = OpenAiShapes.deltas(turn);
		List<String> events = new ArrayList<>(deltas.size() + 4);
		events.add(chunk(request, id, StubHttp.object().put("role", "assistant").put("content", ""), null));
		for (ObjectNode delta : deltas) {
			events.add(chunk(request, id, delta, null));
		}
		ObjectNode finish = chunkNode(request, id, OpenAiShapes.finishDelta(turn), OpenAiShapes.finishReason(turn));
		if (style == StubWireStyle.KIMI) {
			((ObjectNode) finish.get("choices").get(0)).set("usage", OpenAiShapes.usage(turn));
		}
		if (style == StubWireStyle.GLM) {
			finish.set("usage", OpenAiShapes.usage(turn));
		}
		events.add(StubHttp.write(finish));
		boolean includeUsage = Bodies.isTrue(request.body(), "/stream_options/include_usage");
		if ((includeUsage && style != StubWireStyle.GLM) || style == StubWireStyle.KIMI) {
			ObjectNode usage = head(request, id, "chat.completion.chunk");
			usage.putArray("choices");
			usage.set("usage", OpenAiShapes.usage(turn));
			events.add(StubHttp.write(usage));
		}
		events.add("[DONE]");
		return events;
	}

	private static String chunk(StubRequest request, String id, ObjectNode delta, @Nullable String finishReason) {
		return StubHttp.write(chunkNode(request, id, delta, finishReason));
	}

	private static ObjectNode chunkNode(StubRequest request, String id, ObjectNode delta,
			@Nullable String finishReason) {
		ObjectNode chunk = head(request, id, "chat.completion.chunk");
		ObjectNode choice = chunk.putArray("choices").addObject();
		choice.put("index", 0);
		choice.set("delta", delta);
		if (finishReason != null) {
			choice.put("finish_reason", finishReason);
		}
		else {
			choice.putNull("finish_reason");
		}
		if (Bodies.isTrue(request.body(), "/stream_options/include_usage")) {
			chunk.putNull("usage");
		}
		return chunk;
	}

	private static ObjectNode head(StubRequest request, String id, String object) {
		String model = Bodies.stringIn(request.body(), "model");
		return StubHttp.object()
			.put("id", id)
			.put("object", object)
			.put("created", Instant.now().getEpochSecond())
			.put("model", (model != null) ? model : "unknown");
	}

	@Override
	public ObjectNode error(int status, @Nullable String message) {
		String[] error = ERRORS.getOrDefault(status,
				new String[] { (status < 500) ? "invalid_request_error" : "server_error", null, "HTTP " + status });
		ObjectNode body = StubHttp.object();
		ObjectNode details = body.putObject("error")
			.put("message", (message != null) ? message : error[2])
			.put("type", error[0]);
		details.putNull("param");
		if (error[1] != null) {
			details.put("code", error[1]);
		}
		else {
			details.putNull("code");
		}
		return body;
	}

}
