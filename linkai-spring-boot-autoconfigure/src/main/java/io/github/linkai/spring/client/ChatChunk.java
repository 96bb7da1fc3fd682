package io.github.linkai.spring.client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One piece of a streamed answer. Concatenating the {@link #delta()}s of a stream gives
 * the answer; the last chunk carries the finish reason and, where the provider reports
 * it, the usage (an OpenAI-compatible stream reports it in one more chunk, with no text,
 * after the one with the finish reason). Reasoning arrives apart, in
 * {@link #reasoningDelta()}, and tool calls in fragments ({@link #toolCalls()}): a
 * {@link ChatResponseAccumulator} merges a stream into the whole answer.
 *
 * @param provider the provider that served the chunk, as {@link ChatResponse#provider()}
 * ({@code linkai}, {@code openai}, {@code jijyun} or {@code lingma}): a fallback chain's
 * chunks name the provider of the client that served them; {@code null} only on a chunk
 * made without one (by hand, e.g. in a test)
 * @param clientName the configured client that made the call, as
 * {@link ChatResponse#clientName()}: a fallback chain's chunks name the client that
 * served them; {@code null} only on a chunk made without one
 * @param delta the new text, possibly empty (e.g. on the final chunk); never reasoning
 * @param reasoningDelta the next piece of the model's reasoning, possibly empty
 * @param toolCalls fragments of tool calls, as the provider sent them; possibly empty
 * @param media pictures, videos and files of the answer (LinkAI's {@code img_urls});
 * possibly empty
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
public record ChatChunk(@Nullable String provider, @Nullable String clientName, String delta, String reasoningDelta,
		List<ToolCallDelta> toolCalls, List<AnswerMedia> media, @Nullable String finishReason, @Nullable Usage usage,
		@Nullable String sessionId, @Nullable String requestId, List<SearchSource> sources, @Nullable BigDecimal cost,
		Map<String, @Nullable Object> providerFields) {

	public ChatChunk {
		Objects.requireNonNull(delta, "delta must not be null");
		Objects.requireNonNull(reasoningDelta, "reasoningDelta must not be null");
		toolCalls = List.copyOf(toolCalls);
		media = List.copyOf(media);
		sources = List.copyOf(sources);
		providerFields = ProviderFields.copyOf(providerFields);
	}

	/** A chunk that names no provider or client. */
	public ChatChunk(String delta, String reasoningDelta, List<ToolCallDelta> toolCalls, List<AnswerMedia> media,
			@Nullable String finishReason, @Nullable Usage usage, @Nullable String sessionId,
			@Nullable String requestId, List<SearchSource> sources, @Nullable BigDecimal cost,
			Map<String, @Nullable Object> providerFields) {
		this(null, null, delta, reasoningDelta, toolCalls, media, finishReason, usage, sessionId, requestId, sources,
				cost, providerFields);
	}

	/**
	 * A chunk of text, without reasoning, tool calls or media, that names no provider or
	 * client.
	 */
	public ChatChunk(String delta, @Nullable String finishReason, @Nullable Usage usage, @Nullable String sessionId,
			@Nullable String requestId, List<SearchSource> sources, @Nullable BigDecimal cost,
			Map<String, @Nullable Object> providerFields) {
		this(null, null, delta, "", List.of(), List.of(), finishReason, usage, sessionId, requestId, sources, cost,
				providerFields);
	}

	/** A builder; every field is optional. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The new text's length, not the text, whether a session id is set, not the id, and
	 * the provider fields' names, not their values: a chunk is user data and ends up in
	 * logs.
	 */
	@Override
	public String toString() {
		return "ChatChunk[provider=" + this.provider + ", clientName=" + this.clientName + ", delta="
				+ this.delta.length() + " chars"
				+ (this.reasoningDelta.isEmpty() ? "" : ", reasoningDelta=" + this.reasoningDelta.length() + " chars")
				+ (this.toolCalls.isEmpty() ? "" : ", toolCalls=" + this.toolCalls)
				+ (this.media.isEmpty() ? "" : ", media=" + this.media.size()) + ", finishReason=" + this.finishReason
				+ ", usage=" + this.usage + ", sessionId=" + ((this.sessionId != null) ? "<set>" : "none")
				+ ", requestId=" + this.requestId + ", sources=" + this.sources.size() + ", cost=" + this.cost
				+ ", providerFields=" + this.providerFields.keySet() + "]";
	}

	/** Whether this chunk ends generation. */
	public boolean isLast() {
		return this.finishReason != null;
	}

	/**
	 * The whole of a non-streamed answer as one final chunk (a server that ignored
	 * {@code stream=true}): its tool calls become one fragment each, with their index.
	 */
	public static ChatChunk of(ChatResponse response) {
		List<ToolCallDelta> calls = new ArrayList<>(response.toolCalls().size());
		for (int i = 0; i < response.toolCalls().size(); i++) {
			ToolCall call = response.toolCalls().get(i);
			calls.add(new ToolCallDelta(i, call.id(), call.name(), call.arguments(), call.providerFields()));
		}
		return new ChatChunk(response.provider(), response.clientName(), response.content(),
				(response.reasoningContent() != null) ? response.reasoningContent() : "", calls, response.media(),
				(response.finishReason() != null) ? response.finishReason() : "stop", response.usage(),
				response.sessionId(), response.requestId(), response.sources(), response.cost(),
				response.providerFields());
	}

	/** Builds a {@link ChatChunk}. */
	public static final class Builder {

		private @Nullable String provider;

		private @Nullable String clientName;

		private String delta = "";

		private String reasoningDelta = "";

		private List<ToolCallDelta> toolCalls = List.of();

		private List<AnswerMedia> media = List.of();

		private @Nullable String finishReason;

		private @Nullable Usage usage;

		private @Nullable String sessionId;

		private @Nullable String requestId;

		private List<SearchSource> sources = List.of();

		private @Nullable BigDecimal cost;

		private Map<String, @Nullable Object> providerFields = Map.of();

		private Builder() {
		}

		/** The provider that served the chunk. */
		public Builder provider(@Nullable String provider) {
			this.provider = provider;
			return this;
		}

		/** The configured client that made the call. */
		public Builder clientName(@Nullable String clientName) {
			this.clientName = clientName;
			return this;
		}

		/** The new text. */
		public Builder delta(String delta) {
			this.delta = Objects.requireNonNull(delta, "delta must not be null");
			return this;
		}

		/** The next piece of reasoning. */
		public Builder reasoningDelta(String reasoningDelta) {
			this.reasoningDelta = Objects.requireNonNull(reasoningDelta, "reasoningDelta must not be null");
			return this;
		}

		/** The tool-call fragments. */
		public Builder toolCalls(List<ToolCallDelta> toolCalls) {
			this.toolCalls = toolCalls;
			return this;
		}

		/** The media. */
		public Builder media(List<AnswerMedia> media) {
			this.media = media;
			return this;
		}

		/** Why generation stopped. */
		public Builder finishReason(@Nullable String finishReason) {
			this.finishReason = finishReason;
			return this;
		}

		/** Token usage. */
		public Builder usage(@Nullable Usage usage) {
			this.usage = usage;
			return this;
		}

		/** The conversation id. */
		public Builder sessionId(@Nullable String sessionId) {
			this.sessionId = sessionId;
			return this;
		}

		/** The provider's request id. */
		public Builder requestId(@Nullable String requestId) {
			this.requestId = requestId;
			return this;
		}

		/** Search sources. */
		public Builder sources(List<SearchSource> sources) {
			this.sources = sources;
			return this;
		}

		/** The call's cost. */
		public Builder cost(@Nullable BigDecimal cost) {
			this.cost = cost;
			return this;
		}

		/** The unmapped fields. */
		public Builder providerFields(Map<String, @Nullable Object> providerFields) {
			this.providerFields = providerFields;
			return this;
		}

		/** The chunk. */
		public ChatChunk build() {
			return new ChatChunk(this.provider, this.clientName, this.delta, this.reasoningDelta, this.toolCalls,
					this.media, this.finishReason, this.usage, this.sessionId, this.requestId, this.sources, this.cost,
					this.providerFields);
		}

	}

}
