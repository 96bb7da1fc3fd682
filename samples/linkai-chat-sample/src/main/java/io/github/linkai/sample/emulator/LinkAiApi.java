package io.github.linkai.sample.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * LinkAI's chat ({@code POST /v1/chat/completions}) and memory chat ({@code POST /v1/chat/memory/completions})
 * as their documents show them:
 * <ul>
 * <li>{@code Authorization: Bearer <key>}, or {@code <key>-<app_code>} as OpenAI SDKs send it; anything else is
 * a 401.</li>
 * <li>Replies {@code {"choices": [{"index": 0, "message": {"role": "assistant", "content": ...}}], "usage": {...}}},
 * memory chat's with {@code session_id} first.</li>
 * <li>With {@code "stream": true}, {@code data:} events {@code {"choices": [{"index": 0, "delta": {"content": ...},
 * "finish_reason": null}], "session_id": ...}}, a last one with {@code "delta": {}}, {@code "finish_reason": "stop"}
 * and {@code usage} inside the choice, then {@code data: [DONE]}. Plain chat's events carry
 * {@code "session_id": null}, memory chat's the session.</li>
 * <li>Memory chat takes {@code question} and {@code session_id}, assigns a UUID when none is given, and remembers
 * the rounds per app and session: its answers say which turn they are and what was said the turn before.</li>
 * <li>Errors {@code {"error": {"message": ..., "type": "invalid_request_error"}}}: 400 for an invalid body (empty
 * messages or question, a wrong type, an option out of its documented range), 401 for a bad key.</li>
 * </ul>
 */
public final class LinkAiApi implements EmulatedApi {

	/** An API key for the emulator; it has no meaning anywhere else. */
	public static final String DEMO_API_KEY = "Link_EmulatorDemoKey";

	static final String CHAT_PATH = "/v1/chat/completions";

	static final String MEMORY_PATH = "/v1/chat/memory/completions";

	private static final String BEARER = "Bearer ";

	private static final Set<String> ROLES = Set.of("system", "user", "assistant");

	private static final int MAX_SESSIONS = 10_000;

	private final String apiKey;

	private final Duration chunkDelay;

	private final Conversations conversations = new Conversations(MAX_SESSIONS);

	/**
	 * @param apiKey the only API key the emulated API accepts
	 * @param chunkDelay the pause before each streamed event, {@link Duration#ZERO} for none
	 */
	public LinkAiApi(String apiKey, Duration chunkDelay) {
		Objects.requireNonNull(apiKey, "apiKey must not be null");
		Objects.requireNonNull(chunkDelay, "chunkDelay must not be null");
		if (apiKey.isBlank()) {
			throw new IllegalArgumentException("apiKey must not be blank");
		}
		if (chunkDelay.isNegative()) {
			throw new IllegalArgumentException("chunkDelay must not be negative");
		}
		this.apiKey = apiKey;
		this.chunkDelay = chunkDelay;
	}

	@Override
	public String provider() {
		return "linkai";
	}

	@Override
	public void register(HttpServerRoutes routes) {
		routes.post(CHAT_PATH, (request, response) -> handle(request, response, this::chat))
			.post(MEMORY_PATH, (request, response) -> handle(request, response, this::memoryChat));
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response, Endpoint endpoint) {
		return EmulatorHttp.body(request).flatMap((body) -> {
			try {
				String keyAppCode = authenticate(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
				ObjectNode json = EmulatorHttp.parseObject(body);
				String appCode = string(json, "app_code");
				checkOptions(json);
				String app = (appCode != null && !appCode.isEmpty()) ? appCode : (keyAppCode != null) ? keyAppCode : "";
				return endpoint.respond(json, app, response);
			}
			catch (Rejection ex) {
				return EmulatorHttp.json(response, ex.status(), error(ex.getMessage()));
			}
		});
	}

	private Mono<Void> chat(ObjectNode body, String app, HttpServerResponse response) {
		List<Message> messages = messages(body);
		// The answer echoes the last user message; a conversation without one, its last message.
		Message question = messages.get(messages.size() - 1);
		for (Message message : messages) {
			if (message.role().equals("user")) {
				question = message;
			}
		}
		int promptTokens = messages.stream().mapToInt((message) -> Answers.countTokens(message.text())).sum();
		return reply(response, body, Answers.chat(question.text(), question.images(), promptTokens), null);
	}

	private Mono<Void> memoryChat(ObjectNode body, String app, HttpServerResponse response) {
		String question = string(body, "question");
		if (question == null || question.isBlank()) {
			throw new Rejection(400, "Invalid request: question is empty");
		}
		String requested = string(body, "session_id");
		String sessionId = (requested != null && !requested.isBlank()) ? requested : UUID.randomUUID().toString();
		return reply(response, body, this.conversations.ask(app, sessionId, question), sessionId);
	}

	private Mono<Void> reply(HttpServerResponse response, ObjectNode body, Answer answer, @Nullable String sessionId) {
		if (flag(body, "stream")) {
			return EmulatorHttp.events(response, events(answer, sessionId), this.chunkDelay);
		}
		return EmulatorHttp.json(response, 200, completion(answer, sessionId));
	}

	/** Returns the app code a {@code key-appcode} token carries, or {@code null} for the bare key. */
	private @Nullable String authenticate(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw new Rejection(401, "Authentication failed: send the API key as Authorization: Bearer YOUR_API_KEY");
		}
		String token = authorization.substring(BEARER.length()).strip();
		if (token.equals(this.apiKey)) {
			return null;
		}
		String prefix = this.apiKey + "-";
		if (token.startsWith(prefix) && token.length() > prefix.length()) {
			return token.substring(prefix.length());
		}
		throw new Rejection(401, "Authentication failed: invalid API key");
	}

