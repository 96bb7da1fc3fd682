package io.github.linkai.spring.ai;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import io.github.linkai.spring.client.ProviderOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.DefaultChatOptions;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * Spring AI chat options for a {@link ClientChatModel}: the neutral options (model,
 * temperature, top-p, max tokens), a provider's own through its {@link ProviderOptions},
 * and the memory-chat session id.
 *
 * <pre>{@code
 * chatClient.prompt().user("你好")
 *     .options(ClientChatOptions.builder().temperature(0.3).providerOptions(LinkAiOptions.appCode("G7z6vKwp")))
 *     .call().content();
 * }</pre>
 *
 * <p>
 * Spring AI's options interface also carries penalties, stop sequences, top-k and tools,
 * and its {@code ChatClient} fills in whatever it is given. They are kept here, never
 * dropped, so that the model can reject a call that sets one, naming it; the same holds
 * for options of another Spring AI model's type merged in (their own fields cannot be
 * read through the interface). It implements {@link ToolCallingChatOptions} for that
 * reason only: otherwise {@code ChatClient} would silently leave out the tools of
 * {@code .tools(...)}.
 */
public final class ClientChatOptions implements ToolCallingChatOptions {

	private final @Nullable String model;

	private final @Nullable Double temperature;

	private final @Nullable Double topP;

	private final @Nullable Integer maxTokens;

	private final @Nullable String sessionId;

	private final List<ProviderOptions> providerOptions;

	private final @Nullable Double frequencyPenalty;

	private final @Nullable Double presencePenalty;

	private final @Nullable List<String> stopSequences;

	private final @Nullable Integer topK;

	private final List<ToolCallback> toolCallbacks;

	private final Map<String, Object> toolContext;

	private final @Nullable String foreignType;

	private ClientChatOptions(Builder builder) {
		this.model = builder.model;
		this.temperature = builder.temperature;
		this.topP = builder.topP;
		this.maxTokens = builder.maxTokens;
		this.sessionId = builder.sessionId;
		this.providerOptions = List.copyOf(builder.providerOptions.values());
		this.frequencyPenalty = builder.frequencyPenalty;
		this.presencePenalty = builder.presencePenalty;
		this.stopSequences = (builder.stopSequences != null) ? List.copyOf(builder.stopSequences) : null;
		this.topK = builder.topK;
		this.toolCallbacks = List.copyOf(builder.toolCallbacks);
		this.toolContext = Collections.unmodifiableMap(new LinkedHashMap<>(builder.toolContext));
		this.foreignType = builder.foreignType;
	}

	/** A new builder. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The given options as ours: the same instance if they are, else their values read
	 * through the interface.
	 */
	public static ClientChatOptions from(ChatOptions options) {
		return (options instanceof ClientChatOptions ours) ? ours : builder().merge(options).build();
	}

	@Override
	public @Nullable String getModel() {
		return this.model;
	}

	@Override
	public @Nullable Double getTemperature() {
		return this.temperature;
	}

	@Override
	public @Nullable Double getTopP() {
		return this.topP;
	}

	@Override
	public @Nullable Integer getMaxTokens() {
		return this.maxTokens;
	}

	/** The memory-chat session id; {@code null} lets the server assign one. */
	public @Nullable String getSessionId() {
		return this.sessionId;
	}

	/** The providers' own options, at most one per type. */
	public List<ProviderOptions> getProviderOptions() {
		return this.providerOptions;
	}

	/**
	 * Not sent by any client: a call that sets it is rejected (a provider's penalties are
	 * its options).
	 */
	@Override
	public @Nullable Double getFrequencyPenalty() {
		return this.frequencyPenalty;
	}

	/**
	 * Not sent by any client: a call that sets it is rejected (a provider's penalties are
	 * its options).
	 */
	@Override
	public @Nullable Double getPresencePenalty() {
		return this.presencePenalty;
	}

