package io.github.linkai.spring.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A chat request in provider-neutral form. Build one with {@link #builder()}, or use the
 * {@code ChatClient} overloads that take a single user message.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *         .system("你是一个客服助手")
 *         .user("这张图是什么?", "https://example.com/cat.jpg")
 *         .temperature(0.3)
 *         .build();
 * }</pre>
 *
 * <p>
 * With tools, the model may answer with tool calls instead of text: run them and send the
 * conversation again with the answer and the results.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder().user("上海现在几点?").tool(currentTime).build();
 * ChatResponse answer = client.chat(request);
 * if (answer.hasToolCalls()) {
 *     ChatRequest.Builder next = request.mutate().message(answer.message());
 *     answer.toolCalls().forEach((call) -> next.toolResult(call.id(), run(call)));
 *     answer = client.chat(next.build());
 * }
 * }</pre>
 *
 * @param messages the conversation, oldest first
 * @param options generation options; unset fields fall back to the client's defaults
 * @param sessionId the server-side conversation id (LinkAI memory chat); {@code null}
 * lets the server assign one
 * @param providerOptions options of one provider, by their type
 * @param tools the tools the model may call; possibly empty
 * @param toolChoice whether and which tool the model must call; {@code null} leaves it to
 * the provider (which lets the model decide)
 * @param parallelToolCalls whether the model may call several tools at once; {@code null}
 * leaves it to the provider
 * @param responseFormat the form of the answer (JSON, JSON that fits a schema);
 * {@code null} for the provider's default, text
 */
