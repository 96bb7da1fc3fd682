package io.github.linkai.spring.provider.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ContentPart;
import io.github.linkai.spring.client.spi.StreamError;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI's chat completions JSON, as records bound by the shared mapper: a request's
 * messages, and the reply or stream event. Public for the providers whose API has the
 * same shape (LinkAI). Unknown reply fields are kept in {@code extra}.
 */
public final class OpenAiWire {

	private OpenAiWire() {
	}

	/**
	 * The chat completions body. Unset fields are left out; {@code extra} (the caller's
	 * extra body fields) is written at the top level.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ChatBody(String model, List<Message> messages, @Nullable Double temperature,
			@JsonProperty("top_p") @Nullable Double topP, @JsonProperty("max_tokens") @Nullable Integer maxTokens,
			@Nullable List<String> stop, @Nullable Integer seed,
			@JsonProperty("frequency_penalty") @Nullable Double frequencyPenalty,
			@JsonProperty("presence_penalty") @Nullable Double presencePenalty, @Nullable String user,
			@Nullable Boolean stream, @JsonProperty("stream_options") @Nullable StreamOptions streamOptions,
			@JsonAnyGetter @Nullable Map<String, @Nullable Object> extra) {
	}

	/** Asks a stream to report usage, in a last event with no choices. */
	record StreamOptions(@JsonProperty("include_usage") boolean includeUsage) {
	}

	/**
	 * A message: {@code content} is a string, or a list of {@link Part}s.
	 *
	 * @param role the role's wire name
	 * @param content a {@code String} or a {@code List<Part>}
	 */
	public record Message(String role, Object content) {

		/**
		 * The messages of a conversation: plain text as a string, anything else as text
		 * and image parts.
		 */
		public static List<Message> of(List<ChatMessage> messages) {
			List<Message> wire = new ArrayList<>(messages.size());
			for (ChatMessage message : messages) {
				wire.add(new Message(message.role().wireName(), content(message)));
			}
			return wire;
		}

		private static Object content(ChatMessage message) {
			if (message.isPlainText()) {
				return message.text();
			}
			List<Part> parts = new ArrayList<>(message.parts().size());
			for (ContentPart part : message.parts()) {
				if (part instanceof ContentPart.Text text) {
					parts.add(new Part("text", text.text(), null));
				}
				else if (part instanceof ContentPart.Image image) {
					parts.add(new Part("image_url", null, new ImageUrl(image.url())));
				}
			}
			return parts;
		}

	}

	/**
	 * A content part: {@code {"type":"text","text":...}} or
	 * {@code {"type":"image_url","image_url":{"url":...}}}.
	 *
	 * @param type {@code text} or {@code image_url}
	 * @param text the text of a text part
	 * @param imageUrl the image of an image part
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Part(String type, @Nullable String text, @JsonProperty("image_url") @Nullable ImageUrl imageUrl) {
	}

	/**
	 * An image reference.
	 *
	 * @param url a URL the provider can fetch, or a {@code data:} URL
	 */
	public record ImageUrl(String url) {
	}

	/**
	 * A complete reply or one stream event: the same shape, with {@code message} in a
	 * reply and {@code delta} in an event. Only {@code choices} is needed; {@code id},
	 * {@code object}, {@code created} and the like land in {@code extra}.
	 *
	 * @param choices the answers (the first is read)
	 * @param usage token counts, if reported here
	 * @param model the model that answered, if reported
	 * @param error an error object sent instead of an answer
	 * @param extra every other field
	 */
	public record Reply(@Nullable List<Choice> choices, @Nullable TokenUsage usage, @Nullable String model,
			@Nullable ErrorObject error, @JsonAnySetter @Nullable Map<String, @Nullable Object> extra) {

		/** The unmapped fields, possibly none. */
		public Map<String, @Nullable Object> extraOrEmpty() {
			return (this.extra != null) ? this.extra : Map.of();
		}

		/** The first choice, if there is one. */
		public @Nullable Choice firstChoice() {
			return (this.choices != null && !this.choices.isEmpty()) ? this.choices.get(0) : null;
		}

	}

	/**
	 * One choice. Some endpoints (LinkAI, Moonshot) put the final event's {@code usage}
	 * here.
	 *
	 * @param index the choice's index
	 * @param message the answer, in a reply
	 * @param delta the new content, in a stream event
	 * @param finishReason why generation stopped, on the choice's last event
	 * @param usage token counts, if reported here
	 */
	public record Choice(@Nullable Integer index, @Nullable Content message, @Nullable Content delta,
			@JsonProperty("finish_reason") @Nullable String finishReason, @Nullable TokenUsage usage) {
	}

	/**
	 * A message or delta.
	 *
	 * @param role the role, if sent
	 * @param content text, or a list of parts for multimodal output
	 */
	public record Content(@Nullable String role, @Nullable Object content) {

		/** The text, joining the text parts of multimodal content. */
		public String text() {
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

	}

	/**
	 * Token counts.
	 *
	 * @param promptTokens tokens of the request
	 * @param completionTokens tokens of the answer
	 * @param totalTokens the total
	 */
	public record TokenUsage(@JsonProperty("prompt_tokens") @Nullable Integer promptTokens,
			@JsonProperty("completion_tokens") @Nullable Integer completionTokens,
			@JsonProperty("total_tokens") @Nullable Integer totalTokens) {
	}

	/**
	 * The error object, {@code {"message":...,"type":...,"code":...}}.
	 *
	 * @param message what went wrong
	 * @param type the error type, e.g. {@code invalid_request_error}
	 * @param code a code, a string or a number depending on the endpoint
	 * @param httpCode the HTTP status of an error inside a stream ({@code "400"}), if
	 * given
	 */
	public record ErrorObject(@Nullable String message, @Nullable String type, @Nullable Object code,
			@JsonProperty("http_code") @Nullable Object httpCode) {

		/** The error; its type, else its code (Zhipu sends a code and no type). */
		public StreamError toStreamError() {
			String kind = (this.type != null) ? this.type : (this.code != null) ? this.code.toString() : null;
			return new StreamError(kind, this.message, StreamError.httpStatus(this.httpCode));
		}

	}

}
