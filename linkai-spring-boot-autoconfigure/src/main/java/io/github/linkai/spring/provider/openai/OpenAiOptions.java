package io.github.linkai.spring.provider.openai;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.linkai.spring.client.ProviderOptions;
import org.jspecify.annotations.Nullable;

/**
 * Options of OpenAI's chat completions beyond the neutral ones, and extra body fields for
 * what an endpoint adds (DeepSeek's or Qwen's {@code enable_search},
 * {@code response_format}...). A client holds defaults of this type
 * ({@code linkai.openai.*}); a request attaches its own with
 * {@code ChatRequest.builder().providerOptions(...)}, and each value it sets overrides
 * the client's.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *         .user("今天的新闻")
 *         .providerOptions(OpenAiOptions.builder().seed(42).extraBody("enable_search", true).build())
 *         .build();
 * }</pre>
 *
 * @param frequencyPenalty {@code frequency_penalty}, [-2, 2]
 * @param presencePenalty {@code presence_penalty}, [-2, 2]
 * @param seed {@code seed}, for repeatable sampling where the endpoint supports it
 * @param stop {@code stop}: up to 4 sequences, none empty (whitespace such as
 * {@code "\n"} is a sequence); {@code null} keeps the client's, an empty list sends none
 * @param user {@code user}, an id of your end user for the provider's abuse monitoring
 * (never a name or an e-mail)
 * @param extraBody fields written at the top level of the body as they are (a
 * {@code null} value as JSON {@code null}); a field the library sets ({@code model},
 * {@code messages}, {@code stream}, {@code stream_options} or a mapped option) is
 * rejected. Merged with the client's, this map's keys winning. A field the request or
 * these options also set ({@code tools}, {@code tool_choice},
 * {@code parallel_tool_calls}, {@code response_format}, {@code reasoning_effort}) is
 * rejected too: set it once
 * @param reasoningEffort {@code reasoning_effort} of reasoning models: OpenAI's
 * {@code low}, {@code medium}, {@code high} (and more by model), DeepSeek's {@code high}
 * and {@code max}; sent as given
 * @param replayReasoning whether an assistant message's reasoning is sent back as
 * {@code reasoning_content} (DeepSeek's thinking mode answers 400 when a tool-call turn
 * lacks it); {@code null} is {@code true}. A conversation without reasoning never sends
 * the field
 */
