package io.github.linkai.spring.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation: a role and its content, either plain text or a list of
 * parts (text and images).
 *
 * @param role who wrote the message
 * @param parts the content; a single {@link ContentPart.Text} is sent as a plain string
 */
public record ChatMessage(Role role, List<ContentPart> parts) {

	public ChatMessage {
		Objects.requireNonNull(role, "role must not be null");
		Objects.requireNonNull(parts, "parts must not be null");
		parts = List.copyOf(parts);
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
	 * data).
	 */
	@Override
	public String toString() {
		return "ChatMessage[role=" + this.role.wireName() + ", parts=" + this.parts + "]";
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
