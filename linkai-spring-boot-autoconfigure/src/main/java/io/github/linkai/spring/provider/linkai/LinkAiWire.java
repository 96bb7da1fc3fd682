package io.github.linkai.spring.provider.linkai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** LinkAI's JSON, as records bound by the shared mapper. Unknown reply fields are kept in {@code extra}. */
final class LinkAiWire {

	private LinkAiWire() {
	}

	/** The chat completions body; {@code top_p} is an integer, as documented. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ChatBody(List<Message> messages, @JsonProperty("app_code") @Nullable String appCode,
			@Nullable String model, @Nullable Double temperature, @JsonProperty("top_p") @Nullable Integer topP,
			@JsonProperty("frequency_penalty") @Nullable Double frequencyPenalty,
			@JsonProperty("presence_penalty") @Nullable Double presencePenalty, @Nullable Boolean stream) {
	}

	/** The memory chat body, as the reference document names its fields. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MemoryBody(String question, @JsonProperty("session_id") @Nullable String sessionId,
			@JsonProperty("app_code") @Nullable String appCode, @Nullable String model, @Nullable Double temperature,
			@JsonProperty("top_p") @Nullable Integer topP,
			@JsonProperty("frequency_penalty") @Nullable Double frequencyPenalty,
			@JsonProperty("presence_penalty") @Nullable Double presencePenalty, @Nullable Boolean stream) {
	}

	/** A message: {@code content} is a string, or a list of {@link Part}s. */
	record Message(String role, Object content) {
	}

	/** A content part: {@code {"type":"text","text":...}} or {@code {"type":"image_url","image_url":{"url":...}}}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Part(String type, @Nullable String text, @JsonProperty("image_url") @Nullable ImageUrl imageUrl) {
	}

	/** An image reference. */
	record ImageUrl(String url) {
	}

	/**
	 * A complete reply or one stream event: the same shape, with {@code message} in a reply and {@code delta} in
	 * an event. Only {@code choices} is documented as always present; {@code id}, {@code model} and the like
	 * of OpenAI-style replies are optional.
	 */
	record Reply(@Nullable List<Choice> choices, @Nullable TokenUsage usage,
			@JsonProperty("session_id") @Nullable String sessionId, @Nullable String model,
			@Nullable ErrorObject error, @JsonAnySetter @Nullable Map<String, Object> extra) {

		Map<String, Object> extraOrEmpty() {
			return (this.extra != null) ? this.extra : Map.of();
		}

		@Nullable Choice firstChoice() {
			return (this.choices != null && !this.choices.isEmpty()) ? this.choices.get(0) : null;
		}

	}

	/** One choice; LinkAI puts the final stream event's {@code usage} here. */
	record Choice(@Nullable Integer index, @Nullable Content message, @Nullable Content delta,
			@JsonProperty("finish_reason") @Nullable String finishReason, @Nullable TokenUsage usage) {
	}

	/** A message or delta; {@code content} is text, or a list of parts for multimodal output. */
	record Content(@Nullable String role, @Nullable Object content) {

		/** The text, joining text parts of multimodal content. */
		String text() {
			if (this.content == null) {
				return "";
			}
			if (this.content instanceof String s) {
				return s;
			}
			if (this.content instanceof List<?> parts) {
				StringBuilder text = new StringBuilder();
				for (Object part : parts) {
					if (part instanceof Map<?, ?> map && map.get("text") instanceof String t) {
						text.append(t);
					}
				}
				return text.toString();
			}
			return String.valueOf(this.content);
		}

		/** The raw parts when the content is multimodal, for the user to read. */
		Map<String, Object> partsAsFields() {
			if (this.content instanceof List<?>) {
				Map<String, Object> fields = new LinkedHashMap<>();
				fields.put("content", this.content);
				return fields;
			}
			return Map.of();
		}

	}

	/** OpenAI-style token counts. */
	record TokenUsage(@JsonProperty("prompt_tokens") @Nullable Integer promptTokens,
			@JsonProperty("completion_tokens") @Nullable Integer completionTokens,
			@JsonProperty("total_tokens") @Nullable Integer totalTokens) {
	}

	/** The documented error object, {@code {"message":...,"type":...}}. */
	record ErrorObject(@Nullable String message, @Nullable String type, @Nullable Object code) {
	}

}
