package io.github.linkai.spring.provider.linkai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.linkai.spring.provider.openai.OpenAiWire;
import org.jspecify.annotations.Nullable;

/**
 * LinkAI's request bodies, as records the shared mapper writes. Messages, replies and
 * events have OpenAI's shape and are {@link OpenAiWire}'s records.
 */
final class LinkAiWire {

	private LinkAiWire() {
	}

	/**
	 * The chat completions body; {@code top_p} is an integer, as documented. Tools, tool
	 * choice, parallel tool calls and the response format have OpenAI's shape (the
	 * document calls the endpoint fully compatible with OpenAI's input; LinkAI's own bot
	 * sends tools so).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ChatBody(List<OpenAiWire.Message> messages, @JsonProperty("app_code") @Nullable String appCode,
			@Nullable String model, @Nullable Double temperature, @JsonProperty("top_p") @Nullable Integer topP,
			@JsonProperty("frequency_penalty") @Nullable Double frequencyPenalty,
			@JsonProperty("presence_penalty") @Nullable Double presencePenalty, @Nullable List<OpenAiWire.Tool> tools,
			@JsonProperty("tool_choice") @Nullable Object toolChoice,
			@JsonProperty("parallel_tool_calls") @Nullable Boolean parallelToolCalls,
			@JsonProperty("response_format") OpenAiWire.@Nullable ResponseFormatBody responseFormat,
			@Nullable Boolean stream) {
	}

	/** The memory chat body, as the reference document names its fields. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MemoryBody(String question, @JsonProperty("session_id") @Nullable String sessionId,
			@JsonProperty("app_code") @Nullable String appCode, @Nullable String model, @Nullable Double temperature,
			@JsonProperty("top_p") @Nullable Integer topP,
			@JsonProperty("frequency_penalty") @Nullable Double frequencyPenalty,
			@JsonProperty("presence_penalty") @Nullable Double presencePenalty, @Nullable Boolean stream) {
	}

}
