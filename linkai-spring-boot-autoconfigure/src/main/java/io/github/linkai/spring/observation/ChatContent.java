package io.github.linkai.spring.observation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ContentPart;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prompts and answers in the conventions' message format
 * ({@code [{"role":"user","parts":[{"type":"text", "content":"..."}]}]}), for the opt-in
 * {@code gen_ai.input.messages} and {@code gen_ai.output.messages}.
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
			for (ContentPart part : message.parts()) {
				if (part instanceof ContentPart.Text text) {
					parts.add(ordered("type", "text", "content", text.text()));
				}
				else if (part instanceof ContentPart.Image image) {
					Map<String, String> uri = ordered("type", "uri", "modality", "image");
					uri.put("uri", image.url());
					parts.add(uri);
				}
			}
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("role", message.role().wireName());
			entry.put("parts", parts);
			out.add(entry);
		}
		return JSON.writeValueAsString(out);
	}

	/** The answer, as one assistant message. */
	static String output(String text, @Nullable String finishReason) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("role", "assistant");
		message.put("parts", List.of(ordered("type", "text", "content", text)));
		if (finishReason != null) {
			message.put("finish_reason", finishReason);
		}
		return JSON.writeValueAsString(List.of(message));
	}

}
