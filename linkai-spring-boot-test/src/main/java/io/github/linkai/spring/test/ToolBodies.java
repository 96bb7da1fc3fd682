package io.github.linkai.spring.test;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks an OpenAI-shaped endpoint makes of tools, tool messages and response
 * formats, with OpenAI's own 400 messages: a test sees the error its client would get
 * from the real server.
 */
final class ToolBodies {

	/** DeepSeek's answer when thinking mode misses the reasoning of a tool-call turn. */
	static final String REASONING_NOT_PASSED_BACK = "The `reasoning_content` in the thinking mode must be passed back to the API.";

	private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

	private static final Set<String> CHOICES = Set.of("auto", "none", "required");

	private ToolBodies() {
	}

	/**
	 * Checks {@code tools}, {@code tool_choice}, {@code parallel_tool_calls},
	 * {@code response_format} and the tool-call turns of {@code messages}.
	 * @param requireReasoningReplay whether an assistant message with tool calls must
	 * carry {@code reasoning_content} (DeepSeek's thinking mode)
	 */
	static void check(ObjectNode body, boolean requireReasoningReplay) {
		Set<String> tools = tools(body.get("tools"));
		JsonNode choice = body.get("tool_choice");
		if (choice != null && !choice.isNull()) {
			if (tools.isEmpty()) {
				throw new Rejection(400,
						"Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.");
			}
			String named = Bodies.stringIn(choice.get("function"), "name");
			boolean valid = (choice.isString() && CHOICES.contains(choice.asString()))
					|| ("function".equals(Bodies.stringIn(choice, "type")) && named != null);
			if (!valid) {
				throw new Rejection(400, "Invalid value for 'tool_choice': expected 'auto', 'none', 'required' or "
						+ "{\"type\": \"function\", \"function\": {\"name\": ...}}.");
			}
			if (named != null && !tools.contains(named)) {
				throw new Rejection(400, "Invalid value for 'tool_choice': no function named '" + named
						+ "' was specified in the 'tools' parameter.");
			}
		}
		JsonNode parallel = body.get("parallel_tool_calls");
		if (parallel != null && !parallel.isNull()) {
			Bodies.flag(body, "parallel_tool_calls");
			if (tools.isEmpty()) {
				throw new Rejection(400, "Invalid value for 'parallel_tool_calls': 'parallel_tool_calls' is only "
						+ "allowed when 'tools' are specified.");
			}
		}
		responseFormat(body);
		toolTurns(body.get("messages"), requireReasoningReplay);
	}

	private static Set<String> tools(@Nullable JsonNode tools) {
		Set<String> names = new HashSet<>();
		if (tools == null || tools.isNull()) {
			return names;
		}
		if (!tools.isArray()) {
			throw new Rejection(400, "Invalid type for 'tools': expected an array of objects.");
		}
		for (JsonNode tool : tools) {
			JsonNode function = tool.get("function");
			String name = Bodies.stringIn(function, "name");
			if (!"function".equals(Bodies.stringIn(tool, "type")) || name == null) {
				throw new Rejection(400,
						"Invalid tool: expected {\"type\": \"function\", \"function\": {\"name\": ...}}.");
			}
			if (!NAME.matcher(name).matches()) {
				throw new Rejection(400, "Invalid 'tools[].function.name': string does not match pattern. Expected "
						+ "a string that matches the pattern '^[a-zA-Z0-9_-]+$'.");
			}
			JsonNode parameters = function.get("parameters");
			if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
				throw new Rejection(400, "Invalid schema for function '" + name + "': schema must be a JSON object.");
			}
			if (!names.add(name)) {
				throw new Rejection(400, "Invalid 'tools': duplicate function name '" + name + "'.");
			}
		}
		return names;
	}

	private static void responseFormat(ObjectNode body) {
		JsonNode format = body.get("response_format");
		if (format == null || format.isNull()) {
			return;
		}
		String type = Bodies.stringIn(format, "type");
		if ("json_schema".equals(type)) {
			JsonNode schema = format.get("json_schema");
			if (Bodies.stringIn(schema, "name") == null || schema.get("schema") == null
					|| !schema.get("schema").isObject()) {
				throw new Rejection(400, "Invalid 'response_format': json_schema needs a name and a schema object.");
			}
		}
		else if ("json_object".equals(type)) {
			if (!body.path("messages").toString().toLowerCase(Locale.ROOT).contains("json")) {
				throw new Rejection(400, "'messages' must contain the word 'json' in some form, to use "
						+ "'response_format' of type 'json_object'.");
			}
		}
		else if (!"text".equals(type)) {
			throw new Rejection(400,
					"Invalid value for 'response_format.type': expected 'text', 'json_object' or 'json_schema'.");
		}
	}

	/**
	 * Each tool message answers a call of the assistant message before it, and each call
	 * is answered before the next message that is not a tool message.
	 */
	private static void toolTurns(@Nullable JsonNode messages, boolean requireReasoningReplay) {
		if (messages == null || !messages.isArray()) {
			return;
		}
		Set<String> open = new HashSet<>();
		Set<String> calls = new HashSet<>();
		int i = 0;
		for (JsonNode message : messages) {
			String role = Bodies.stringIn(message, "role");
			if ("tool".equals(role)) {
				String id = Bodies.stringIn(message, "tool_call_id");
				if (id == null || !calls.contains(id)) {
					throw new Rejection(400, "Invalid parameter: messages with role 'tool' must be a response to a "
							+ "preceeding message with 'tool_calls'.");
				}
				open.remove(id);
			}
			else {
				unanswered(open);
				calls.clear();
				JsonNode toolCalls = message.get("tool_calls");
				if ("assistant".equals(role) && toolCalls != null && toolCalls.isArray() && !toolCalls.isEmpty()) {
					if (requireReasoningReplay && !message.has("reasoning_content")) {
						throw new Rejection(400, REASONING_NOT_PASSED_BACK);
					}
					for (JsonNode call : toolCalls) {
						String id = Bodies.stringIn(call, "id");
						if (id == null || Bodies.stringIn(call.get("function"), "name") == null
								|| Bodies.stringIn(call.get("function"), "arguments") == null) {
							throw new Rejection(400, "Invalid 'messages[" + i + "].tool_calls': each call needs an "
									+ "id and a function with a name and arguments.");
						}
						calls.add(id);
						open.add(id);
					}
				}
			}
			i++;
		}
		unanswered(open);
	}

	private static void unanswered(Set<String> open) {
		if (!open.isEmpty()) {
			throw new Rejection(400, "An assistant message with 'tool_calls' must be followed by tool messages "
					+ "responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: "
					+ String.join(", ", open.stream().sorted().toList()));
		}
	}

}
