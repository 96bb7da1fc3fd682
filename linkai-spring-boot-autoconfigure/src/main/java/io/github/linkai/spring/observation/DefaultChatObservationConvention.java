package io.github.linkai.spring.observation;

import java.util.ArrayList;
import java.util.List;

import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.error.ChatClientException;
import io.github.linkai.spring.observation.ChatObservationDocumentation.HighCardinalityKeyNames;
import io.github.linkai.spring.observation.ChatObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The names of the OpenTelemetry GenAI semantic conventions as last released (v1.41), or
 * their development names on request, with {@code linkai.*} names for what they do not
 * cover. No tag holds a session id, a visitor id, a question, a credential or a query
 * string.
 */
public class DefaultChatObservationConvention implements ChatObservationConvention {

	/** Used where a tag has no value, so every meter of a name has the same tag keys. */
	static final String UNKNOWN = "unknown";

	private static final TokenCounterNames INFERENCE_TOKEN_COUNTERS = new TokenCounterNames(
			"gen_ai.client.inference.usage.input_tokens", "gen_ai.client.inference.usage.output_tokens",
			"gen_ai.client.inference.usage.cache_read.input_tokens",
			"gen_ai.client.inference.usage.reasoning.output_tokens", "gen_ai.client.inference.operation.input_tokens",
			"gen_ai.client.inference.operation.output_tokens", "gen_ai.token.modality", UNKNOWN);

	private final GenAiSemanticConventions conventions;

	/** The names of v1.41. */
	public DefaultChatObservationConvention() {
		this(GenAiSemanticConventions.V1_41);
	}

	/** The names of the given conventions. */
	public DefaultChatObservationConvention(GenAiSemanticConventions conventions) {
		this.conventions = conventions;
	}

	/** The conventions whose names this one uses. */
	public GenAiSemanticConventions getSemanticConventions() {
		return this.conventions;
	}

	@Override
	public String getName() {
		return inference() ? "gen_ai.client.inference.duration" : "gen_ai.client.operation.duration";
	}

