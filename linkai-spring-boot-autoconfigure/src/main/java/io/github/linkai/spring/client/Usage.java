package io.github.linkai.spring.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Token usage of one call, as the provider reported it. LinkAI's {@code prompt_tokens}
 * and Lingma's {@code input_tokens} both land in {@link #inputTokens()}. On a stream's
 * chunk it is the call's count so far, never an increment: the last one reported is the
 * call's, and nothing adds them up.
 *
 * @param inputTokens tokens of the request (prompt, history, knowledge base), if reported
 * @param outputTokens tokens of the answer, if reported
 * @param totalTokens the provider's total, or the sum of the two when it reports none
 * @param cachedInputTokens the input tokens the provider read from its prompt cache
 * (OpenAI's {@code prompt_tokens_details.cached_tokens}, DeepSeek's
 * {@code prompt_cache_hit_tokens}), part of {@code inputTokens}; {@code null} when not
 * reported
 * @param reasoningOutputTokens the output tokens spent on reasoning
 * ({@code completion_tokens_details.reasoning_tokens}), part of {@code outputTokens};
 * {@code null} when not reported
 */
public record Usage(@Nullable Integer inputTokens, @Nullable Integer outputTokens, @Nullable Integer totalTokens,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer cachedInputTokens,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer reasoningOutputTokens) {

	/** Usage with input, output and total counts only. */
	public Usage(@Nullable Integer inputTokens, @Nullable Integer outputTokens, @Nullable Integer totalTokens) {
		this(inputTokens, outputTokens, totalTokens, null, null);
	}

	/**
	 * Usage from input and output counts, the total being their sum when both are known.
	 */
	public static Usage of(@Nullable Integer inputTokens, @Nullable Integer outputTokens,
			@Nullable Integer totalTokens) {
		return of(inputTokens, outputTokens, totalTokens, null, null);
	}

	/**
	 * Usage from input and output counts and their cached and reasoning parts, the total
	 * being the sum of input and output when both are known and no total is.
	 */
	public static Usage of(@Nullable Integer inputTokens, @Nullable Integer outputTokens, @Nullable Integer totalTokens,
			@Nullable Integer cachedInputTokens, @Nullable Integer reasoningOutputTokens) {
		Integer total = totalTokens;
		if (total == null && inputTokens != null && outputTokens != null) {
			total = inputTokens + outputTokens;
		}
		return new Usage(inputTokens, outputTokens, total, cachedInputTokens, reasoningOutputTokens);
	}

	/** The counts; the cached and reasoning parts only when reported. */
	@Override
	public String toString() {
		return "Usage[inputTokens=" + this.inputTokens + ", outputTokens=" + this.outputTokens + ", totalTokens="
				+ this.totalTokens
				+ ((this.cachedInputTokens != null) ? ", cachedInputTokens=" + this.cachedInputTokens : "")
				+ ((this.reasoningOutputTokens != null) ? ", reasoningOutputTokens=" + this.reasoningOutputTokens : "")
				+ "]";
	}

}
