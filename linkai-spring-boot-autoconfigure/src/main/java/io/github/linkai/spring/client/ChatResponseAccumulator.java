package io.github.linkai.spring.client;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;

import io.github.linkai.spring.client.error.ResponseDecodingException;
import org.jspecify.annotations.Nullable;

/**
 * Merges one stream's chunks into the whole answer, as they arrive: the text, the
 * reasoning, and the tool calls assembled from their fragments. Feed it every chunk, then
 * take the {@link #response()}:
 *
 * <pre>{@code
 * ChatResponseAccumulator whole = ChatResponseAccumulator.of(client);
 * client.stream(request).doOnNext(whole::add).doOnNext(ui::send).blockLast();
 * ChatResponse answer = whole.response();   // tool calls merged, answer.message() ready to send back
 * }</pre>
 *
 * ({@link ChatEndpoint#streamAndCollect} does this when only the whole is wanted.)
 *
 * <p>
 * How fragments merge, as the providers send them: by the call's index; the id and name
 * come with the first fragment that carries them (a later blank or {@code null} one, or
 * another name, never overwrites them); argument pieces are appended in order; several
 * calls may interleave. A fragment whose index is taken by a call with another id starts
 * a new call (servers that number sequential calls all 0); one without an index joins the
 * call with its id, else the last call. A call without an id gets a generated one, and
 * one without arguments {@code {}}. Usage is the last reported (a provider that reports
 * it twice counts once), as are the finish reason, session id, request id and cost.
 *
 * <p>
 * The answer names the provider and client the chunks name, if they do, else the ones the
 * accumulator was made with: a fallback chain's answer names the client that served it,
 * not the chain's first.
 *
 * <p>
 * Not thread-safe: a stream's signals are serial. One accumulator per stream.
 */
public final class ChatResponseAccumulator {

	private static final String ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

	private static final Random RANDOM = new SecureRandom();

	private String provider;

	private String clientName;

	private final Supplier<String> ids;

	private @Nullable String model;

	private final StringBuilder content = new StringBuilder();

	private @Nullable StringBuilder reasoning;

	private final List<Slot> calls = new ArrayList<>(2);

	private final List<AnswerMedia> media = new ArrayList<>(0);

	private @Nullable String finishReason;

	private @Nullable Usage usage;

	private @Nullable String sessionId;

	private @Nullable String requestId;

	private final List<SearchSource> sources = new ArrayList<>(0);

	private @Nullable BigDecimal cost;

	private final Map<String, @Nullable Object> providerFields = new LinkedHashMap<>();

	ChatResponseAccumulator(String provider, String clientName, Supplier<String> ids) {
		this.provider = Objects.requireNonNull(provider, "provider must not be null");
		this.clientName = Objects.requireNonNull(clientName, "clientName must not be null");
		this.ids = ids;
	}

	/**
	 * An accumulator for a stream of this provider and client, named by the answer unless
	 * the chunks name others.
	 */
	public static ChatResponseAccumulator of(String provider, String clientName) {
		return new ChatResponseAccumulator(provider, clientName, ChatResponseAccumulator::generateId);
	}

	/** An accumulator for a stream of this client. */
	public static ChatResponseAccumulator of(ChatEndpoint client) {
		return of(client.provider(), client.name());
	}

	/**
	 * The model the whole answer names: chunks name none, so the one asked for, if known.
	 */
	public ChatResponseAccumulator model(@Nullable String model) {
		this.model = model;
		return this;
	}

	/**
	 * Merges a chunk.
	 * @return the chunk, unchanged: {@code flux.doOnNext(acc::add)} or
	 * {@code flux.map(acc::add)}
	 */
	public ChatChunk add(ChatChunk chunk) {
		String servingProvider = chunk.provider();
		if (servingProvider != null) {
			this.provider = servingProvider;
		}
		String servingClient = chunk.clientName();
		if (servingClient != null) {
			this.clientName = servingClient;
		}
		this.content.append(chunk.delta());
		if (!chunk.reasoningDelta().isEmpty()) {
			if (this.reasoning == null) {
				this.reasoning = new StringBuilder();
			}
			this.reasoning.append(chunk.reasoningDelta());
		}
		for (ToolCallDelta delta : chunk.toolCalls()) {
			merge(delta);
		}
		for (AnswerMedia medium : chunk.media()) {
			if (this.media.stream().noneMatch((known) -> known.url().equals(medium.url()))) {
				this.media.add(medium);
			}
		}
		this.sources.addAll(chunk.sources());
		this.finishReason = or(chunk.finishReason(), this.finishReason);
		this.usage = or(chunk.usage(), this.usage);
		this.sessionId = or(chunk.sessionId(), this.sessionId);
		this.requestId = or(chunk.requestId(), this.requestId);
		this.cost = or(chunk.cost(), this.cost);
		if (!chunk.providerFields().isEmpty()) {
			this.providerFields.putAll(chunk.providerFields());
		}
		return chunk;
	}

