package io.github.linkai.spring.client;

import java.util.Objects;

/** One part of a message's content: text, or an image the model should look at. */
public sealed interface ContentPart permits ContentPart.Text, ContentPart.Image {

	/** A text part. */
	static Text text(String text) {
		return new Text(text);
	}

	/** An image part, given by a URL the provider can fetch (or a {@code data:} URL). */
	static Image image(String url) {
		return new Image(url);
	}

	/** A text part. @param text the text, never empty when sent */
	record Text(String text) implements ContentPart {

		public Text {
			Objects.requireNonNull(text, "text must not be null");
		}

	}

	/** An image part. @param url a publicly reachable image URL */
	record Image(String url) implements ContentPart {

		public Image {
			Objects.requireNonNull(url, "url must not be null");
		}

	}

}
