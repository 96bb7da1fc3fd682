package io.github.linkai.spring.ai;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import io.github.linkai.spring.client.ProviderOptions;
import io.github.linkai.spring.client.ResponseFormat;
import io.github.linkai.spring.client.ToolChoice;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.DefaultChatOptions;
import org.springframework.ai.model.tool.DefaultStructuredOutputChatOptions;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
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
 * Tools: as {@link ToolCallingChatOptions}, the options carry the tool callbacks of
 * {@code .tools(...)}, whose definitions the model sends; Spring AI's {@code ChatClient}
 * runs the tools the answer calls and asks again (its tool-calling advisor), so
 * {@code ChatClient.create(model).prompt().user(...).tools(new WeatherTools())
 * .call()} works as on Spring AI's own models. The tool context stays local: it is never
 * sent. {@link #getToolChoice()}, {@link #getParallelToolCalls()} and
 * {@link #getResponseFormat()} set the request's fields of those names.
 *
 * <p>
 * Structured output: as {@link StructuredOutputChatOptions}, the options take the JSON
 * Schema Spring AI's {@code .entity(...)} derives when native structured output is asked
 * for ({@code .entity(Type.class, spec -> spec.useProviderStructuredOutput())} or
 * {@code AdvisorParams.ENABLE_NATIVE_STRUCTURED_OUTPUT}), and the model sends it as the
 * provider's JSON schema response format (name {@code json_schema}, strict, as Spring
 * AI's OpenAI model does); without it, Spring AI appends its format instructions to the
 * prompt instead.
 *
 * <p>
 * Spring AI's options interface also carries penalties, stop sequences and top-k, and its
 * {@code ChatClient} fills in whatever it is given. They are kept here, never dropped, so
 * that the model can reject a call that sets one, naming it; the same holds for options
 * of another Spring AI model's type merged in (their own fields cannot be read through
 * the interface).
 */
public final class ClientChatOptions implements ToolCallingChatOptions, StructuredOutputChatOptions {

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

	private final @Nullable String outputSchema;

	private final @Nullable ToolChoice toolChoice;

	private final @Nullable Boolean parallelToolCalls;

	private final @Nullable ResponseFormat responseFormat;

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
		this.outputSchema = builder.outputSchema;
		this.toolChoice = builder.toolChoice;
		this.parallelToolCalls = builder.parallelToolCalls;
		this.responseFormat = builder.responseFormat;
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

	/**
	 * The tools the model may call; their definitions are sent, and Spring AI's
	 * {@code ChatClient} runs them. A client whose provider takes no tools rejects a call
	 * that has any.
	 */
	@Override
	public List<ToolCallback> getToolCallbacks() {
		return this.toolCallbacks;
	}

	/** The tools' context, for the tools when they run; never sent. */
	@Override
	public Map<String, Object> getToolContext() {
		return this.toolContext;
	}

	/**
	 * The JSON Schema the answer must fit, as Spring AI's native structured output sets
	 * it; sent as a JSON schema response format, which it overrides.
	 */
	@Override
	public @Nullable String getOutputSchema() {
		return this.outputSchema;
	}

	/**
	 * Whether and which tool the model must call; {@code null} leaves it to the model.
	 */
	public @Nullable ToolChoice getToolChoice() {
		return this.toolChoice;
	}

	/**
	 * Whether the model may call several tools at once; {@code null}: the provider's
	 * default.
	 */
	public @Nullable Boolean getParallelToolCalls() {
		return this.parallelToolCalls;
	}

	/** The form of the answer; {@code null}: text, or the output schema's when set. */
	public @Nullable ResponseFormat getResponseFormat() {
		return this.responseFormat;
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
				&& Objects.equals(this.foreignType, that.foreignType)
				&& Objects.equals(this.outputSchema, that.outputSchema)
				&& Objects.equals(this.toolChoice, that.toolChoice)
				&& Objects.equals(this.parallelToolCalls, that.parallelToolCalls)
				&& Objects.equals(this.responseFormat, that.responseFormat);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.model, this.temperature, this.topP, this.maxTokens, this.sessionId,
				this.providerOptions, this.frequencyPenalty, this.presencePenalty, this.stopSequences, this.topK,
				this.toolCallbacks, this.toolContext, this.foreignType, this.outputSchema, this.toolChoice,
				this.parallelToolCalls, this.responseFormat);
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
				+ ", toolCallbacks=" + this.toolCallbacks.size()
				+ ((this.toolChoice != null) ? ", toolChoice=" + this.toolChoice : "")
				+ ((this.parallelToolCalls != null) ? ", parallelToolCalls=" + this.parallelToolCalls : "")
				+ ((this.responseFormat != null) ? ", responseFormat=" + this.responseFormat.type() : "")
				+ ((this.outputSchema != null) ? ", outputSchema=<set>" : "") + "]";
	}

	/**
	 * Builds {@link ClientChatOptions}; also what Spring AI's {@code ChatClient} fills in
	 * per call.
	 */
	public static final class Builder
			implements ToolCallingChatOptions.Builder<Builder>, StructuredOutputChatOptions.Builder<Builder> {

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

		private @Nullable String outputSchema;

		private @Nullable ToolChoice toolChoice;

		private @Nullable Boolean parallelToolCalls;

		private @Nullable ResponseFormat responseFormat;

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
		 * The JSON Schema the answer must fit (Spring AI's native structured output sets
		 * it).
		 */
		@Override
		public Builder outputSchema(@Nullable String outputSchema) {
			this.outputSchema = outputSchema;
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

		/** The form of the answer (a JSON object, JSON that fits a schema). */
		public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
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
			if (options instanceof StructuredOutputChatOptions structured) {
				set(structured.getOutputSchema(), this::outputSchema);
			}
			if (options instanceof ClientChatOptions ours) {
				set(ours.sessionId, this::sessionId);
				ours.providerOptions.forEach(this::providerOptions);
				set(ours.foreignType, (type) -> this.foreignType = type);
				set(ours.toolChoice, this::toolChoice);
				set(ours.parallelToolCalls, this::parallelToolCalls);
				set(ours.responseFormat, this::responseFormat);
			}
			else if (options.getClass() != DefaultChatOptions.class
					&& options.getClass() != DefaultToolCallingChatOptions.class
					&& options.getClass() != DefaultStructuredOutputChatOptions.class) {
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
