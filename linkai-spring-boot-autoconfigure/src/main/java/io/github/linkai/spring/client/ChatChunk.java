package io.github.linkai.spring.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One piece of a streamed answer. Concatenating the {@link #delta()}s of a stream gives
 * the answer; the last chunk carries the finish reason and, where the provider reports
 * it, the usage (an OpenAI-compatible stream reports it in one more chunk, with no text,
 * after the one with the finish reason).
 *
 * @param delta the new text, possibly empty (e.g. on the final chunk)
 * @param finishReason set on the chunk that ends generation
 * @param usage token usage, on the final chunk
 * @param sessionId the conversation id (LinkAI memory chat's {@code session_id} on every
 * chunk, Jijyun's {@code msgKey})
 * @param requestId the provider's request id, if any
 * @param sources search sources (Jijyun), usually on one chunk only
 * @param cost the call's cost (Jijyun), if reported
 * @param providerFields unmapped fields of the provider's event (a JSON null is kept as
 * {@code null})
 */
public record ChatChunk(String delta, @Nullable String finishReason, @Nullable Usage usage, @Nullable String sessionId,
		@Nullable String requestId, List<SearchSource> sources, @Nullable BigDecimal cost,
		Map<String, @Nullable Object> providerFields) {

	public ChatChunk {
		sources = List.copyOf(sources);
		providerFields = ProviderFields.copyOf(providerFields);
	}

	/**
	 * The new text's length, not the text, whether a session id is set, not the id, and
	 * the provider fields' names, not their values: a chunk is user data and ends up in
	 * logs.
	 */
	@Override
	public String toString() {
		return "ChatChunk[delta=" + this.delta.length() + " chars, finishReason=" + this.finishReason + ", usage="
				+ this.usage + ", sessionId=" + ((this.sessionId != null) ? "<set>" : "none") + ", requestId="
				+ this.requestId + ", sources=" + this.sources.size() + ", cost=" + this.cost + ", providerFields="
				+ this.providerFields.keySet() + "]";
	}

	/** Whether this chunk ends generation. */
	public boolean isLast() {
		return this.finishReason != null;
	}

	/**
	 * The whole of a non-streamed answer as one final chunk (a server that ignored
	 * {@code stream=true}).
	 */
	public static ChatChunk of(ChatResponse response) {
		return new ChatChunk(response.content(), (response.finishReason() != null) ? response.finishReason() : "stop",
				response.usage(), response.sessionId(), response.requestId(), response.sources(), response.cost(),
				response.providerFields());
	}

}
