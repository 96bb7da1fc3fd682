package io.github.linkai.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import org.jspecify.annotations.Nullable;

/**
 * Every name the starter's observation and meters use. The conventions are still moving
 * (their main branch renames the client metrics to {@code gen_ai.client.inference.*},
 * which {@link DefaultChatObservationConvention} offers as
 * {@link GenAiSemanticConventions#LATEST_EXPERIMENTAL}): define a bean of this type,
 * usually a subclass of {@link DefaultChatObservationConvention}, to rename any of them.
 */
public interface ChatObservationConvention extends ObservationConvention<ChatObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ChatObservationContext;
	}

	/**
	 * The token usage histogram ({@code {token}}), e.g.
	 * {@code gen_ai.client.token.usage}; not recorded when
	 * {@link #getTokenCounterNames()} names counters instead.
	 */
	String getTokenUsageName();

	/**
	 * The token counters that replace {@link #getTokenUsageName()}'s histogram in the
	 * conventions' development names, or {@code null} (the default) for that histogram.
	 */
	default @Nullable TokenCounterNames getTokenCounterNames() {
		return null;
	}

	/** The tag telling input from output tokens, e.g. {@code gen_ai.token.type}. */
	String getTokenTypeKey();

	/**
	 * The token type of the input tokens read from the provider's prompt cache, e.g.
	 * {@code cache_read}: a part of the {@code input} tokens, so a total adds up
	 * {@code input} and {@code output} only.
	 */
	default String getCacheReadTokenType() {
		return "cache_read";
	}

	/**
	 * The token type of the output tokens spent on reasoning, e.g. {@code reasoning}: a
	 * part of the {@code output} tokens, so a total adds up {@code input} and
	 * {@code output} only.
	 */
	default String getReasoningTokenType() {
		return "reasoning";
	}

	/**
	 * The time-to-first-chunk histogram (seconds), e.g.
	 * {@code gen_ai.client.operation.time_to_first_chunk}.
	 */
	String getTimeToFirstChunkName();

	/**
	 * The time-per-output-chunk histogram (seconds), e.g.
	 * {@code gen_ai.client.operation.time_per_output_chunk}.
	 */
	String getTimePerOutputChunkName();

	/** The gauge of streams open now. */
	String getActiveStreamsName();

	/** The histogram of chunks per stream. */
	String getStreamChunksName();

	/** The counter of retried attempts. */
	String getRetriesName();

	/**
	 * The observation event each retry records (a span event, with the failure retried
	 * and the wait). Micrometer's meter handler would also count it as
	 * {@code <name>.<event>}; that counter is filtered out, since
	 * {@link #getRetriesName()} counts the same retries with the call's outcome tags.
	 */
	String getRetryEventName();

	/** The counter of the cost providers report (Jijyun's {@code total_cost}). */
	String getCostName();

}