	/** {@code chat {model}}, as the conventions name the span. */
	@Override
	public String getContextualName(ChatObservationContext context) {
		return (context.getRequestModel() != null) ? "chat " + context.getRequestModel() : "chat";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ChatObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.OPERATION_NAME.withValue("chat"),
				LowCardinalityKeyNames.PROVIDER_NAME.withValue(context.getProvider()),
				LowCardinalityKeyNames.REQUEST_MODEL.withValue(orUnknown(context.getRequestModel())),
				LowCardinalityKeyNames.RESPONSE_MODEL.withValue(orUnknown(context.getResponseModel())),
				LowCardinalityKeyNames.ERROR_TYPE.withValue(errorType(context)),
				LowCardinalityKeyNames.SERVER_ADDRESS.withValue(context.getServerAddress()),
				LowCardinalityKeyNames.SERVER_PORT.withValue(Integer.toString(context.getServerPort())),
				LowCardinalityKeyNames.CLIENT_NAME.withValue(context.getClientName()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ChatObservationContext context) {
		List<KeyValue> values = new ArrayList<>(10);
		String finishReason = finishReason(context);
		if (finishReason != null) {
			values.add(HighCardinalityKeyNames.FINISH_REASONS.withValue(finishReason));
		}
		Usage usage = context.getUsage();
		if (usage != null && usage.inputTokens() != null) {
			values.add(HighCardinalityKeyNames.INPUT_TOKENS.withValue(usage.inputTokens().toString()));
		}
		if (usage != null && usage.outputTokens() != null) {
			values.add(HighCardinalityKeyNames.OUTPUT_TOKENS.withValue(usage.outputTokens().toString()));
		}
		if (usage != null && usage.cachedInputTokens() != null) {
			values.add(HighCardinalityKeyNames.CACHE_READ_INPUT_TOKENS.withValue(usage.cachedInputTokens().toString()));
		}
		if (usage != null && usage.reasoningOutputTokens() != null) {
			values.add(HighCardinalityKeyNames.REASONING_OUTPUT_TOKENS
				.withValue(usage.reasoningOutputTokens().toString()));
		}
		if (context.getTemperature() != null) {
			values.add(HighCardinalityKeyNames.REQUEST_TEMPERATURE.withValue(context.getTemperature().toString()));
		}
		if (context.getTopP() != null) {
			values.add(HighCardinalityKeyNames.REQUEST_TOP_P.withValue(context.getTopP().toString()));
		}
		if (context.getMaxTokens() != null) {
			values.add(HighCardinalityKeyNames.REQUEST_MAX_TOKENS.withValue(context.getMaxTokens().toString()));
		}
		if (context.isStream()) {
			values.add(HighCardinalityKeyNames.STREAM_CHUNKS.withValue(Integer.toString(context.getChunks())));
		}
		if (context.getInput() != null) {
			values.add(HighCardinalityKeyNames.INPUT_MESSAGES.withValue(context.getInput()));
			values.add(HighCardinalityKeyNames.OUTPUT_MESSAGES
				.withValue(ChatContent.output(String.valueOf(context.getOutput()), context.getOutputReasoning(),
						context.getOutputToolCalls(), finishReason)));
		}
		return KeyValues.of(values);
	}

	/**
	 * {@code error} for a call that failed (a stream cut before its end marker), else the
	 * provider's reason.
	 */
	protected @Nullable String finishReason(ChatObservationContext context) {
		if (context.getError() != null) {
			return "error";
		}
		return context.getFinishReason();
	}

	/**
	 * The exception's simple name for the starter's own errors, {@code _OTHER} for
	 * others.
	 */
	protected String errorType(ChatObservationContext context) {
		Throwable error = context.getError();
		if (error != null) {
			return (error instanceof ChatClientException) ? error.getClass().getSimpleName() : "_OTHER";
		}
		return context.isCancelled() ? "cancelled" : "none";
	}

	@Override
	public String getTokenUsageName() {
		return "gen_ai.client.token.usage";
	}

	/**
	 * {@code gen_ai.client.inference.usage.*} counters, tagged
	 * {@code gen_ai.token.modality=unknown}, and
	 * {@code gen_ai.client.inference.operation.*} histograms, with the development names;
	 * none with v1.41.
	 */
	@Override
	public @Nullable TokenCounterNames getTokenCounterNames() {
		return inference() ? INFERENCE_TOKEN_COUNTERS : null;
	}

	@Override
	public String getTokenTypeKey() {
		return "gen_ai.token.type";
	}

	@Override
	public String getCacheReadTokenType() {
		return "cache_read";
	}

	@Override
	public String getReasoningTokenType() {
		return "reasoning";
	}

	@Override
	public String getTimeToFirstChunkName() {
		return inference() ? "gen_ai.client.inference.time_to_first_chunk"
				: "gen_ai.client.operation.time_to_first_chunk";
	}

	@Override
	public String getTimePerOutputChunkName() {
		return inference() ? "gen_ai.client.inference.time_per_output_chunk"
				: "gen_ai.client.operation.time_per_output_chunk";
	}

	@Override
	public String getActiveStreamsName() {
		return "linkai.client.active_streams";
	}

	@Override
	public String getStreamChunksName() {
		return "linkai.client.stream.chunks";
	}

	@Override
	public String getRetriesName() {
		return "linkai.client.retries";
	}

	@Override
	public String getRetryEventName() {
		return "linkai.retry";
	}

	@Override
	public String getCostName() {
		return "linkai.client.cost";
	}

	private boolean inference() {
		return this.conventions == GenAiSemanticConventions.LATEST_EXPERIMENTAL;
	}

	private static String orUnknown(@Nullable String value) {
		return (value != null && !value.isBlank()) ? value : UNKNOWN;
	}

}
