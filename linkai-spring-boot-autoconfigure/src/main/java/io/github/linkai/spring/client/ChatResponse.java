package io.github.linkai.spring.client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A complete answer in provider-neutral form. An answer that calls tools has
 * {@link #toolCalls()} and finish reason {@code tool_calls}: run them, then send
 * {@link #message()} and one {@link ChatMessage#toolResult tool result} per call back
 * with the conversation.
 *
 * @param provider the provider that answered, e.g. {@code linkai}
 * @param clientName the configured client that made the call
 * @param model the model the provider reports, else the one requested, if any
 * @param content the answer text (empty when the answer only calls tools)
 * @param reasoningContent the model's reasoning before it answered (DeepSeek's
 * {@code reasoning_content}), never part of {@code content}; {@code null} for none
 * @param toolCalls the tool calls the model asks for, in order; possibly empty
 * @param media pictures, videos and files the answer holds (LinkAI's {@code img_urls});
 * possibly empty
 * @param finishReason why generation stopped (e.g. {@code stop}, {@code tool_calls}), if
 * reported
 * @param usage token usage, if reported
 * @param sessionId the conversation id: LinkAI memory chat's {@code session_id} (send it
 * next time), Jijyun's {@code msgKey}; {@code null} if none
 * @param requestId the provider's request id (Lingma {@code requestId}), if any
 * @param sources search sources the answer is based on (Jijyun {@code source[]}),
 * possibly empty
 * @param cost the call's cost as the provider reports it (Jijyun
 * {@code usage.total_cost}), if any
 * @param providerFields fields of the provider's reply this model does not map (e.g.
 * Jijyun's {@code msgKey}, an OpenAI-style {@code id}), as parsed JSON values (a JSON
 * null is kept as {@code null})
 */
public record ChatResponse(String provider, String clientName, @Nullable String model, String content,
		@Nullable String reasoningContent, List<ToolCall> toolCalls, List<AnswerMedia> media,
		@Nullable String finishReason, @Nullable Usage usage, @Nullable String sessionId, @Nullable String requestId,
		List<SearchSource> sources, @Nullable BigDecimal cost, Map<String, @Nullable Object> providerFields) {

	public ChatResponse {
		toolCalls = List.copyOf(toolCalls);
		media = List.copyOf(media);
		sources = List.copyOf(sources);
		providerFields = ProviderFields.copyOf(providerFields);
	}

	/** An answer without reasoning, tool calls or media. */
	public ChatResponse(String provider, String clientName, @Nullable String model, String content,
			@Nullable String finishReason, @Nullable Usage usage, @Nullable String sessionId,
			@Nullable String requestId, List<SearchSource> sources, @Nullable BigDecimal cost,
			Map<String, @Nullable Object> providerFields) {
		this(provider, clientName, model, content, null, List.of(), List.of(), finishReason, usage, sessionId,
				requestId, sources, cost, providerFields);
	}

	/** A builder of an answer from this provider and client. */
	public static Builder builder(String provider, String clientName) {
		return new Builder(provider, clientName);
	}

	/** Whether the model asks for tool calls. */
	public boolean hasToolCalls() {
		return !this.toolCalls.isEmpty();
	}

	/**
	 * The answer as the assistant message to append to the conversation: its text (none
	 * when it is empty and there are tool calls), tool calls and reasoning.
	 */
	public ChatMessage message() {
		return ChatMessage.assistant(this.content, this.toolCalls).withReasoning(this.reasoningContent);
	}

	/**
	 * The answer's length, not its text, whether a session id is set, not the id, and the
	 * provider fields' names, not their values (Jijyun's {@code visitorId} names a user):
	 * an answer is user data and ends up in logs.
	 */
	@Override
	public String toString() {
		return "ChatResponse[provider=" + this.provider + ", clientName=" + this.clientName + ", model=" + this.model
				+ ", content=" + this.content.length() + " chars"
				+ ((this.reasoningContent != null) ? ", reasoningContent=" + this.reasoningContent.length() + " chars"
						: "")
				+ (this.toolCalls.isEmpty() ? "" : ", toolCalls=" + this.toolCalls)
				+ (this.media.isEmpty() ? "" : ", media=" + this.media.size()) + ", finishReason=" + this.finishReason
				+ ", usage=" + this.usage + ", sessionId=" + ((this.sessionId != null) ? "<set>" : "none")
				+ ", requestId=" + this.requestId + ", sources=" + this.sources.size() + ", cost=" + this.cost
				+ ", providerFields=" + this.providerFields.keySet() + "]";
	}

	/**
	 * Builds a {@link ChatResponse}; every field but the provider and client is optional.
	 */
	public static final class Builder {

		private final String provider;

		private final String clientName;

		private @Nullable String model;

		private String content = "";

		private @Nullable String reasoningContent;

		private final List<ToolCall> toolCalls = new ArrayList<>();

		private final List<AnswerMedia> media = new ArrayList<>();

		private @Nullable String finishReason;

		private @Nullable Usage usage;

		private @Nullable String sessionId;

		private @Nullable String requestId;

		private final List<SearchSource> sources = new ArrayList<>();

		private @Nullable BigDecimal cost;

		private final Map<String, @Nullable Object> providerFields = new LinkedHashMap<>();

		private Builder(String provider, String clientName) {
			this.provider = Objects.requireNonNull(provider, "provider must not be null");
			this.clientName = Objects.requireNonNull(clientName, "clientName must not be null");
		}

		/** The model that answered. */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/** The answer text. */
		public Builder content(String content) {
			this.content = Objects.requireNonNull(content, "content must not be null");
			return this;
		}

		/** The model's reasoning. */
		public Builder reasoningContent(@Nullable String reasoningContent) {
			this.reasoningContent = reasoningContent;
			return this;
		}

		/** Adds tool calls. */
		public Builder toolCalls(List<ToolCall> toolCalls) {
			this.toolCalls.addAll(toolCalls);
			return this;
		}

		/** Adds media. */
		public Builder media(List<AnswerMedia> media) {
			this.media.addAll(media);
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

		/** Adds search sources. */
		public Builder sources(List<SearchSource> sources) {
			this.sources.addAll(sources);
			return this;
		}

		/** The call's cost. */
		public Builder cost(@Nullable BigDecimal cost) {
			this.cost = cost;
			return this;
		}

		/** Adds unmapped fields, replacing those of the same name. */
		public Builder providerFields(Map<String, ? extends @Nullable Object> fields) {
			this.providerFields.putAll(fields);
			return this;
		}

		/** The answer. */
		public ChatResponse build() {
			return new ChatResponse(this.provider, this.clientName, this.model, this.content, this.reasoningContent,
					this.toolCalls, this.media, this.finishReason, this.usage, this.sessionId, this.requestId,
					this.sources, this.cost, this.providerFields);
		}

	}

}
