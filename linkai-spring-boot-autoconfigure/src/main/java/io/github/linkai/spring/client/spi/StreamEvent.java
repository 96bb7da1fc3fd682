package io.github.linkai.spring.client.spi;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * One server-sent event of a response stream: its {@code event:} name and its
 * {@code data:} (UTF-8, the lines of a multi-line value joined by {@code \n}). The data
 * stays in the bytes it arrived in: the exchange binds it to the mapping's record
 * straight from them, with no string in between.
 */
public final class StreamEvent {

	private final @Nullable String event;

	private static final byte[] NO_DATA = new byte[0];

	/** The data's array, {@link #NO_DATA} for an event without data. */
	private final byte[] bytes;

	private final int offset;

	private final int length;

	/**
	 * An event.
	 * @param event the {@code event:} name, {@code null} for none
	 * @param bytes holds the data, {@code null} for an event without a {@code data:}
	 * line; never changed afterwards
	 * @param offset where the data starts in {@code bytes}
	 * @param length the data's length in bytes
	 */
	public StreamEvent(@Nullable String event, byte @Nullable [] bytes, int offset, int length) {
		this.event = event;
		this.bytes = (bytes != null) ? bytes : NO_DATA;
		this.offset = offset;
		this.length = length;
	}

	/** The {@code event:} name, {@code null} for none. */
	public @Nullable String event() {
		return this.event;
	}

	/** Whether the event has a {@code data:} line. */
	public boolean hasData() {
		return this.bytes != NO_DATA;
	}

	/**
	 * The data decoded, {@code null} when there is none: for a mapping that reads it as
	 * text.
	 */
	public @Nullable String data() {
		return hasData() ? new String(this.bytes, this.offset, this.length, StandardCharsets.UTF_8) : null;
	}

	/**
	 * The array holding the data (not a copy: never to be changed), {@code null} when
	 * there is none.
	 */
	public byte @Nullable [] dataBytes() {
		return hasData() ? this.bytes : null;
	}

	/** Where the data starts in {@link #dataBytes()}. */
	public int dataOffset() {
		return this.offset;
	}

	/** The data's length in bytes. */
	public int dataLength() {
		return this.length;
	}

	/** Whether the data is blank: none, empty or only whitespace (a keep-alive). */
	public boolean isBlank() {
		return start() == this.offset + this.length;
	}

	/**
	 * Whether the data, without the whitespace around it, is {@code marker} (an ASCII
	 * text such as {@code [DONE]}).
	 */
	public boolean dataEquals(String marker) {
		int start = start();
		int end = this.offset + this.length;
		while (end > start && isWhitespace(this.bytes[end - 1])) {
			end--;
		}
		if (end - start != marker.length()) {
			return false;
		}
		for (int i = 0; i < marker.length(); i++) {
			if (this.bytes[start + i] != marker.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Where the data starts once leading whitespace is skipped: its end when it is all
	 * whitespace.
	 */
	private int start() {
		int start = this.offset;
		while (start < this.offset + this.length && isWhitespace(this.bytes[start])) {
			start++;
		}
		return start;
	}

	private static boolean isWhitespace(byte b) {
		return b == ' ' || b == '\t' || b == '\n' || b == '\r';
	}

	@Override
	public String toString() {
		// the data is the conversation: its size only
		return "StreamEvent[event=" + this.event + ", data=" + (hasData() ? this.length + " bytes" : "none") + "]";
	}

}
