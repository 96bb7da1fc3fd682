package io.github.linkai.spring.observation;

/**
 * The token meters of the conventions' development names: a counter per kind of token,
 * summed over calls for totals and rates, and histograms of each successful call's input
 * and output tokens for percentiles. The cache-read and reasoning counters count parts of
 * the input and output counters, not tokens besides them.
 *
 * @param inputTokens counter of input tokens, cached ones included, e.g.
 * {@code gen_ai.client.inference.usage.input_tokens}
 * @param outputTokens counter of output tokens, reasoning ones included
 * @param cacheReadInputTokens counter of input tokens read from the provider's cache
 * @param reasoningOutputTokens counter of output tokens spent on reasoning
 * @param operationInputTokens histogram of one call's input tokens, e.g.
 * {@code gen_ai.client.inference.operation.input_tokens}
 * @param operationOutputTokens histogram of one call's output tokens
 * @param modalityKey the tag every counter carries, e.g. {@code gen_ai.token.modality}
 * @param modality its value, e.g. {@code unknown}, as no provider breaks usage down by
 * modality
 */
public record TokenCounterNames(String inputTokens, String outputTokens, String cacheReadInputTokens,
		String reasoningOutputTokens, String operationInputTokens, String operationOutputTokens, String modalityKey,
		String modality) {

}
