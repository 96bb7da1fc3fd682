package io.github.linkai.spring.observation;

import io.github.linkai.spring.client.Usage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

/**
 * Records a call's token usage in the meters its convention names, apart from the
 * handler's other meters: the conventions' releases disagree most on these. v1.41 has one
 * histogram tagged with the token type; the development names have a counter per kind of
 * token and a histogram per call of input and of output.
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

	/**
	 * Records the usage of a call that ended, tagged with its observation's tags.
	 * @param failed whether the call ended in an error
	 */
	void record(Tags tags, Usage usage, boolean failed) {
		TokenCounterNames counters = this.convention.getTokenCounterNames();
		if (counters == null) {
			byType(tags, usage);
			return;
		}
		Tags counted = tags.and(counters.modalityKey(), counters.modality());
		count(counters.inputTokens(), counted, usage.inputTokens());
		count(counters.outputTokens(), counted, usage.outputTokens());
		count(counters.cacheReadInputTokens(), counted, usage.cachedInputTokens());
		count(counters.reasoningOutputTokens(), counted, usage.reasoningOutputTokens());
		// the counters take what a failed call spent; the conventions keep failed calls
		// out of the per-call distributions
		if (!failed) {
			histogram(counters.operationInputTokens(), tags, usage.inputTokens());
			histogram(counters.operationOutputTokens(), tags, usage.outputTokens());
		}
	}

	private void byType(Tags tags, Usage usage) {
		String key = this.convention.getTokenTypeKey();
		String name = this.convention.getTokenUsageName();
		histogram(name, tags.and(key, "input"), usage.inputTokens());
		histogram(name, tags.and(key, "output"), usage.outputTokens());
		// parts of the two above, under their own types: a sum of input and output
		// stays the total
		histogram(name, tags.and(key, this.convention.getCacheReadTokenType()), usage.cachedInputTokens());
		histogram(name, tags.and(key, this.convention.getReasoningTokenType()), usage.reasoningOutputTokens());
	}

	private void histogram(String name, Tags tags, @Nullable Integer count) {
		if (count == null) {
			return;
		}
		// no base unit: the conventions' "{token}" is an annotation, and Prometheus would
		// append it to the name
		DistributionSummary.builder(name)
			.description("Tokens used, as the provider reported them ({token})")
			.tags(tags)
			.serviceLevelObjectives(TOKEN_BUCKETS)
			.register(this.registry)
			.record(count);
	}

	private void count(String name, Tags tags, @Nullable Integer count) {
		if (count == null) {
			return;
		}
		Counter.builder(name)
			.description("Tokens used, as the provider reported them ({token})")
			.tags(tags)
			.register(this.registry)
			.increment(count);
	}

}
