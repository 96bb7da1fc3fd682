package io.github.linkai.spring.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation: a role and its content, either plain text or a list of
 * parts (text and images). An assistant message may also hold the tool calls the model
 * asked for and its reasoning, sent back as history; a {@link Role#TOOL tool} message
 * answers one of those calls.
 *
 * @param role who wrote the message
 * @param parts the content; a single {@link ContentPart.Text} is sent as a plain string;
 * empty for an assistant message that only calls tools
 * @param toolCalls the tool calls of an assistant message, in order; empty otherwise
 * @param toolCallId the call a tool message answers; {@code null} for other roles
 * @param reasoningContent the reasoning of an assistant message, sent back where the
 * provider needs it (DeepSeek's thinking mode answers 400 without the reasoning of a turn
 * that called tools); {@code null} for none
 */
public record ChatMessage(Role role, List<ContentPart> parts, List<ToolCall> toolCalls, @Nullable String toolCallId,
		@Nullable String reasoningContent) {

	public ChatMessage {
		Objects.requireNonNull(role, "role must not be null");
		Objects.requireNonNull(parts, "parts must not be null");
		Objects.requireNonNull(toolCalls, "toolCalls must not be null");
		parts = List.copyOf(parts);
		toolCalls = List.copyOf(toolCalls);
		if (role != Role.ASSISTANT && (!toolCalls.isEmpty() || reasoningContent != null)) {
			throw new IllegalArgumentException("only an assistant message holds tool calls and reasoning");
		}
		if ((role == Role.TOOL) != (toolCallId != null)) {
			throw new IllegalArgumentException("a tool message, and only a tool message, names a tool call id");
		}
	}

	/** A message of text and images, without tool calls or reasoning. */
	public ChatMessage(Role role, List<ContentPart> parts) {
		this(role, parts, List.of(), null, null);
	}

	/** A system message. */
	public static ChatMessage system(String text) {
		return new ChatMessage(Role.SYSTEM, List.of(ContentPart.text(text)));
	}

	/** A user message. */
	public static ChatMessage user(String text) {
		return new ChatMessage(Role.USER, List.of(ContentPart.text(text)));
	}

	/**
	 * A user message with a question about one or more images, e.g.
	 * {@code user("这张图是什么?", url)}.
	 */
	public static ChatMessage user(String text, String... imageUrls) {
		List<ContentPart> parts = new ArrayList<>(imageUrls.length + 1);
		parts.add(ContentPart.text(text));
		for (String url : imageUrls) {
			parts.add(ContentPart.image(url));
		}
		return new ChatMessage(Role.USER, parts);
	}

	/** An earlier answer of the assistant, sent back as history. */
	public static ChatMessage assistant(String text) {
		return new ChatMessage(Role.ASSISTANT, List.of(ContentPart.text(text)));
	}

	/**
	 * An earlier answer of the assistant that called tools; {@code text} may be
	 * {@code null} or empty when it only called them. {@code ChatResponse.message()}
	 * gives this for an answer, with its reasoning.
	 */
	public static ChatMessage assistant(@Nullable String text, List<ToolCall> toolCalls) {
		List<ContentPart> parts = (text != null && !text.isEmpty()) ? List.of(ContentPart.text(text)) : List.of();
		return new ChatMessage(Role.ASSISTANT, parts, toolCalls, null, null);
	}

	/** The result of a tool call, answering the call with this id. */
	public static ChatMessage toolResult(String toolCallId, String content) {
		Objects.requireNonNull(toolCallId, "toolCallId must not be null");
		return new ChatMessage(Role.TOOL, List.of(ContentPart.text(content)), List.of(), toolCallId, null);
	}

	/** This assistant message with its reasoning, to be sent back. */
	public ChatMessage withReasoning(@Nullable String reasoning) {
		return new ChatMessage(this.role, this.parts, this.toolCalls, this.toolCallId, reasoning);
	}

	/** Whether this is an assistant message with tool calls. */
	public boolean hasToolCalls() {
		return !this.toolCalls.isEmpty();
	}

	/**
	 * Whether the content is a single text part, which providers receive as a plain
	 * string.
	 */
	public boolean isPlainText() {
		return this.parts.size() == 1 && this.parts.get(0) instanceof ContentPart.Text;
	}

	/** The text parts joined, ignoring images. */
	public String text() {
		if (this.parts.size() == 1 && this.parts.get(0) instanceof ContentPart.Text single) {
			return single.text();
		}
		StringBuilder text = new StringBuilder();
		for (ContentPart part : this.parts) {
			if (part instanceof ContentPart.Text t) {
				text.append(t.text());
			}
		}
		return text.toString();
	}

	/**
	 * The role and the parts' kinds and sizes, never their text or image URLs (user
	 * data); the tool calls by id and name, the reasoning by length.
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("ChatMessage[role=").append(this.role.wireName())
			.append(", parts=")
			.append(this.parts);
		if (!this.toolCalls.isEmpty()) {
			text.append(", toolCalls=").append(this.toolCalls);
		}
		if (this.toolCallId != null) {
			text.append(", toolCallId=").append(this.toolCallId);
		}
		if (this.reasoningContent != null) {
			text.append(", reasoningContent=").append(this.reasoningContent.length()).append(" chars");
		}
		return text.append(']').toString();
	}

	/** Whether any part is an image. */
	public boolean hasImages() {
		for (ContentPart part : this.parts) {
			if (part instanceof ContentPart.Image) {
				return true;
			}
		}
		return false;
	}

}
