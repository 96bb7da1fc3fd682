package io.github.linkai.spring.client.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * {@code \r}; comments ({@code : ping}), {@code id:} and {@code retry:} are skipped, and
 * so is a block with an {@code event:} name but no data, which the standard does not
 * dispatch; {@code data:} may come with or without its space; an event left incomplete
 * when the body ends is discarded, as the standard says, so the stream reads as
 * truncated.
 *
 * <p>
 * Lines are found in the bytes (every delimiter is ASCII, so a multi-byte UTF-8 character
 * is never cut) and an event's data stays in them: a {@link StreamEvent} points into the
 * buffer's copy it arrived in, which Jackson then reads directly. No string per line or
 * per event; only an {@code event:} name is decoded. (Spring's {@code StringDecoder}
 * split the lines before; it decoded every line with its delimiter and matched delimiters
 * byte by byte through a composite matcher, the largest cost of a stream's decoding.)
 *
 * <p>
 * A line longer than a network read (a base64 image, long tool-call arguments: events of
 * several MB are ordinary, and Reactor Netty reads 8 KB at a time) is kept as the reads'
 * copies and joined into one array when it ends; only each new read is searched for a
 * line end. A big event so costs time in proportion to its size, and at most about twice
 * its size in memory. A buffer is copied no further than the limit lets the line grow, so
 * one inflated from a few compressed bytes costs the limit, not its size.
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

		private static final byte[] NEWLINE = { '\n' };

		private final int maxEventBytes;

		/** The start of a line that has not ended yet: its pieces of the reads so far. */
		private final Pieces line = new Pieces();

		/** The data lines of an event not complete yet, with a newline between each. */
		private final Pieces data = new Pieces();

		private @Nullable String event;

		private boolean afterCarriageReturn;

		Pending(int maxEventBytes) {
			this.maxEventBytes = maxEventBytes;
		}

		/** The events the lines completed by this buffer end. */
		List<StreamEvent> accept(DataBuffer buffer) {
			List<StreamEvent> events = List.of();
			for (int readable = buffer.readableByteCount(); readable > 0; readable = buffer.readableByteCount()) {
				// never more than the unfinished line may still grow by, plus the byte
				// that passes the limit: a buffer inflated from a few compressed bytes
				// costs the limit, not its size
				int room = this.maxEventBytes - this.line.length();
				byte[] bytes = new byte[(readable > room) ? room + 1 : readable];
				buffer.read(bytes);
				events = lines(bytes, events);
			}
			return events;
		}

		/**
		 * The events the lines ending in {@code bytes} complete. Only these new bytes are
		 * searched for line ends: a line begun in earlier reads is not looked at again
		 * until it ends.
		 */
		private List<StreamEvent> lines(byte[] bytes, List<StreamEvent> events) {
			int lineStart = 0;
			for (int i = 0; i < bytes.length; i++) {
				byte b = bytes[i];
				if (b != '\n' && b != '\r') {
					continue;
				}
				boolean crlfTail = this.afterCarriageReturn && b == '\n' && i == lineStart && this.line.isEmpty();
				this.afterCarriageReturn = b == '\r';
				if (!crlfTail) {
					StreamEvent completed = this.line.isEmpty() ? line(bytes, lineStart, i) : carriedLine(bytes, i);
					if (completed != null) {
						events = (events.isEmpty()) ? new ArrayList<>(2) : events;
						events.add(completed);
					}
				}
				lineStart = i + 1;
			}
			int tail = bytes.length - lineStart;
			if (tail > 0) {
				// the read is at most one byte longer than the line may grow by: only a
				// line left unfinished can have passed the limit
				if (tail > this.maxEventBytes - this.line.length()) {
					throw new DataBufferLimitException(
							"Stream line exceeds the limit of " + this.maxEventBytes + " bytes");
				}
				this.line.add(bytes, lineStart, tail);
			}
			return events;
		}

		/**
		 * The line carried over from earlier reads ends at {@code bytes[end]}: its pieces
		 * are joined, once.
		 */
		private @Nullable StreamEvent carriedLine(byte[] bytes, int end) {
			this.line.add(bytes, 0, end);
			Slice whole = this.line.take();
			return line(whole.bytes(), whole.offset(), whole.offset() + whole.length());
		}

		/**
		 * The body ended: its last piece, which has no line end, is kept only if it is a
		 * whole event on its own.
		 */
		List<StreamEvent> finish() {
			if (this.line.isEmpty() || !this.data.isEmpty()) {
				return List.of();
			}
			Slice last = this.line.take();
			byte[] bytes = last.bytes();
			int start = last.offset();
			int end = start + last.length();
			if (!startsWith(bytes, start, end, DATA) || end - start <= DATA.length
					|| bytes[start + DATA.length] != ':') {
				return List.of();
			}
			int value = valueStart(bytes, start + DATA.length + 1, end);
			return isComplete(bytes, value, end) ? List.of(event(bytes, value, end - value)) : List.of();
		}

		/** A line without its delimiter, {@code bytes[start, end)}. */
		private @Nullable StreamEvent line(byte[] bytes, int start, int end) {
			if (start == end) {
				if (this.data.isEmpty()) {
					// an event: name without data is not dispatched (the standard's "if
					// the
					// data buffer is an empty string"): a ping, which must not pass for
					// one
					this.event = null;
					return null;
				}
				return pendingEvent();
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
			if (this.data.isEmpty()) {
				if (isComplete(bytes, start, end)) {
					return event(bytes, start, end - start);
				}
				if (isBlank(bytes, start, end)) {
					return null; // an empty data: line carries nothing, and must not
									// swallow the lines after it
				}
				this.data.add(bytes, start, end - start);
				return null;
			}
			if (this.data.length() + 1 + (end - start) > this.maxEventBytes) {
				throw new DataBufferLimitException(
						"Stream event exceeds the limit of " + this.maxEventBytes + " bytes");
			}
			this.data.add(NEWLINE, 0, 1);
			this.data.add(bytes, start, end - start);
			return null;
		}

		private StreamEvent pendingEvent() {
			Slice data = this.data.take();
			return event(data.bytes(), data.offset(), data.length());
		}

		private StreamEvent event(byte @Nullable [] bytes, int offset, int length) {
			StreamEvent event = new StreamEvent(this.event, bytes, offset, length);
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

	/**
	 * Ranges of the arrays read, joined into one array only when a line or an event spans
	 * more than one: a long line is copied once more when it ends instead of again with
	 * every read, so its time and memory stay in proportion to its size (the pieces and
	 * their join, twice its size at most).
	 */
	private static final class Pieces {

		private final List<Slice> slices = new ArrayList<>();

		private int length;

		int length() {
			return this.length;
		}

		boolean isEmpty() {
			return this.length == 0;
		}

		void add(byte[] bytes, int offset, int length) {
			if (length > 0) {
				this.slices.add(new Slice(bytes, offset, length));
				this.length += length;
			}
		}

		/**
		 * The pieces as one range, a new array only if there is more than one; the pieces
		 * are let go of, so the reads they held can be collected.
		 */
		Slice take() {
			Slice taken = (this.slices.size() == 1) ? this.slices.get(0) : joined();
			this.slices.clear();
			this.length = 0;
			return taken;
		}

		private Slice joined() {
			byte[] joined = new byte[this.length];
			int at = 0;
			for (Slice slice : this.slices) {
				System.arraycopy(slice.bytes(), slice.offset(), joined, at, slice.length());
				at += slice.length();
			}
			return new Slice(joined, 0, joined.length);
		}

	}

	/** {@code bytes[offset, offset + length)}. */
	private record Slice(byte[] bytes, int offset, int length) {
	}

}