public record ChatRequest(List<ChatMessage> messages, ChatOptions options, @Nullable String sessionId,
		Map<Class<? extends ProviderOptions>, ProviderOptions> providerOptions, List<ToolDefinition> tools,
		@Nullable ToolChoice toolChoice, @Nullable Boolean parallelToolCalls, @Nullable ResponseFormat responseFormat) {

	public ChatRequest {
		Objects.requireNonNull(messages, "messages must not be null");
		Objects.requireNonNull(options, "options must not be null");
		Objects.requireNonNull(providerOptions, "providerOptions must not be null");
		Objects.requireNonNull(tools, "tools must not be null");
		messages = List.copyOf(messages);
		providerOptions = Map.copyOf(providerOptions);
		tools = List.copyOf(tools);
	}

	/** A request without tools or a response format. */
	public ChatRequest(List<ChatMessage> messages, ChatOptions options, @Nullable String sessionId,
			Map<Class<? extends ProviderOptions>, ProviderOptions> providerOptions) {
		this(messages, options, sessionId, providerOptions, List.of(), null, null, null);
	}

	/** A request with a single user message and no options. */
	public static ChatRequest of(String userMessage) {
		return builder().user(userMessage).build();
	}

	/** A new builder. */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder holding this request's values, to derive a changed copy. */
	public Builder mutate() {
		Builder builder = new Builder();
		builder.messages.addAll(this.messages);
		builder.options(this.options);
		builder.sessionId = this.sessionId;
		builder.providerOptions.putAll(this.providerOptions);
		builder.tools.addAll(this.tools);
		builder.toolChoice = this.toolChoice;
		builder.parallelToolCalls = this.parallelToolCalls;
		builder.responseFormat = this.responseFormat;
		return builder;
	}

	/**
	 * What the request is made of, not what it says: the messages' count and roles, the
	 * options, whether a session id is set, the provider options' types and the tools'
	 * names. The text and the session id identify a user, and a request ends up in logs
	 * and exception messages.
	 */
	@Override
	public String toString() {
		List<String> roles = new ArrayList<>(this.messages.size());
		for (ChatMessage message : this.messages) {
			roles.add(message.role().wireName());
		}
		List<String> types = new ArrayList<>();
		for (Class<? extends ProviderOptions> type : this.providerOptions.keySet()) {
			types.add(type.getSimpleName());
		}
		types.sort(null);
		return "ChatRequest[messages=" + this.messages.size() + " " + roles + ", options=" + this.options
				+ ", sessionId=" + ((this.sessionId != null) ? "<set>" : "none") + ", providerOptions=" + types
				+ (this.tools.isEmpty() ? "" : ", tools=" + this.tools.stream().map(ToolDefinition::name).toList())
				+ ((this.toolChoice != null) ? ", toolChoice=" + this.toolChoice : "")
				+ ((this.parallelToolCalls != null) ? ", parallelToolCalls=" + this.parallelToolCalls : "")
				+ ((this.responseFormat != null) ? ", responseFormat=" + this.responseFormat.type() : "") + "]";
	}

	/** The options of the given provider type, if the request carries them. */
	public <T extends ProviderOptions> @Nullable T providerOptions(Class<T> type) {
		return type.cast(this.providerOptions.get(type));
	}

	/** Builds a {@link ChatRequest}. */
	public static final class Builder {

		private final List<ChatMessage> messages = new ArrayList<>();

		private final Map<Class<? extends ProviderOptions>, ProviderOptions> providerOptions = new LinkedHashMap<>();

		private @Nullable String model;

		private @Nullable Double temperature;

		private @Nullable Double topP;

		private @Nullable Integer maxTokens;

		private @Nullable String sessionId;

		private final List<ToolDefinition> tools = new ArrayList<>();

		private @Nullable ToolChoice toolChoice;

		private @Nullable Boolean parallelToolCalls;

		private @Nullable ResponseFormat responseFormat;

		private Builder() {
		}

		/** Adds a message. */
		public Builder message(ChatMessage message) {
			this.messages.add(Objects.requireNonNull(message, "message must not be null"));
			return this;
		}

		/** Adds messages, e.g. a conversation's history. */
		public Builder messages(List<ChatMessage> messages) {
			Objects.requireNonNull(messages, "messages must not be null").forEach(this::message);
			return this;
		}

		/** Adds a system message. */
		public Builder system(String text) {
			return message(ChatMessage.system(text));
		}

		/** Adds a user message, with images when URLs are given. */
		public Builder user(String text, String... imageUrls) {
			return message(ChatMessage.user(text, imageUrls));
		}

		/** Adds an earlier assistant answer. */
		public Builder assistant(String text) {
			return message(ChatMessage.assistant(text));
		}

		/** Adds the result of the tool call with this id. */
		public Builder toolResult(String toolCallId, String content) {
			return message(ChatMessage.toolResult(toolCallId, content));
		}

		/** Adds a tool the model may call. */
		public Builder tool(ToolDefinition tool) {
			this.tools.add(Objects.requireNonNull(tool, "tool must not be null"));
			return this;
		}

		/** Adds tools the model may call. */
		public Builder tools(List<ToolDefinition> tools) {
			Objects.requireNonNull(tools, "tools must not be null").forEach(this::tool);
			return this;
		}

		/** Whether and which tool the model must call. */
		public Builder toolChoice(@Nullable ToolChoice toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		/** Whether the model may call several tools at once. */
		public Builder parallelToolCalls(@Nullable Boolean parallelToolCalls) {
			this.parallelToolCalls = parallelToolCalls;
			return this;
		}

		/** The form of the answer. */
		public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/** Sets every generation option at once. */
		public Builder options(ChatOptions options) {
			this.model = options.model();
			this.temperature = options.temperature();
			this.topP = options.topP();
			this.maxTokens = options.maxTokens();
			return this;
		}

		/** The model code, e.g. {@code LinkAiModel.LINKAI_4O_MINI.code()}. */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/** The sampling temperature. */
		public Builder temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return this;
		}

		/** Nucleus sampling. */
		public Builder topP(@Nullable Double topP) {
			this.topP = topP;
			return this;
		}

		/** The longest answer in tokens. */
		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		/** The server-side conversation id (LinkAI memory chat). */
		public Builder sessionId(@Nullable String sessionId) {
			this.sessionId = sessionId;
			return this;
		}

		/**
		 * Attaches one provider's options ({@code LinkAiOptions}, {@code LingmaOptions},
		 * {@code JijyunOptions}, {@code OpenAiOptions}), replacing earlier ones of the
		 * same type.
		 */
		public Builder providerOptions(ProviderOptions options) {
			Objects.requireNonNull(options, "options must not be null");
			this.providerOptions.put(options.getClass(), options);
			return this;
		}

		/** The request. */
		public ChatRequest build() {
			return new ChatRequest(this.messages,
					new ChatOptions(this.model, this.temperature, this.topP, this.maxTokens), this.sessionId,
					this.providerOptions, this.tools, this.toolChoice, this.parallelToolCalls, this.responseFormat);
		}

	}

}