	/**
	 * Not sent by any client: a call that sets it is rejected (a provider's stop words
	 * are its options).
	 */
	@Override
	public @Nullable List<String> getStopSequences() {
		return this.stopSequences;
	}

	/**
	 * Not sent by any client: a call that sets it is rejected (a provider's top-k is its
	 * options).
	 */
	@Override
	public @Nullable Integer getTopK() {
		return this.topK;
	}

	/** Tools: the clients' APIs take none, so a call that has any is rejected. */
	@Override
	public List<ToolCallback> getToolCallbacks() {
		return this.toolCallbacks;
	}

	/** The tools' context: rejected with the tools. */
	@Override
	public Map<String, Object> getToolContext() {
		return this.toolContext;
	}

	/**
	 * The class of another model's options merged into these, whose own fields could not
	 * be read; a call with it is rejected. {@code null} when there was none.
	 */
	@Nullable String getForeignType() {
		return this.foreignType;
	}

	@Override
	public Builder mutate() {
		return new Builder().merge(this);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof ClientChatOptions that)) {
			return false;
		}
		return Objects.equals(this.model, that.model) && Objects.equals(this.temperature, that.temperature)
				&& Objects.equals(this.topP, that.topP) && Objects.equals(this.maxTokens, that.maxTokens)
				&& Objects.equals(this.sessionId, that.sessionId) && this.providerOptions.equals(that.providerOptions)
				&& Objects.equals(this.frequencyPenalty, that.frequencyPenalty)
				&& Objects.equals(this.presencePenalty, that.presencePenalty)
				&& Objects.equals(this.stopSequences, that.stopSequences) && Objects.equals(this.topK, that.topK)
				&& this.toolCallbacks.equals(that.toolCallbacks) && this.toolContext.equals(that.toolContext)
				&& Objects.equals(this.foreignType, that.foreignType);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.model, this.temperature, this.topP, this.maxTokens, this.sessionId,
				this.providerOptions, this.frequencyPenalty, this.presencePenalty, this.stopSequences, this.topK,
				this.toolCallbacks, this.toolContext, this.foreignType);
	}

	/**
	 * The options, whether a session id is set but not the id (it identifies a user), and
	 * the tools' count.
	 */
	@Override
	public String toString() {
		return "ClientChatOptions[model=" + this.model + ", temperature=" + this.temperature + ", topP=" + this.topP
				+ ", maxTokens=" + this.maxTokens + ", sessionId=" + ((this.sessionId != null) ? "<set>" : "none")
				+ ", providerOptions=" + this.providerOptions.stream().map((o) -> o.getClass().getSimpleName()).toList()
				+ ", toolCallbacks=" + this.toolCallbacks.size() + "]";
	}

	/**
	 * Builds {@link ClientChatOptions}; also what Spring AI's {@code ChatClient} fills in
	 * per call.
	 */
	public static final class Builder implements ToolCallingChatOptions.Builder<Builder> {

		private @Nullable String model;

		private @Nullable Double temperature;

		private @Nullable Double topP;

		private @Nullable Integer maxTokens;

		private @Nullable String sessionId;

		private Map<Class<?>, ProviderOptions> providerOptions = new LinkedHashMap<>();

		private @Nullable Double frequencyPenalty;

		private @Nullable Double presencePenalty;

		private @Nullable List<String> stopSequences;

		private @Nullable Integer topK;

		private List<ToolCallback> toolCallbacks = new ArrayList<>();

		private Map<String, Object> toolContext = new LinkedHashMap<>();

		private @Nullable String foreignType;

		private Builder() {
		}

		@Override
		public Builder clone() {
			try {
				Builder copy = (Builder) super.clone();
				copy.providerOptions = new LinkedHashMap<>(this.providerOptions);
				copy.stopSequences = (this.stopSequences != null) ? new ArrayList<>(this.stopSequences) : null;
				copy.toolCallbacks = new ArrayList<>(this.toolCallbacks);
				copy.toolContext = new LinkedHashMap<>(this.toolContext);
				return copy;
			}
			catch (CloneNotSupportedException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		@Override
		public Builder temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return this;
		}

		@Override
		public Builder topP(@Nullable Double topP) {
			this.topP = topP;
			return this;
		}

		@Override
		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		/**
		 * The memory-chat session id (see {@link ClientChatModel}); a plain chat model
		 * rejects it.
		 */
		public Builder sessionId(@Nullable String sessionId) {
			this.sessionId = sessionId;
			return this;
		}

		/**
		 * Attaches one provider's options ({@code LinkAiOptions}...), replacing earlier
		 * ones of the same type.
		 */
		public Builder providerOptions(ProviderOptions options) {
			Objects.requireNonNull(options, "options must not be null");
			this.providerOptions.put(options.getClass(), options);
			return this;
		}

		@Override
		public Builder frequencyPenalty(@Nullable Double frequencyPenalty) {
			this.frequencyPenalty = frequencyPenalty;
			return this;
		}

		@Override
		public Builder presencePenalty(@Nullable Double presencePenalty) {
			this.presencePenalty = presencePenalty;
			return this;
		}

		@Override
		public Builder stopSequences(@Nullable List<String> stopSequences) {
			this.stopSequences = (stopSequences != null) ? new ArrayList<>(stopSequences) : null;
			return this;
		}

		@Override
		public Builder topK(@Nullable Integer topK) {
			this.topK = topK;
			return this;
		}

		@Override
		public Builder toolCallbacks(@Nullable List<ToolCallback> toolCallbacks) {
			this.toolCallbacks = (toolCallbacks != null) ? new ArrayList<>(toolCallbacks) : new ArrayList<>();
			return this;
		}

		@Override
		public Builder toolCallbacks(ToolCallback... toolCallbacks) {
			return toolCallbacks(List.of(toolCallbacks));
		}

		@Override
		public Builder toolContext(@Nullable Map<String, Object> context) {
			if (context != null) {
				this.toolContext.putAll(context);
			}
			return this;
		}

		@Override
		public Builder toolContext(String key, Object value) {
			this.toolContext.put(key, value);
			return this;
		}

		/**
		 * Takes every value the other builder's options set. Spring AI's builder
		 * interface has no getters, so the other builder is built and its options read.
		 */
		@Override
		public Builder combineWith(ChatOptions.Builder<?> other) {
			return merge(other.build());
		}

		private Builder merge(ChatOptions options) {
			set(options.getModel(), this::model);
			set(options.getTemperature(), this::temperature);
			set(options.getTopP(), this::topP);
			set(options.getMaxTokens(), this::maxTokens);
			set(options.getFrequencyPenalty(), this::frequencyPenalty);
			set(options.getPresencePenalty(), this::presencePenalty);
			set(options.getStopSequences(), this::stopSequences);
			set(options.getTopK(), this::topK);
			if (options instanceof ToolCallingChatOptions tools) {
				if (tools.getToolCallbacks() != null && !tools.getToolCallbacks().isEmpty()) {
					toolCallbacks(tools.getToolCallbacks());
				}
				toolContext(tools.getToolContext());
			}
			if (options instanceof ClientChatOptions ours) {
				set(ours.sessionId, this::sessionId);
				ours.providerOptions.forEach(this::providerOptions);
				set(ours.foreignType, (type) -> this.foreignType = type);
			}
			else if (options.getClass() != DefaultChatOptions.class
					&& options.getClass() != DefaultToolCallingChatOptions.class) {
				this.foreignType = options.getClass().getName();
			}
			return this;
		}

		private static <T> void set(@Nullable T value, Consumer<T> setter) {
			if (value != null) {
				setter.accept(value);
			}
		}

		@Override
		public ClientChatOptions build() {
			return new ClientChatOptions(this);
		}

	}

}
