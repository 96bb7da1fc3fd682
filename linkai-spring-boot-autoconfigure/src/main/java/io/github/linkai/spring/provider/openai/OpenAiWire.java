package io.github.linkai.spring.provider.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ContentPart;
import io.github.linkai.spring.client.ResponseFormat;
import io.github.linkai.spring.client.Role;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.ToolChoice;
import io.github.linkai.spring.client.ToolDefinition;
import io.github.linkai.spring.client.spi.StreamError;
import io.github.linkai.spring.client.spi.WireJson;
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
	 * {@code tool_choice}: {@code "auto"}, {@code "none"}, {@code "required"}, or
	 * {@code {"type":"function","function":{"name":...}}}; {@code null} to leave it out.
	 */
	public static @Nullable Object toolChoice(@Nullable ToolChoice choice) {
		if (choice == null) {
			return null;
		}
		return switch (choice.kind()) {
			case AUTO -> "auto";
			case NONE -> "none";
			case REQUIRED -> "required";
			case FUNCTION -> new NamedToolChoice("function", new FunctionName(String.valueOf(choice.functionName())));
		};
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
			@Nullable List<Tool> tools, @JsonProperty("tool_choice") @Nullable Object toolChoice,
			@JsonProperty("parallel_tool_calls") @Nullable Boolean parallelToolCalls,
			@JsonProperty("response_format") @Nullable ResponseFormatBody responseFormat,
			@JsonProperty("reasoning_effort") @Nullable String reasoningEffort, @Nullable Boolean stream,
			@JsonProperty("stream_options") @Nullable StreamOptions streamOptions,
			@JsonAnyGetter @Nullable Map<String, @Nullable Object> extra) {
	}

	/**
	 * {@code {"type":"function","function":{...}}}, one of a request's {@code tools}.
	 *
	 * @param type always {@code function}
	 * @param function the function
	 */
	public record Tool(String type, Function function) {

		/** The request's tools, {@code null} for none (the field is left out). */
		public static @Nullable List<Tool> of(ChatRequest request) {
			if (request.tools().isEmpty()) {
				return null;
			}
			List<Tool> tools = new ArrayList<>(request.tools().size());
			for (ToolDefinition tool : request.tools()) {
				tools.add(new Tool("function",
						new Function(tool.name(), tool.description(), tool.parameters().asMap(), tool.strict())));
			}
			return tools;
		}

	}

	/**
	 * A tool's function.
	 *
	 * @param name its name
	 * @param description what it does, if given
	 * @param parameters the JSON Schema of its arguments
	 * @param strict whether the arguments must fit the schema exactly, if set
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Function(String name, @Nullable String description, Map<String, @Nullable Object> parameters,
			@Nullable Boolean strict) {
	}

	/**
	 * A tool choice naming one function.
	 *
	 * @param type always {@code function}
	 * @param function the function's name
	 */
	public record NamedToolChoice(String type, FunctionName function) {
	}

	/**
	 * A function's name.
	 *
	 * @param name the name
	 */
	public record FunctionName(String name) {
	}

	/**
	 * {@code response_format}: {@code {"type":"text"}}, {@code {"type":"json_object"}} or
	 * {@code {"type":"json_schema","json_schema":{"name","schema","strict"}}}.
	 *
	 * @param type the form of the answer
	 * @param jsonSchema the schema, for {@code json_schema}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ResponseFormatBody(String type, @JsonProperty("json_schema") @Nullable JsonSchemaBody jsonSchema) {

		/** The request's response format, {@code null} for none. */
		public static @Nullable ResponseFormatBody of(@Nullable ResponseFormat format) {
			if (format == null) {
				return null;
			}
			return switch (format.type()) {
				case TEXT -> new ResponseFormatBody("text", null);
				case JSON_OBJECT -> new ResponseFormatBody("json_object", null);
				case JSON_SCHEMA -> new ResponseFormatBody("json_schema",
						new JsonSchemaBody(String.valueOf(format.name()),
								Objects.requireNonNull(format.schema(), "schema (validation checks it)").asMap(),
								format.strict()));
			};
		}

	}

	/**
	 * A named schema of a JSON answer.
	 *
	 * @param name the schema's name
	 * @param schema the JSON Schema
	 * @param strict whether the answer must fit it exactly, if set
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record JsonSchemaBody(String name, Map<String, @Nullable Object> schema, @Nullable Boolean strict) {
	}

	/** Asks a stream to report usage, in a last event with no choices. */
	record StreamOptions(@JsonProperty("include_usage") boolean includeUsage) {
	}

	/**
	 * A message: {@code content} is a string, or a list of {@link Part}s; an assistant
	 * message may add its tool calls and reasoning, a tool message the call it answers.
	 *
	 * @param role the role's wire name
	 * @param content a {@code String} or a {@code List<Part>}; {@code null} (written as
	 * JSON null) for an assistant message that only calls tools
	 * @param toolCalls an assistant message's tool calls, if any
	 * @param toolCallId the call a tool message answers
	 * @param reasoningContent an assistant message's reasoning, sent back where the
	 * provider needs it
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Message(String role, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Object content,
			@JsonProperty("tool_calls") @Nullable List<OutToolCall> toolCalls,
			@JsonProperty("tool_call_id") @Nullable String toolCallId,
			@JsonProperty("reasoning_content") @Nullable String reasoningContent) {

		/** A message of a role and content only. */
		public Message(String role, Object content) {
			this(role, content, null, null, null);
		}

		/**
		 * The messages of a conversation, reasoning sent back as DeepSeek's thinking mode
		 * needs it: see {@link #of(List, boolean)}.
		 */
		public static List<Message> of(List<ChatMessage> messages) {
			return of(messages, true);
		}

		/**
		 * The messages of a conversation: plain text as a string, anything else as text
		 * and image parts; tool calls and results in OpenAI's shape. With
		 * {@code replayReasoning}, an assistant message's reasoning is sent back as
		 * {@code reasoning_content}, and once the conversation holds both reasoning and
		 * tool calls every other assistant message gets an empty one: DeepSeek's thinking
		 * mode (and the models LinkAI proxies) answer 400 when a tool-call turn lacks it,
		 * and check that the field is there, not what it holds. A conversation without
		 * reasoning is sent without the field, as plain OpenAI expects.
		 */
		public static List<Message> of(List<ChatMessage> messages, boolean replayReasoning) {
			boolean backfill = false;
			if (replayReasoning) {
				boolean reasoning = false;
				boolean calls = false;
				for (ChatMessage message : messages) {
					reasoning |= message.reasoningContent() != null;
					calls |= message.hasToolCalls();
				}
				backfill = reasoning && calls;
			}
			List<Message> wire = new ArrayList<>(messages.size());
			for (ChatMessage message : messages) {
				wire.add(of(message, replayReasoning, backfill));
			}
			return wire;
		}

		private static Message of(ChatMessage message, boolean replayReasoning, boolean backfill) {
			if (message.role() == Role.TOOL) {
				return new Message(message.role().wireName(), message.text(), null, message.toolCallId(), null);
			}
			if (message.role() != Role.ASSISTANT) {
				return new Message(message.role().wireName(), content(message));
			}
			String reasoning = null;
			if (replayReasoning) {
				reasoning = (message.reasoningContent() != null) ? message.reasoningContent() : (backfill ? "" : null);
			}
			List<OutToolCall> calls = null;
			if (message.hasToolCalls()) {
				calls = new ArrayList<>(message.toolCalls().size());
				for (ToolCall call : message.toolCalls()) {
					calls.add(new OutToolCall(call.id(), "function",
							new OutFunction(call.name(), call.arguments().isBlank() ? "{}" : call.arguments()),
							call.providerFields()));
				}
			}
			Object content = (message.parts().isEmpty() && calls != null) ? null : content(message);
			return new Message(message.role().wireName(), content, calls, null, reasoning);
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
	 * A tool call sent back in an assistant message.
	 *
	 * @param id the call's id
	 * @param type always {@code function}
	 * @param function the function and its arguments
	 * @param providerFields fields of the call the provider sent that the model does not
	 * map, written back unchanged
	 */
	public record OutToolCall(String id, String type, OutFunction function,
			@JsonAnyGetter Map<String, @Nullable Object> providerFields) {
	}

	/**
	 * A called function.
	 *
	 * @param name its name
	 * @param arguments the arguments, JSON text
	 */
	public record OutFunction(String name, String arguments) {
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
	 * @param imgUrls media of the answer (LinkAI), if any
	 * @param textContent the answer's text without the media (LinkAI), if sent
	 */
	public record Choice(@Nullable Integer index, @Nullable Content message, @Nullable Content delta,
			@JsonProperty("finish_reason") @Nullable String finishReason, @Nullable TokenUsage usage,
			@JsonProperty("img_urls") @Nullable List<String> imgUrls,
			@JsonProperty("text_content") @Nullable String textContent) {

	}

	/**
	 * A message or delta.
	 *
	 * @param role the role, if sent
	 * @param content text, or a list of parts for multimodal output
	 * @param reasoningContent reasoning (DeepSeek, Qwen, Kimi, GLM, LinkAI), if sent
	 * @param reasoning reasoning where vLLM and OpenRouter send it, if sent
	 * @param toolCalls tool calls, whole in a reply and in fragments in a stream
	 * @param refusal OpenAI's refusal text, if the model refused
	 */
	public record Content(@Nullable String role, @Nullable Object content,
			@JsonProperty("reasoning_content") @Nullable String reasoningContent, @Nullable String reasoning,
			@JsonProperty("tool_calls") @Nullable List<InToolCall> toolCalls, @Nullable String refusal) {

		/** The reasoning, from {@code reasoning_content}, else {@code reasoning}. */
		public @Nullable String reasoningText() {
			return (this.reasoningContent != null) ? this.reasoningContent : this.reasoning;
		}

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
	 * A tool call of a reply, or a fragment of one in a stream event.
	 *
	 * @param index its position among the answer's calls
	 * @param id its id
	 * @param type {@code function}
	 * @param function the function and (a piece of) its arguments
	 * @param extra every other field
	 */
	public record InToolCall(@Nullable Integer index, @Nullable String id, @Nullable String type,
			@Nullable InFunction function, @JsonAnySetter @Nullable Map<String, @Nullable Object> extra) {

		/** The unmapped fields, possibly none. */
		public Map<String, @Nullable Object> extraOrEmpty() {
			return (this.extra != null) ? this.extra : Map.of();
		}

	}

	/**
	 * A called function.
	 *
	 * @param name its name, if sent
	 * @param arguments its arguments as JSON text (some servers send a JSON object)
	 */
	public record InFunction(@Nullable String name, @Nullable Object arguments) {

		/** The arguments as JSON text; an object a server sent is written as JSON. */
		public @Nullable String argumentsText() {
			if (this.arguments == null || this.arguments instanceof String) {
				return (String) this.arguments;
			}
			return WireJson.mapper().writeValueAsString(this.arguments);
		}

	}

	/**
	 * Token counts.
	 *
	 * @param promptTokens tokens of the request
	 * @param completionTokens tokens of the answer
	 * @param totalTokens the total
	 * @param promptDetails the request's tokens in detail (OpenAI's
	 * {@code cached_tokens})
	 * @param completionDetails the answer's tokens in detail ({@code reasoning_tokens})
	 * @param promptCacheHitTokens DeepSeek's cached request tokens
	 * @param cachedTokens Moonshot's cached request tokens
	 */
	public record TokenUsage(@JsonProperty("prompt_tokens") @Nullable Integer promptTokens,
			@JsonProperty("completion_tokens") @Nullable Integer completionTokens,
			@JsonProperty("total_tokens") @Nullable Integer totalTokens,
			@JsonProperty("prompt_tokens_details") @Nullable TokenDetails promptDetails,
			@JsonProperty("completion_tokens_details") @Nullable TokenDetails completionDetails,
			@JsonProperty("prompt_cache_hit_tokens") @Nullable Integer promptCacheHitTokens,
			@JsonProperty("cached_tokens") @Nullable Integer cachedTokens) {

		/**
		 * The cached request tokens, wherever the endpoint reports them: OpenAI's
		 * details, DeepSeek's {@code prompt_cache_hit_tokens}, Moonshot's
		 * {@code cached_tokens}.
		 */
		public @Nullable Integer cachedInputTokens() {
			Integer cached = (this.promptDetails != null) ? this.promptDetails.cachedTokens() : null;
			return (cached != null) ? cached
					: (this.promptCacheHitTokens != null) ? this.promptCacheHitTokens : this.cachedTokens;
		}

		/** The answer's reasoning tokens, if reported. */
		public @Nullable Integer reasoningOutputTokens() {
			return (this.completionDetails != null) ? this.completionDetails.reasoningTokens() : null;
		}

	}

	/**
	 * Token counts in detail.
	 *
	 * @param cachedTokens request tokens read from the prompt cache
	 * @param reasoningTokens answer tokens spent on reasoning
	 */
	public record TokenDetails(@JsonProperty("cached_tokens") @Nullable Integer cachedTokens,
			@JsonProperty("reasoning_tokens") @Nullable Integer reasoningTokens) {
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