	private static List<Message> messages(ObjectNode body) {
		JsonNode messages = body.get("messages");
		if (messages == null || messages.isNull() || (messages.isArray() && messages.size() == 0)) {
			throw new Rejection(400, "Invalid request: messages is empty");
		}
		if (!messages.isArray()) {
			throw new Rejection(400, "Invalid request: messages must be a list");
		}
		List<Message> result = new ArrayList<>(messages.size());
		for (JsonNode message : messages) {
			if (!message.isObject()) {
				throw new Rejection(400, "Invalid request: each message must be an object");
			}
			JsonNode role = message.get("role");
			if (role == null || !role.isString() || !ROLES.contains(role.asString())) {
				throw new Rejection(400, "Invalid request: role must be one of system, user, assistant");
			}
			result.add(message(role.asString(), message.get("content")));
		}
		return result;
	}

	private static Message message(String role, @Nullable JsonNode content) {
		String empty = "Invalid request: " + role + " message content is empty";
		if (content == null || content.isNull()) {
			throw new Rejection(400, empty);
		}
		if (content.isString()) {
			if (content.asString().isBlank()) {
				throw new Rejection(400, empty);
			}
			return new Message(role, content.asString(), 0);
		}
		if (!content.isArray()) {
			throw new Rejection(400, "Invalid request: content must be a string or a list of parts");
		}
		List<String> texts = new ArrayList<>();
		int images = 0;
		for (JsonNode part : content) {
			String type = stringIn(part, "type");
			String text = stringIn(part, "text");
			String url = stringIn(part.get("image_url"), "url");
			if ("text".equals(type) && text != null && !text.isBlank()) {
				texts.add(text);
			}
			else if ("image_url".equals(type) && url != null && !url.isBlank()) {
				images++;
			}
			else {
				throw new Rejection(400, "Invalid request: a content part must be {\"type\": \"text\", \"text\": ...} "
						+ "or {\"type\": \"image_url\", \"image_url\": {\"url\": ...}}");
			}
		}
		if (texts.isEmpty() && images == 0) {
			throw new Rejection(400, empty);
		}
		return new Message(role, String.join(" ", texts), images);
	}

	private static @Nullable String stringIn(@Nullable JsonNode node, String field) {
		JsonNode value = (node != null && node.isObject()) ? node.get(field) : null;
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private static void checkOptions(ObjectNode body) {
		string(body, "model");
		number(body, "temperature", 0, 1);
		number(body, "top_p", 0, 1);
		number(body, "frequency_penalty", -2, 2);
		number(body, "presence_penalty", -2, 2);
		flag(body, "stream");
	}

	private static @Nullable String string(ObjectNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new Rejection(400, "Invalid request: " + field + " must be a string");
		}
		return value.asString();
	}

	private static void number(ObjectNode body, String field, int min, int max) {
		JsonNode value = body.get(field);
		if (value != null && !value.isNull()
				&& (!value.isNumber() || value.doubleValue() < min || value.doubleValue() > max)) {
			throw new Rejection(400, "Invalid request: " + field + " must be a number in [" + min + ", " + max + "]");
		}
	}

	private static boolean flag(ObjectNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return false;
		}
		if (!value.isBoolean()) {
			throw new Rejection(400, "Invalid request: " + field + " must be a boolean");
		}
		return value.booleanValue();
	}

	private static ObjectNode completion(Answer answer, @Nullable String sessionId) {
		ObjectNode reply = EmulatorHttp.object();
		if (sessionId != null) {
			reply.put("session_id", sessionId);
		}
		ObjectNode choice = reply.putArray("choices").addObject();
		choice.put("index", 0);
		choice.putObject("message").put("role", "assistant").put("content", answer.text());
		reply.set("usage", usage(answer));
		return reply;
	}

	private static List<String> events(Answer answer, @Nullable String sessionId) {
		List<String> events = new ArrayList<>(answer.chunks().size() + 2);
		for (String chunk : answer.chunks()) {
			ObjectNode event = event(sessionId);
			ObjectNode choice = (ObjectNode) event.get("choices").get(0);
			choice.putObject("delta").put("content", chunk);
			choice.putNull("finish_reason");
			events.add(EmulatorHttp.write(event));
		}
		ObjectNode last = event(sessionId);
		ObjectNode choice = (ObjectNode) last.get("choices").get(0);
		choice.putObject("delta");
		choice.put("finish_reason", "stop");
		choice.set("usage", usage(answer));
		events.add(EmulatorHttp.write(last));
		events.add("[DONE]");
		return events;
	}

	/** {@code {"choices": [{"index": 0}], "session_id": ...}}, for the caller to complete the choice. */
	private static ObjectNode event(@Nullable String sessionId) {
		ObjectNode event = EmulatorHttp.object();
		event.putArray("choices").addObject().put("index", 0);
		if (sessionId != null) {
			event.put("session_id", sessionId);
		}
		else {
			event.putNull("session_id");
		}
		return event;
	}

	private static ObjectNode usage(Answer answer) {
		return EmulatorHttp.object()
			.put("prompt_tokens", answer.promptTokens())
			.put("completion_tokens", answer.completionTokens())
			.put("total_tokens", answer.totalTokens());
	}

	private static ObjectNode error(String message) {
		ObjectNode body = EmulatorHttp.object();
		body.putObject("error").put("message", message).put("type", "invalid_request_error");
		return body;
	}

	/** One of the two endpoints, after authentication and the shared checks. */
	@FunctionalInterface
	private interface Endpoint {

		Mono<Void> respond(ObjectNode body, String app, HttpServerResponse response);

	}

	/** A message of a chat request: its text parts joined, and how many images it holds. */
	private record Message(String role, String text, int images) {
	}

}