public record OpenAiOptions(@Nullable Double frequencyPenalty, @Nullable Double presencePenalty, @Nullable Integer seed,
		@Nullable List<String> stop, @Nullable String user, @Nullable Map<String, @Nullable Object> extraBody,
		@Nullable String reasoningEffort, @Nullable Boolean replayReasoning) implements ProviderOptions {

	private static final OpenAiOptions NONE = new OpenAiOptions(null, null, null, null, null, null, null, null);

	/**
	 * Copies the list and the map, keeping their order; their contents are checked when
	 * the options are used.
	 */
	public OpenAiOptions {
		stop = (stop != null) ? Collections.unmodifiableList(new ArrayList<>(stop)) : null;
		extraBody = (extraBody != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(extraBody)) : null;
	}

	/** Options without reasoning settings. */
	public OpenAiOptions(@Nullable Double frequencyPenalty, @Nullable Double presencePenalty, @Nullable Integer seed,
			@Nullable List<String> stop, @Nullable String user, @Nullable Map<String, @Nullable Object> extraBody) {
		this(frequencyPenalty, presencePenalty, seed, stop, user, extraBody, null, null);
	}

	/** Options with nothing set. */
	public static OpenAiOptions none() {
		return NONE;
	}

	/** A builder. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * These options, with every unset value taken from {@code defaults}; extra body
	 * fields are merged, these options' keys winning.
	 */
	public OpenAiOptions orElse(OpenAiOptions defaults) {
		return new OpenAiOptions((this.frequencyPenalty != null) ? this.frequencyPenalty : defaults.frequencyPenalty,
				(this.presencePenalty != null) ? this.presencePenalty : defaults.presencePenalty,
				(this.seed != null) ? this.seed : defaults.seed, (this.stop != null) ? this.stop : defaults.stop,
				(this.user != null) ? this.user : defaults.user, merge(this.extraBody, defaults.extraBody),
				(this.reasoningEffort != null) ? this.reasoningEffort : defaults.reasoningEffort,
				(this.replayReasoning != null) ? this.replayReasoning : defaults.replayReasoning);
	}

	private static @Nullable Map<String, @Nullable Object> merge(@Nullable Map<String, @Nullable Object> own,
			@Nullable Map<String, @Nullable Object> defaults) {
		if (own == null || defaults == null) {
			return (own != null) ? own : defaults;
		}
		Map<String, @Nullable Object> merged = new LinkedHashMap<>(defaults);
		merged.putAll(own);
		return merged;
	}

	@Override
	public String provider() {
		return OpenAi.PROVIDER;
	}

	/**
	 * The end-user id only as whether it is set and the extra body fields by name: both
	 * may be user data.
	 */
	@Override
	public String toString() {
		return "OpenAiOptions[frequencyPenalty=" + this.frequencyPenalty + ", presencePenalty=" + this.presencePenalty
				+ ", seed=" + this.seed + ", stop=" + this.stop + ", user=" + ((this.user != null) ? "<set>" : null)
				+ ", extraBody=" + ((this.extraBody != null) ? this.extraBody.keySet() : null)
				+ ((this.reasoningEffort != null) ? ", reasoningEffort=" + this.reasoningEffort : "")
				+ ((this.replayReasoning != null) ? ", replayReasoning=" + this.replayReasoning : "") + "]";
	}

	/** Builds {@link OpenAiOptions}. */
	public static final class Builder {

		private @Nullable Double frequencyPenalty;

		private @Nullable Double presencePenalty;

		private @Nullable Integer seed;

		private @Nullable List<String> stop;

		private @Nullable String user;

		private @Nullable Map<String, @Nullable Object> extraBody;

		private @Nullable String reasoningEffort;

		private @Nullable Boolean replayReasoning;

		private Builder() {
		}

		/** {@code reasoning_effort}, e.g. {@code high}. */
		public Builder reasoningEffort(@Nullable String reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		/**
		 * Whether reasoning is sent back as {@code reasoning_content}; by default it is.
		 */
		public Builder replayReasoning(@Nullable Boolean replayReasoning) {
			this.replayReasoning = replayReasoning;
			return this;
		}

		/** {@code frequency_penalty}, [-2, 2]. */
		public Builder frequencyPenalty(@Nullable Double frequencyPenalty) {
			this.frequencyPenalty = frequencyPenalty;
			return this;
		}

		/** {@code presence_penalty}, [-2, 2]. */
		public Builder presencePenalty(@Nullable Double presencePenalty) {
			this.presencePenalty = presencePenalty;
			return this;
		}

		/** {@code seed}. */
		public Builder seed(@Nullable Integer seed) {
			this.seed = seed;
			return this;
		}

		/** {@code stop}: up to 4 sequences. */
		public Builder stop(String... stop) {
			this.stop = List.of(stop);
			return this;
		}

		/** {@code user}, an id of your end user. */
		public Builder user(@Nullable String user) {
			this.user = user;
			return this;
		}

		/** Adds an extra body field. */
		public Builder extraBody(String name, @Nullable Object value) {
			if (this.extraBody == null) {
				this.extraBody = new LinkedHashMap<>();
			}
			this.extraBody.put(name, value);
			return this;
		}

		/** The options. */
		public OpenAiOptions build() {
			return new OpenAiOptions(this.frequencyPenalty, this.presencePenalty, this.seed, this.stop, this.user,
					this.extraBody, this.reasoningEffort, this.replayReasoning);
		}

	}

}
