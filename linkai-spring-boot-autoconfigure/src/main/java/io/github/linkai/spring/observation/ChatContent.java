package io.github.linkai.spring.observation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ContentPart;
import io.github.linkai.spring.client.Role;
import io.github.linkai.spring.client.ToolCall;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prompts and answers in the conventions' message format
 * ({@code [{"role":"user","parts":[{"type":"text", "content":"..."}]}]}), for the opt-in
 * {@code gen_ai.input.messages} and {@code gen_ai.output.messages}: reasoning as a
 * {@code reasoning} part, tool calls as {@code tool_call} parts, a tool result as a
 * {@code tool_call_response} part.
 */
public final class ChatContent {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ChatContent() {
	}

	private static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
		Map<String, String> map = new LinkedHashMap<>();
		map.put(k1, v1);
		map.put(k2, v2);
		return map;
	}

	/** The request's messages. */
	public static String input(List<ChatMessage> messages) {
		List<Map<String, Object>> out = new ArrayList<>(messages.size());
		for (ChatMessage message : messages) {
			List<Map<String, String>> parts = new ArrayList<>(message.parts().size());
			if (message.reasoningContent() != null) {
				parts.add(ordered("type", "reasoning", "content", message.reasoningContent()));
			}
			for (ContentPart part : message.parts()) {
				if (part instanceof ContentPart.Text text && message.role() == Role.TOOL) {
					Map<String, String> response = ordered("type", "tool_call_response", "id",
							String.valueOf(message.toolCallId()));
					response.put("response", text.text());
					parts.add(response);
				}
				else if (part instanceof ContentPart.Text text) {
					parts.add(ordered("type", "text", "content", text.text()));
				}
				else if (part instanceof ContentPart.Image image) {
					Map<String, String> uri = ordered("type", "uri", "modality", "image");
					uri.put("uri", image.url());
					parts.add(uri);
				}
			}
			parts.addAll(toolCalls(message.toolCalls()));
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("role", message.role().wireName());
			entry.put("parts", parts);
			out.add(entry);
		}
		return JSON.writeValueAsString(out);
	}

	/** The answer, as one assistant message. */
	static String output(String text, @Nullable String reasoning, List<ToolCall> toolCalls,
			@Nullable String finishReason) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("role", "assistant");
		List<Map<String, String>> parts = new ArrayList<>(2 + toolCalls.size());
		if (reasoning != null) {
			parts.add(ordered("type", "reasoning", "content", reasoning));
		}
		if (!text.isEmpty() || toolCalls.isEmpty()) {
			parts.add(ordered("type", "text", "content", text));
		}
		parts.addAll(toolCalls(toolCalls));
		message.put("parts", parts);
		if (finishReason != null) {
			message.put("finish_reason", finishReason);
		}
		return JSON.writeValueAsString(List.of(message));
	}

	private static List<Map<String, String>> toolCalls(List<ToolCall> calls) {
		List<Map<String, String>> parts = new ArrayList<>(calls.size());
		for (ToolCall call : calls) {
			Map<String, String> part = ordered("type", "tool_call", "id", call.id());
			part.put("name", call.name());
			part.put("arguments", call.arguments());
			parts.add(part);
		}
		return parts;
	}

}
