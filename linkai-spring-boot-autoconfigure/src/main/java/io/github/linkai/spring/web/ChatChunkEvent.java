package io.github.linkai.spring.web;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.linkai.spring.client.AnswerMedia;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.SearchSource;
import io.github.linkai.spring.client.ToolCallDelta;
import io.github.linkai.spring.client.Usage;
import org.jspecify.annotations.Nullable;

/**
 * The data of one server-sent event of a streamed answer, as JSON: {@code {"delta":"你好"}}
 * while the answer streams, and the other members only on the chunks that carry them.
 * {@code delta} is on every chunk with content (text, reasoning, tool-call fragments or
 * media), empty when it has no text: {@code {"delta":"","reasoningDelta":"先查一下"}},
 * {@code {"delta":"","toolCalls":[{"index":0,"id":"call_1","name":"current_time","arguments":""}]}}.
 * A chunk that only ends the answer or reports on it has no {@code delta}, so that a page
 * appending deltas sees none that is empty: {@code {"finishReason":"stop"}},
 * {@code {"usage":{"inputTokens":9,"outputTokens":6,"totalTokens":15}}}. Every event
 * names the provider and the configured client that served it
 * ({@link ChatChunk#provider()}, {@link ChatChunk#clientName()}) in {@code provider} and
 * {@code client}, as the problem detail of a failed stream does: a fallback chain's
 * events name the client that answered and its provider. The provider's unmapped fields
 * are not sent (they may name the end user, such as Jijyun's {@code visitorId}).
 *
 * @param delta the new text, possibly empty; {@code null} on a chunk without content
 * @param finishReason why generation stopped, on the chunk that ends it
 * @param usage token usage, where the provider reports it
 * @param cost the call's cost, where the provider reports it
 * @param sessionId the conversation id to send with the next turn (LinkAI memory chat,
 * Jijyun)
 * @param requestId the provider's request id, if any
 * @param sources the search sources the answer is based on, when there are some
 * @param reasoningDelta the next piece of the model's reasoning, when there is one
 * @param toolCalls fragments of tool calls, as the provider sent them, when there are
 * some
 * @param media pictures, videos and files of the answer, when there are some
 * @param provider the provider that served the chunk, if the chunk names it
 * @param client the configured client that served the chunk, if the chunk names it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatChunkEvent(@Nullable String delta, @Nullable String finishReason, @Nullable Usage usage,
		@Nullable BigDecimal cost, @Nullable String sessionId, @Nullable String requestId,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<SearchSource> sources,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) String reasoningDelta,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<ToolCallDelta> toolCalls,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<AnswerMedia> media, @Nullable String provider,
		@Nullable String client) {

	public ChatChunkEvent {
		sources = List.copyOf(sources);
		toolCalls = List.copyOf(toolCalls);
		media = List.copyOf(media);
	}

	/** The event data of a chunk that names no provider or client. */
	public ChatChunkEvent(@Nullable String delta, @Nullable String finishReason, @Nullable Usage usage,
			@Nullable BigDecimal cost, @Nullable String sessionId, @Nullable String requestId,
			List<SearchSource> sources, String reasoningDelta, List<ToolCallDelta> toolCalls, List<AnswerMedia> media) {
		this(delta, finishReason, usage, cost, sessionId, requestId, sources, reasoningDelta, toolCalls, media, null,
				null);
	}

	/**
	 * The event data of a chunk of text, without reasoning, tool calls or media, that
	 * names no provider or client.
	 */
	public ChatChunkEvent(@Nullable String delta, @Nullable String finishReason, @Nullable Usage usage,
			@Nullable BigDecimal cost, @Nullable String sessionId, @Nullable String requestId,
			List<SearchSource> sources) {
		this(delta, finishReason, usage, cost, sessionId, requestId, sources, "", List.of(), List.of(), null, null);
	}

	/** The event data of a chunk. */
	public static ChatChunkEvent of(ChatChunk chunk) {
		return new ChatChunkEvent(hasContent(chunk) ? chunk.delta() : null, chunk.finishReason(), chunk.usage(),
				chunk.cost(), chunk.sessionId(), chunk.requestId(), chunk.sources(), chunk.reasoningDelta(),
				chunk.toolCalls(), chunk.media(), chunk.provider(), chunk.clientName());
	}

	/**
	 * Whether the event says anything: a chunk with neither content nor any of the other
	 * members but the provider and client (an OpenAI-style role-only first chunk) is not
	 * worth an event. Not public, so that Jackson does not write it as a member.
	 */
	boolean isEmpty() {
		return this.delta == null && this.finishReason == null && this.usage == null && this.cost == null
				&& this.sessionId == null && this.requestId == null && this.sources.isEmpty();
	}

	private static boolean hasContent(ChatChunk chunk) {
		return !chunk.delta().isEmpty() || !chunk.reasoningDelta().isEmpty() || !chunk.toolCalls().isEmpty()
				|| !chunk.media().isEmpty();
	}

	/**
	 * The new text's length, not the text, and whether a session id is set, not the id:
	 * it is user data.
	 */
	@Override
	public String toString() {
		return "ChatChunkEvent[provider=" + this.provider + ", client=" + this.client + ", delta="
				+ ((this.delta != null) ? this.delta.length() + " chars" : "none") + ", finishReason="
				+ this.finishReason + ", usage=" + this.usage + ", cost=" + this.cost + ", sessionId="
				+ ((this.sessionId != null) ? "<set>" : "none") + ", requestId=" + this.requestId + ", sources="
				+ this.sources.size()
				+ (this.reasoningDelta.isEmpty() ? "" : ", reasoningDelta=" + this.reasoningDelta.length() + " chars")
				+ (this.toolCalls.isEmpty() ? "" : ", toolCalls=" + this.toolCalls)
				+ (this.media.isEmpty() ? "" : ", media=" + this.media.size()) + "]";
	}

}