	private void merge(ToolCallDelta delta) {
		String id = blankToNull(delta.id());
		Slot slot = find(delta.index(), id);
		if (slot == null) {
			slot = new Slot(delta.index());
			this.calls.add(slot);
		}
		if (slot.id == null && id != null) {
			slot.id = id;
		}
		String name = blankToNull(delta.name());
		if (slot.name == null && name != null) {
			slot.name = name;
		}
		if (delta.arguments() != null) {
			slot.arguments.append(delta.arguments());
		}
		if (!delta.providerFields().isEmpty()) {
			slot.providerFields.putAll(delta.providerFields());
		}
	}

	private @Nullable Slot find(@Nullable Integer index, @Nullable String id) {
		if (index != null) {
			Slot last = null;
			for (Slot slot : this.calls) {
				if (index.equals(slot.index)) {
					last = slot;
				}
			}
			// a new id where the index's call already has another: a server numbering
			// sequential calls all 0
			return (last != null && id != null && last.id != null && !last.id.equals(id)) ? null : last;
		}
		if (id != null) {
			for (Slot slot : this.calls) {
				if (id.equals(slot.id)) {
					return slot;
				}
			}
			return null;
		}
		return this.calls.isEmpty() ? null : this.calls.get(this.calls.size() - 1);
	}

	/** The text so far. */
	public String content() {
		return this.content.toString();
	}

	/** The reasoning so far, {@code null} if none arrived. */
	public @Nullable String reasoningContent() {
		return (this.reasoning != null) ? this.reasoning.toString() : null;
	}

	/** Whether a tool-call fragment arrived. */
	public boolean hasToolCalls() {
		return !this.calls.isEmpty();
	}

	/**
	 * The tool calls merged so far: a generated id where none arrived (the same on every
	 * call of this method), {@code {}} for arguments that did not.
	 * @throws ResponseDecodingException when a call never named its tool
	 */
	public List<ToolCall> toolCalls() {
		List<ToolCall> merged = new ArrayList<>(this.calls.size());
		for (int i = 0; i < this.calls.size(); i++) {
			Slot slot = this.calls.get(i);
			if (slot.name == null) {
				throw new ResponseDecodingException(this.provider, this.clientName, "Tool call "
						+ ((slot.index != null) ? "at index " + slot.index : "#" + i) + " carries no function name",
						null);
			}
			if (slot.id == null) {
				slot.id = this.ids.get();
			}
			String arguments = slot.arguments.toString();
			merged.add(new ToolCall(slot.id, slot.name, arguments.isBlank() ? "{}" : arguments, slot.providerFields));
		}
		return merged;
	}

	/**
	 * The answer so far, whole once the stream completed.
	 * @throws ResponseDecodingException when a tool call never named its tool
	 */
	public ChatResponse response() {
		return new ChatResponse(this.provider, this.clientName, this.model, content(), reasoningContent(), toolCalls(),
				this.media, this.finishReason, this.usage, this.sessionId, this.requestId, this.sources, this.cost,
				this.providerFields);
	}

	@Override
	public String toString() {
		return "ChatResponseAccumulator[provider=" + this.provider + ", clientName=" + this.clientName + ", content="
				+ this.content.length() + " chars, toolCalls=" + this.calls.size() + "]";
	}

	private static <T> @Nullable T or(@Nullable T value, @Nullable T fallback) {
		return (value != null) ? value : fallback;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/** {@code call_} and 24 random lower-case letters and digits, as OpenAI's look. */
	static String generateId() {
		StringBuilder id = new StringBuilder(29).append("call_");
		for (int i = 0; i < 24; i++) {
			id.append(ID_CHARACTERS.charAt(RANDOM.nextInt(ID_CHARACTERS.length())));
		}
		return id.toString();
	}

	/** One call being assembled. */
	private static final class Slot {

		final @Nullable Integer index;

		@Nullable String id;

		@Nullable String name;

		final StringBuilder arguments = new StringBuilder();

		final Map<String, @Nullable Object> providerFields = new LinkedHashMap<>(0);

		Slot(@Nullable Integer index) {
			this.index = index;
		}

	}

}
