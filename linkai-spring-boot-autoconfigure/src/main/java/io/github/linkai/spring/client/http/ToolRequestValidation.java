package io.github.linkai.spring.client.http;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ContentPart;
import io.github.linkai.spring.client.JsonSchema;
import io.github.linkai.spring.client.ResponseFormat;
import io.github.linkai.spring.client.Role;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.ToolChoice;
import io.github.linkai.spring.client.ToolDefinition;
import io.github.linkai.spring.client.spi.RequestFeature;
import io.github.linkai.spring.client.spi.Validation;
import io.github.linkai.spring.client.spi.WireMapping;
import org.jspecify.annotations.Nullable;

/**
 * The shared rules of tools and response formats, checked before anything else of a
 * request: an endpoint that cannot send a feature rejects a request using it, naming the
 * field and the provider; tool names are set, at most 64 characters and unique;
 * parameters and schemas are JSON objects; a tool choice names a tool of the request;
 * each tool result answers a call of the assistant message before it, and each call is
 * answered before the conversation goes on. Problems quote no message text and no
 * arguments (tool names and call ids are the developer's and the server's).
 */
final class ToolRequestValidation {

	private static final int MAX_NAME_LENGTH = 64;

	private final WireMapping<?> mapping;

	private final Validation validation;

	ToolRequestValidation(WireMapping<?> mapping, Validation validation) {
		this.mapping = mapping;
		this.validation = validation;
	}

	void validate(ChatRequest request) {
		Set<RequestFeature> supported = this.mapping.supportedFeatures();
		boolean tools = supported.contains(RequestFeature.TOOLS);
		if (!tools) {
			unsupportedTools(request);
		}
		if (request.responseFormat() != null && !supported.contains(RequestFeature.RESPONSE_FORMAT)) {
			throw this.validation.fail("responseFormat", this.mapping.unsupported(RequestFeature.RESPONSE_FORMAT));
		}
		if (tools) {
			validateTools(request);
			validateToolMessages(request.messages());
		}
		if (request.responseFormat() != null) {
			validateResponseFormat(request.responseFormat());
		}
	}

	private void unsupportedTools(ChatRequest request) {
		String problem = this.mapping.unsupported(RequestFeature.TOOLS);
		if (!request.tools().isEmpty()) {
			throw this.validation.fail("tools", problem);
		}
		if (request.toolChoice() != null) {
			throw this.validation.fail("toolChoice", problem);
		}
		if (request.parallelToolCalls() != null) {
			throw this.validation.fail("parallelToolCalls", problem);
		}
		for (int i = 0; i < request.messages().size(); i++) {
			ChatMessage message = request.messages().get(i);
			if (message.hasToolCalls()) {
				throw this.validation.fail("messages[" + i + "].toolCalls", problem);
			}
			if (message.role() == Role.TOOL) {
				throw this.validation.fail("messages[" + i + "]", "is a tool result, which " + problem);
			}
		}
	}

	private void validateTools(ChatRequest request) {
		List<ToolDefinition> tools = request.tools();
		Map<String, Integer> names = new HashMap<>();
		for (int i = 0; i < tools.size(); i++) {
			ToolDefinition tool = tools.get(i);
			String field = "tools[" + i + "]";
			name(field + ".name", tool.name());
			Integer earlier = names.putIfAbsent(tool.name(), i);
			if (earlier != null) {
				throw this.validation.fail(field + ".name",
						"duplicates tools[" + earlier + "].name (" + tool.name() + ")");
			}
			if (tool.description() != null && tool.description().isBlank()) {
				throw this.validation.fail(field + ".description", "must not be blank when set");
			}
			schema(field + ".parameters", tool.parameters());
		}
		ToolChoice choice = request.toolChoice();
		if (choice != null) {
			if (tools.isEmpty()) {
				throw this.validation.fail("toolChoice", "is set but tools is empty");
			}
			if (choice.kind() == ToolChoice.Kind.FUNCTION && !names.containsKey(choice.functionName())) {
				throw this.validation.fail("toolChoice",
						"names " + choice.functionName() + ", which is not one of tools " + names.keySet());
			}
		}
		if (request.parallelToolCalls() != null && tools.isEmpty()) {
			throw this.validation.fail("parallelToolCalls", "is set but tools is empty");
		}
	}

	/**
	 * Each tool result answers a call of the last assistant message before it; each call
	 * is answered before a message that is not a tool result.
	 */
	private void validateToolMessages(List<ChatMessage> messages) {
		@Nullable ChatMessage calling = null;
		int callingIndex = -1;
		Set<String> answered = new HashSet<>();
		for (int i = 0; i < messages.size(); i++) {
			ChatMessage message = messages.get(i);
			if (message.role() == Role.TOOL) {
				String id = message.toolCallId();
				if (id == null || id.isBlank()) {
					throw this.validation.fail("messages[" + i + "].toolCallId",
							"must be set: a tool result answers one tool call");
				}
				if (calling == null || !hasCall(calling, id)) {
					throw this.validation.fail("messages[" + i + "].toolCallId",
							"(" + id + ") matches no tool call of the assistant message before it");
				}
				for (ContentPart part : message.parts()) {
					if (!(part instanceof ContentPart.Text)) {
						throw this.validation.fail("messages[" + i + "].content",
								"may hold only text in a tool result");
					}
				}
				answered.add(id);
				continue;
			}
			unanswered(calling, callingIndex, answered);
			calling = null;
			answered.clear();
			if (message.hasToolCalls()) {
				calling = message;
				callingIndex = i;
				for (int j = 0; j < message.toolCalls().size(); j++) {
					ToolCall call = message.toolCalls().get(j);
					String field = "messages[" + i + "].toolCalls[" + j + "]";
					if (call.id().isBlank()) {
						throw this.validation.fail(field + ".id", "must not be blank");
					}
					if (call.name().isBlank()) {
						throw this.validation.fail(field + ".name", "must not be blank");
					}
				}
			}
		}
		unanswered(calling, callingIndex, answered);
	}

	private void unanswered(@Nullable ChatMessage calling, int index, Set<String> answered) {
		if (calling == null) {
			return;
		}
		for (int j = 0; j < calling.toolCalls().size(); j++) {
			if (!answered.contains(calling.toolCalls().get(j).id())) {
				throw this.validation.fail("messages[" + index + "].toolCalls[" + j + "]",
						"(" + calling.toolCalls().get(j).id()
								+ ") has no tool result before the next message that is not one");
			}
		}
	}

	private static boolean hasCall(ChatMessage calling, String id) {
		for (ToolCall call : calling.toolCalls()) {
			if (call.id().equals(id)) {
				return true;
			}
		}
		return false;
	}

	private void validateResponseFormat(ResponseFormat format) {
		if (format.type() != ResponseFormat.Type.JSON_SCHEMA) {
			return;
		}
		name("responseFormat.name", format.name());
		if (format.schema() == null) {
			throw this.validation.fail("responseFormat.schema", "must be set for a JSON schema answer");
		}
		schema("responseFormat.schema", format.schema());
	}

	private void name(String field, @Nullable String name) {
		if (name == null || name.isBlank()) {
			throw this.validation.fail(field, "must not be blank");
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw this.validation.fail(field,
					"must be at most " + MAX_NAME_LENGTH + " characters but was " + name.length());
		}
	}

	private void schema(String field, JsonSchema schema) {
		String problem = schema.problem();
		if (problem != null) {
			throw this.validation.fail(field, problem);
		}
	}

}
