package io.github.linkai.spring.test;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request checks the providers' documents imply, each failing with a 400 that names
 * the field, and the lenient readings a recorded request is made of (which never fail).
 */
final class Bodies {

	private Bodies() {
	}

	/** A text field, or {@code null} when absent. */
	static @Nullable String string(ObjectNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new Rejection(400, "Invalid request: " + field + " must be a string");
		}
		return value.asString();
	}

	/** A number field in its documented range, if present. */
	static void number(ObjectNode body, String field, int min, int max) {
		JsonNode value = body.get(field);
		if (value != null && !value.isNull()
				&& (!value.isNumber() || value.doubleValue() < min || value.doubleValue() > max)) {
			throw new Rejection(400, "Invalid request: " + field + " must be a number in [" + min + ", " + max + "]");
		}
	}

	/** A whole-number field in its documented range, if present. */
	static void integer(ObjectNode body, String field, long min, long max) {
		JsonNode value = body.get(field);
		if (value != null && !value.isNull()
				&& (!value.isIntegralNumber() || value.longValue() < min || value.longValue() > max)) {
			throw new Rejection(400, "Invalid request: " + field + " must be an integer in [" + min + ", " + max + "]");
		}
	}

	/** A boolean field; absent is {@code false}. */
	static boolean flag(ObjectNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return false;
		}
		if (!value.isBoolean()) {
			throw new Rejection(400, "Invalid request: " + field + " must be a boolean");
		}
		return value.booleanValue();
	}

	/** A field that must be a JSON array of strings, if present. */
	static void strings(ObjectNode body, String field) {
		JsonNode value = body.get(field);
		if (value != null && !value.isNull()) {
			boolean ok = value.isArray();
			for (JsonNode item : value) {
				ok &= item.isString();
			}
			if (!ok) {
				throw new Rejection(400, "Invalid request: " + field + " must be a list of strings");
			}
		}
	}

	/**
	 * OpenAI-shaped {@code messages} (LinkAI's chat and OpenAI-compatible endpoints): not
	 * empty, each with one of {@code roles} and a content that is a non-blank string or a
	 * list of text and image parts; an assistant message that calls tools may have
	 * {@code "content": null}, and a tool message names the call it answers
	 * ({@code tool_call_id}).
	 */
	static List<Message> messages(ObjectNode body, List<String> roles) {
		JsonNode messages = body.get("messages");
		if (messages == null || messages.isNull() || (messages.isArray() && messages.isEmpty())) {
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
			if (role == null || !role.isString() || !roles.contains(role.asString())) {
				throw new Rejection(400, "Invalid request: role must be one of " + String.join(", ", roles));
			}
			String name = role.asString();
			JsonNode content = message.get("content");
			JsonNode calls = message.get("tool_calls");
			if ("assistant".equals(name) && calls != null && calls.isArray() && !calls.isEmpty()
					&& (content == null || content.isNull() || (content.isString() && content.asString().isEmpty()))) {
				result.add(new Message(name, "", 0));
				continue;
			}
			if ("tool".equals(name)) {
				String id = stringIn(message, "tool_call_id");
				if (id == null || id.isBlank()) {
					throw new Rejection(400, "Invalid request: a tool message needs the tool_call_id it answers");
				}
			}
			result.add(message(name, content));
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

	/** The message a chat answers: the last user message, else the last message. */
	static Message question(List<Message> messages) {
		Message question = messages.get(messages.size() - 1);
		for (Message message : messages) {
			if (message.role().equals("user")) {
				question = message;
			}
		}
		return question;
	}

	/**
	 * The texts of the tool messages that end the conversation, oldest first; empty when
	 * the last message is not a tool result.
	 */
	static List<String> trailingToolResults(List<Message> messages) {
		int first = messages.size();
		while (first > 0 && messages.get(first - 1).role().equals("tool")) {
			first--;
		}
		return messages.subList(first, messages.size()).stream().map(Message::text).toList();
	}

	/** The tokens of a whole conversation, as the stub counts them. */
	static int promptTokens(List<Message> messages) {
		return messages.stream().mapToInt((message) -> Answers.countTokens(message.text())).sum();
	}

	/**
	 * Leniently, the text of the last user message of {@code messages} at a pointer, for
	 * the record.
	 */
	static @Nullable String lastUserText(JsonNode body, String messagesPointer) {
		String text = null;
		for (JsonNode message : body.at(messagesPointer)) {
			if ("user".equals(stringIn(message, "role"))) {
				JsonNode content = message.get("content");
				if (content != null && content.isString()) {
					text = content.asString();
				}
				else if (content != null && content.isArray()) {
					List<String> texts = new ArrayList<>();
					content.forEach((part) -> {
						String partText = stringIn(part, "text");
						if (partText != null) {
							texts.add(partText);
						}
					});
					text = String.join(" ", texts);
				}
			}
		}
		return text;
	}

	/** Leniently, a boolean at a pointer, for the record. */
	static boolean isTrue(JsonNode body, String pointer) {
		JsonNode value = body.at(pointer);
		return value.isBoolean() && value.booleanValue();
	}

	static @Nullable String stringIn(@Nullable JsonNode node, String field) {
		JsonNode value = (node != null && node.isObject()) ? node.get(field) : null;
		return (value != null && value.isString()) ? value.asString() : null;
	}

	/**
	 * A message of a chat request: its text parts joined, and how many images it holds.
	 */
	record Message(String role, String text, int images) {
	}

}
