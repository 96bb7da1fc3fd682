package io.github.linkai.spring.client.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.linkai.spring.client.spi.StreamEvent;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Splits a response body into server-sent events, line by line. Written by hand because
 * Spring's {@code ServerSentEventHttpMessageReader} ends an event only at a blank line: a
 * stream framed as LinkAI's document prints it, one {@code data:} line per event with no
 * blank line between, would reach the caller as a single event after the whole answer,
 * and fail once longer than the codec's buffer. Here a {@code data:} line holding one
 * complete JSON value (balanced braces and brackets outside strings) or {@code [DONE]} is
 * an event as soon as it arrives; data spread over several lines is joined until the
 * blank line, as the standard says. Lines may end in {@code \n}, {@code \r\n} or
 * {@code \r}; comments ({@code : ping}), {@code id:} and {@code retry:} are skipped;
 * {@code data:} may come with or without its space; an event left incomplete when the
 * body ends is discarded, as the standard says, so the stream reads as truncated.
 *
 * <p>
 * Lines are found in the bytes (every delimiter is ASCII, so a multi-byte UTF-8 character
 * is never cut) and an event's data stays in them: a {@link StreamEvent} points into the
 * buffer's copy it arrived in, which Jackson then reads directly. No string per line or
 * per event; only an {@code event:} name is decoded. (Spring's {@code StringDecoder}
 * split the lines before; it decoded every line with its delimiter and matched delimiters
 * byte by byte through a composite matcher, the largest cost of a stream's decoding.)
 */
public final class EventStreamLines {

	private final int maxEventBytes;

	/**
	 * A splitter with a size limit.
	 * @param maxEventBytes the longest line, and the largest event, accepted: beyond it
	 * the stream fails
	 */
	public EventStreamLines(int maxEventBytes) {
		this.maxEventBytes = maxEventBytes;
	}

	/** The events of one response body. */
	public Flux<StreamEvent> events(Flux<DataBuffer> body) {
		return Flux.defer(() -> {
			Pending pending = new Pending(this.maxEventBytes);
			// map, which queues nothing (nor handle(), which restores the Reactor
			// context's thread locals for every
			// buffer when context-propagation is on the classpath): each buffer is read
			// and released here, once
			return body.map((buffer) -> {
				try {
					return pending.accept(buffer);
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			})
				.concatWith(Mono.fromSupplier(pending::finish))
				// one buffer's events at a time: map() is synchronous, a deeper prefetch
				// only allocates a queue
				.concatMapIterable((events) -> events, 1);
		});
	}

	/**
	 * The line and the event being read; touched serially by one stream's buffers. The
	 * arrays lines are read into are never written once filled, so an event (or a pending
	 * data line) may point into them.
	 */
	private static final class Pending {

		private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

		private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);

		private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

		private final int maxEventBytes;

		/**
		 * The start of a line that has not ended yet, carried over to the next buffer.
		 */
		private byte[] carried = new byte[0];

		private int carriedLength;

		/**
		 * The first data line of an event not complete yet:
		 * {@code dataBytes[dataOffset, dataOffset + dataLength)}.
		 */
		private byte @Nullable [] dataBytes;

		private int dataOffset;

		private int dataLength;

		/** The data lines so far, once a second one came. */
		private @Nullable ByteArrayOutputStream joined;

		private @Nullable String event;

		private boolean afterCarriageReturn;

		Pending(int maxEventBytes) {
			this.maxEventBytes = maxEventBytes;
		}

		/** The events the lines completed by this buffer end. */
		List<StreamEvent> accept(DataBuffer buffer) {
			int length = buffer.readableByteCount();
			byte[] bytes;
			int from;
			if (this.carriedLength == 0) {
				bytes = new byte[length];
				from = 0;
			}
			else {
				bytes = Arrays.copyOf(this.carried, this.carriedLength + length);
				from = this.carriedLength;
			}
			buffer.read(bytes, from, length);
			List<StreamEvent> events = List.of();
			int lineStart = 0;
			for (int i = from; i < bytes.length; i++) {
				byte b = bytes[i];
				if (b != '\n' && b != '\r') {
					continue;
				}
				checkLength(i - lineStart);
				boolean crlfTail = this.afterCarriageReturn && b == '\n' && i == lineStart;
				this.afterCarriageReturn = b == '\r';
				if (!crlfTail) {
					StreamEvent completed = line(bytes, lineStart, i);
					if (completed != null) {
						events = (events.isEmpty()) ? new ArrayList<>(2) : events;
						events.add(completed);
					}
				}
				lineStart = i + 1;
			}
			checkLength(bytes.length - lineStart);
			this.carriedLength = bytes.length - lineStart;
			if (this.carriedLength > 0) {
				this.carried = (lineStart == 0) ? bytes : Arrays.copyOfRange(bytes, lineStart, bytes.length);
			}
			return events;
		}

		/**
		 * The body ended: its last piece, which has no line end, is kept only if it is a
		 * whole event on its own.
		 */
		List<StreamEvent> finish() {
			if (this.carriedLength == 0 || this.dataBytes != null
					|| !startsWith(this.carried, 0, this.carriedLength, DATA) || this.carriedLength <= DATA.length
					|| this.carried[DATA.length] != ':') {
				return List.of();
			}
			int start = valueStart(this.carried, DATA.length + 1, this.carriedLength);
			return isComplete(this.carried, start, this.carriedLength)
					? List.of(event(this.carried, start, this.carriedLength - start)) : List.of();
		}

		private void checkLength(int lineLength) {
			if (lineLength > this.maxEventBytes) {
				throw new DataBufferLimitException("Stream line exceeds the limit of " + this.maxEventBytes + " bytes");
			}
		}

		/** A line without its delimiter, {@code bytes[start, end)}. */
		private @Nullable StreamEvent line(byte[] bytes, int start, int end) {
			if (start == end) {
				return (this.dataBytes != null || this.event != null) ? pendingEvent() : null;
			}
			if (bytes[start] == ':') {
				return null;
			}
			int colon = start;
			while (colon < end && bytes[colon] != ':') {
				colon++;
			}
			int fieldLength = colon - start;
			if (fieldLength == DATA.length && startsWith(bytes, start, end, DATA)) {
				int value = (colon < end) ? valueStart(bytes, colon + 1, end) : end;
				return data(bytes, value, end);
			}
			if (fieldLength == EVENT.length && startsWith(bytes, start, end, EVENT)) {
				int value = (colon < end) ? valueStart(bytes, colon + 1, end) : end;
				this.event = new String(bytes, value, end - value, StandardCharsets.UTF_8);
			}
			return null;
		}

		/** A data line's value, {@code bytes[start, end)}. */
		private @Nullable StreamEvent data(byte[] bytes, int start, int end) {
			if (this.dataBytes == null) {
				if (isComplete(bytes, start, end)) {
					return event(bytes, start, end - start);
				}
				if (isBlank(bytes, start, end)) {
					return null; // an empty data: line carries nothing, and must not
									// swallow the lines after it
				}
				this.dataBytes = bytes;
				this.dataOffset = start;
				this.dataLength = end - start;
				return null;
			}
			if (this.joined == null) {
				this.joined = new ByteArrayOutputStream(this.dataLength * 2 + (end - start));
				this.joined.write(this.dataBytes, this.dataOffset, this.dataLength);
			}
			if (this.joined.size() + 1 + (end - start) > this.maxEventBytes) {
				throw new DataBufferLimitException(
						"Stream event exceeds the limit of " + this.maxEventBytes + " bytes");
			}
			this.joined.write('\n');
			this.joined.write(bytes, start, end - start);
			return null;
		}

		private StreamEvent pendingEvent() {
			if (this.joined != null) {
				byte[] joined = this.joined.toByteArray();
				return event(joined, 0, joined.length);
			}
			return event(this.dataBytes, this.dataOffset, this.dataLength);
		}

		private StreamEvent event(byte @Nullable [] bytes, int offset, int length) {
			StreamEvent event = new StreamEvent(this.event, bytes, offset, length);
			this.dataBytes = null;
			this.joined = null;
			this.event = null;
			return event;
		}

		private static boolean startsWith(byte[] bytes, int start, int end, byte[] prefix) {
			if (end - start < prefix.length) {
				return false;
			}
			for (int i = 0; i < prefix.length; i++) {
				if (bytes[start + i] != prefix[i]) {
					return false;
				}
			}
			return true;
		}

		/**
		 * Where a field's value starts: after the one optional space following the colon
		 * at {@code start - 1}.
		 */
		private static int valueStart(byte[] bytes, int start, int end) {
			return (start < end && bytes[start] == ' ') ? start + 1 : start;
		}

		private static boolean isWhitespace(byte b) {
			return b == ' ' || b == '\t' || b == '\n' || b == '\r';
		}

		private static boolean isBlank(byte[] bytes, int start, int end) {
			for (int i = start; i < end; i++) {
				if (!isWhitespace(bytes[i])) {
					return false;
				}
			}
			return true;
		}

		/**
		 * {@code [DONE]}, or one JSON object or array whose brackets balance (outside
		 * strings) by its end. Every byte looked at is ASCII, and no byte of a multi-byte
		 * UTF-8 character is.
		 */
		private static boolean isComplete(byte[] bytes, int start, int end) {
			while (start < end && isWhitespace(bytes[start])) {
				start++;
			}
			while (end > start && isWhitespace(bytes[end - 1])) {
				end--;
			}
			if (end - start == DONE.length && startsWith(bytes, start, end, DONE)) {
				return true;
			}
			if (start == end || (bytes[start] != '{' && bytes[start] != '[')) {
				return false;
			}
			int depth = 0;
			boolean inString = false;
			for (int i = start; i < end; i++) {
				byte c = bytes[i];
				if (inString) {
					if (c == '\\') {
						i++;
					}
					else if (c == '"') {
						inString = false;
					}
				}
				else if (c == '"') {
					inString = true;
				}
				else if (c == '{' || c == '[') {
					depth++;
				}
				else if ((c == '}' || c == ']') && --depth == 0) {
					return i == end - 1;
				}
			}
			return false;
		}

	}

}
