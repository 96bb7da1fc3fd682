package io.github.linkai.spring.observation;

import io.github.linkai.spring.client.Usage;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

/**
 * Records a call's token usage in the meters its convention names, apart from the
 * handler's other meters: the conventions' releases disagree most on these.
 */
final class TokenUsageMeters {

	/** The conventions' advice for token counts: 1 quadrupling to 67108864. */
	static final double[] TOKEN_BUCKETS = { 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304,
			16777216, 67108864 };

	private final MeterRegistry registry;

	private final ChatObservationConvention convention;

	TokenUsageMeters(MeterRegistry registry, ChatObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	/** Records the usage of a call that ended, tagged with its observation's tags. */
	void record(Tags tags, Usage usage) {
		histogram(tags, "input", usage.inputTokens());
		histogram(tags, "output", usage.outputTokens());
		// parts of the two above, under their own types: a sum of input and output
		// stays the total
		histogram(tags, this.convention.getCacheReadTokenType(), usage.cachedInputTokens());
		histogram(tags, this.convention.getReasoningTokenType(), usage.reasoningOutputTokens());
	}

	private void histogram(Tags tags, String type, @Nullable Integer count) {
		if (count == null) {
			return;
		}
		// no base unit: the conventions' "{token}" is an annotation, and Prometheus would
		// append it to the name
		DistributionSummary.builder(this.convention.getTokenUsageName())
			.description("Tokens used, as the provider reported them ({token})")
			.tags(tags.and(this.convention.getTokenTypeKey(), type))
			.serviceLevelObjectives(TOKEN_BUCKETS)
			.register(this.registry)
			.record(count);
	}

}
