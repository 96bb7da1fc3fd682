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
 * @param messages the conversation, oldest first
 * @param options generation options; unset fields fall back to the client's defaults
 * @param sessionId the server-side conversation id (LinkAI memory chat); {@code null}
 * lets the server assign one
 * @param providerOptions options of one provider, by their type
 */
public record ChatRequest(List<ChatMessage> messages, ChatOptions options, @Nullable String sessionId,
		Map<Class<? extends ProviderOptions>, ProviderOptions> providerOptions) {

	public ChatRequest {
		Objects.requireNonNull(messages, "messages must not be null");
		Objects.requireNonNull(options, "options must not be null");
		Objects.requireNonNull(providerOptions, "providerOptions must not be null");
		messages = List.copyOf(messages);
		providerOptions = Map.copyOf(providerOptions);
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
		return builder;
	}

	/**
	 * What the request is made of, not what it says: the messages' count and roles, the
	 * options, whether a session id is set and the provider options' types. The text and
	 * the session id identify a user, and a request ends up in logs and exception
	 * messages.
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
				+ ", sessionId=" + ((this.sessionId != null) ? "<set>" : "none") + ", providerOptions=" + types + "]";
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
					this.providerOptions);
		}

	}

}
