package io.github.linkai.spring.client;

import java.util.Locale;
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

	/**
	 * A text part.
	 *
	 * @param text the text, never empty when sent
	 */
	record Text(String text) implements ContentPart {

		public Text {
			Objects.requireNonNull(text, "text must not be null");
		}

		/** The length only: the text is user data. */
		@Override
		public String toString() {
			return "Text[" + this.text.length() + " chars]";
		}

	}

	/**
	 * An image part.
	 *
	 * @param url a publicly reachable image URL
	 */
	record Image(String url) implements ContentPart {

		public Image {
			Objects.requireNonNull(url, "url must not be null");
		}

		/**
		 * The URL's scheme and length only: a {@code data:} URL is the image itself, and
		 * another may be signed or name the user.
		 */
		@Override
		public String toString() {
			int colon = this.url.indexOf(':');
			String scheme = (colon > 0 && this.url.substring(0, colon).chars().allMatch(Character::isLetter))
					? this.url.substring(0, colon).toLowerCase(Locale.ROOT) : "?";
			return "Image[" + scheme + " URL, " + this.url.length() + " chars]";
		}

	}

}
