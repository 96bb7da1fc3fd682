package io.github.linkai.spring.provider.lingma;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Lingma's JSON, as records bound by the shared mapper. Unknown reply fields are kept in
 * {@code extra}.
 */
final class LingmaWire {

	private LingmaWire() {
	}

	/**
	 * The {@code ExecuteChat} body; {@code kbIds} and {@code parameters} are left out
	 * when unset.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ChatBody(Input input, @Nullable List<String> kbIds, @Nullable Parameters parameters) {
	}

	/** The conversation. */
	record Input(List<Message> messages) {
	}

	/** A message: Lingma takes text content only. */
	record Message(String role, String content) {
	}

	/**
	 * The model parameters, as the document names and types them (integers stay
	 * integers).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Parameters(@JsonProperty("max_tokens") @Nullable Integer maxTokens, @Nullable Integer seed,
			@Nullable Double temperature, @JsonProperty("top_k") @Nullable Integer topK,
			@JsonProperty("top_p") @Nullable Double topP) {
	}

	/**
	 * A complete reply or one stream event: the same shape, {@code text} being the whole
	 * answer in a reply and the new text in an event. Fields the document does not show
	 * (an error object's {@code errorCode} and {@code errorMessage}, for one) land in
	 * {@code extra}.
	 */
	record Reply(@Nullable Output output, @JsonAlias("request_id") @Nullable String requestId,
			@Nullable TokenUsage usage, @JsonAnySetter @Nullable Map<String, Object> extra) {

		Map<String, Object> extraOrEmpty() {
			return (this.extra != null) ? this.extra : Map.of();
		}

	}

	/** The answer and why generation stopped. */
	record Output(@JsonProperty("finish_reason") @Nullable String finishReason, @Nullable String text) {
	}

	/** Token counts; the document gives no total. */
	record TokenUsage(@JsonProperty("input_tokens") @Nullable Integer inputTokens,
			@JsonProperty("output_tokens") @Nullable Integer outputTokens) {
	}

}
