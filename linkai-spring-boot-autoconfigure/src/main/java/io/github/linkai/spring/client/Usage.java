package io.github.linkai.spring.client;

import org.jspecify.annotations.Nullable;

/**
 * Token usage of one call, as the provider reported it. LinkAI's {@code prompt_tokens}
 * and Lingma's {@code input_tokens} both land in {@link #inputTokens()}.
 *
 * @param inputTokens tokens of the request (prompt, history, knowledge base), if reported
 * @param outputTokens tokens of the answer, if reported
 * @param totalTokens the provider's total, or the sum of the two when it reports none
 */
public record Usage(@Nullable Integer inputTokens, @Nullable Integer outputTokens, @Nullable Integer totalTokens) {

	/**
	 * Usage from input and output counts, the total being their sum when both are known.
	 */
	public static Usage of(@Nullable Integer inputTokens, @Nullable Integer outputTokens,
			@Nullable Integer totalTokens) {
		Integer total = totalTokens;
		if (total == null && inputTokens != null && outputTokens != null) {
			total = inputTokens + outputTokens;
		}
		return new Usage(inputTokens, outputTokens, total);
	}

}
