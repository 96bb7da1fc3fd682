package io.github.linkai.spring.client.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.ServerSentEvent;

/**
 * Splits a response body into server-sent events, line by line. Written by hand because Spring's
 * {@code ServerSentEventHttpMessageReader} ends an event only at a blank line: a stream framed as LinkAI's
 * document prints it, one {@code data:} line per event with no blank line between, would reach the caller as
 * a single event after the whole answer, and fail once longer than the codec's buffer. Here a {@code data:}
 * line holding one complete JSON value (balanced braces and brackets outside strings) or {@code [DONE]} is an
 * event as soon as it arrives; data spread over several lines is joined until the blank line, as the standard
 * says. Lines may end in {@code \n}, {@code \r\n} or {@code \r}; comments ({@code : ping}), {@code id:} and
 * {@code retry:} are skipped; {@code data:} may come with or without its space; an event left incomplete when
 * the body ends is discarded, as the standard says, so the stream reads as truncated.
 *
 * <p>Lines are found in the bytes (every delimiter is ASCII, so a multi-byte UTF-8 character is never cut) and only
 * a {@code data:} or {@code event:} value is decoded, once, into the event's string: no string per line, no
 * substrings. (Spring's {@code StringDecoder} split the lines before; it decoded every line with its delimiter and
 * matched delimiters byte by byte through a composite matcher, the largest cost of a stream's decoding.)
 */
public final class EventStreamLines {

	private final int maxEventBytes;

	/** @param maxEventBytes the longest line, and the largest event, accepted: beyond it the stream fails */
	public EventStreamLines(int maxEventBytes) {
		this.maxEventBytes = maxEventBytes;
	}

	/** The events of one response body. */
	public Flux<ServerSentEvent<String>> events(Flux<DataBuffer> body) {
		return Flux.defer(() -> {
			Pending pending = new Pending(this.maxEventBytes);
			// handle, which queues nothing: each buffer is read and released here, once, whatever follows
			return body.<List<ServerSentEvent<String>>>handle((buffer, sink) -> {
				List<ServerSentEvent<String>> events;
				try {
					events = pending.accept(buffer);
				}
				catch (DataBufferLimitException ex) {
					sink.error(ex);
					return;
				}
				finally {
					DataBufferUtils.release(buffer);
				}
				if (!events.isEmpty()) {
					sink.next(events);
				}
			})
				.concatWith(Mono.fromSupplier(pending::finish))
				.concatMapIterable((events) -> events);
		});
	}

	/** The line and the event being read; touched serially by one stream's buffers. */
	private static final class Pending {

		private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

		private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);

		private final int maxEventBytes;

		/** The start of a line that has not ended yet, carried over to the next buffer. */
		private byte[] carried = new byte[0];

		private int carriedLength;

		private @Nullable StringBuilder data;

		private @Nullable String event;

		private boolean afterCarriageReturn;

		Pending(int maxEventBytes) {
			this.maxEventBytes = maxEventBytes;
		}

		/** The events the lines completed by this buffer end. */
		List<ServerSentEvent<String>> accept(DataBuffer buffer) {
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
			List<ServerSentEvent<String>> events = List.of();
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
					ServerSentEvent<String> completed = line(bytes, lineStart, i);
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

		/** The body ended: its last piece, which has no line end, is kept only if it is a whole event on its own. */
		List<ServerSentEvent<String>> finish() {
			if (this.carriedLength == 0 || this.data != null || !startsWith(this.carried, 0, this.carriedLength, DATA)
					|| this.carriedLength <= DATA.length || this.carried[DATA.length] != ':') {
				return List.of();
			}
			String value = value(this.carried, DATA.length + 1, this.carriedLength);
			return isComplete(value) ? List.of(event(value)) : List.of();
		}

		private void checkLength(int lineLength) {
			if (lineLength > this.maxEventBytes) {
				throw new DataBufferLimitException("Stream line exceeds the limit of " + this.maxEventBytes + " bytes");
			}
		}

		/** A line without its delimiter, {@code bytes[start, end)}. */
		private @Nullable ServerSentEvent<String> line(byte[] bytes, int start, int end) {
			if (start == end) {
				return (this.data != null || this.event != null) ? event((this.data != null) ? this.data.toString() : null)
						: null;
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
				return data((colon < end) ? value(bytes, colon + 1, end) : "");
			}
			if (fieldLength == EVENT.length && startsWith(bytes, start, end, EVENT)) {
				this.event = (colon < end) ? value(bytes, colon + 1, end) : "";
			}
			return null;
		}

		private @Nullable ServerSentEvent<String> data(String value) {
			if (this.data == null) {
				if (isComplete(value)) {
					return event(value);
				}
				if (value.isBlank()) {
					return null; // an empty data: line carries nothing, and must not swallow the lines after it
				}
				this.data = new StringBuilder(value);
				return null;
			}
			if (this.data.length() + value.length() > this.maxEventBytes) {
				throw new DataBufferLimitException(
						"Stream event exceeds the limit of " + this.maxEventBytes + " characters");
			}
			this.data.append('\n').append(value);
			return null;
		}

		private ServerSentEvent<String> event(@Nullable String data) {
			ServerSentEvent.Builder<String> builder = ServerSentEvent.builder();
			if (data != null) {
				builder.data(data);
			}
			if (this.event != null) {
				builder.event(this.event);
			}
			this.data = null;
			this.event = null;
			return builder.build();
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

		/** The field value in {@code bytes[start, end)}, without the one optional leading space, decoded once. */
		private static String value(byte[] bytes, int start, int end) {
			int from = (start < end && bytes[start] == ' ') ? start + 1 : start;
			return new String(bytes, from, end - from, StandardCharsets.UTF_8);
		}

		/** {@code [DONE]}, or one JSON object or array whose brackets balance (outside strings) by its end. */
		private static boolean isComplete(String value) {
			String trimmed = value.strip();
			if ("[DONE]".equals(trimmed)) {
				return true;
			}
			if (trimmed.isEmpty() || (trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[')) {
				return false;
			}
			int depth = 0;
			boolean inString = false;
			for (int i = 0; i < trimmed.length(); i++) {
				char c = trimmed.charAt(i);
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
					return i == trimmed.length() - 1;
				}
			}
			return false;
		}

	}

}
