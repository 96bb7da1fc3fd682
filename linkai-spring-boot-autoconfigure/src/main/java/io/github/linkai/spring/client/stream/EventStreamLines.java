package io.github.linkai.spring.client.stream;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
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
 * the body ends is discarded, as the standard says, so the stream reads as truncated. The line splitting itself
 * (across network buffers, multi-byte UTF-8 safe) is Spring's {@link StringDecoder}.
 */
public final class EventStreamLines {

	private static final ResolvableType STRING = ResolvableType.forClass(String.class);

	private final StringDecoder lineDecoder;

	private final int maxEventBytes;

	/** @param maxEventBytes the longest line, and the largest event, accepted: beyond it the stream fails */
	public EventStreamLines(int maxEventBytes) {
		// Delimiters are kept, to tell the last, unterminated piece of a body from a line. Spring's matcher ends a
		// line at the first delimiter byte, so a CRLF arrives as "...\r" then "\n".
		this.lineDecoder = StringDecoder.allMimeTypes(List.of("\n", "\r"), false);
		// The line length is bounded before the decoder (see bounded): when the decoder's own limit trips, it
		// releases buffers that Reactor Netty then releases again. Its limit stays as a backstop above ours.
		this.lineDecoder.setMaxInMemorySize(maxEventBytes + 1024);
		this.maxEventBytes = maxEventBytes;
	}

	/**
	 * The body, failing once the bytes since the last line end exceed the limit; the buffer that crosses it is
	 * released here, once, and nothing of it reaches the decoder.
	 */
	private Flux<DataBuffer> bounded(Flux<DataBuffer> body) {
		return Flux.defer(() -> {
			long[] sinceLineEnd = new long[1];
			return body.handle((buffer, sink) -> {
				// the longest run of bytes without a line end, carried over from the buffers before
				int end = buffer.readPosition() + buffer.readableByteCount();
				long longest = 0;
				int from = buffer.readPosition();
				while (from < end) {
					int lineEnd = buffer.indexOf((b) -> b == '\n' || b == '\r', from);
					if (lineEnd < 0 || lineEnd >= end) {
						sinceLineEnd[0] += end - from;
						longest = Math.max(longest, sinceLineEnd[0]);
						break;
					}
					longest = Math.max(longest, sinceLineEnd[0] + lineEnd - from);
					sinceLineEnd[0] = 0;
					from = lineEnd + 1;
				}
				if (longest > this.maxEventBytes) {
					DataBufferUtils.release(buffer);
					sink.error(new DataBufferLimitException(
							"Stream line exceeds the limit of " + this.maxEventBytes + " bytes"));
					return;
				}
				sink.next(buffer);
			});
		});
	}

	/** The events of one response body. */
	public Flux<ServerSentEvent<String>> events(Flux<DataBuffer> body) {
		return Flux.defer(() -> {
			Pending pending = new Pending(this.maxEventBytes);
			return this.lineDecoder.decode(bounded(body), STRING, null, null).handle((line, sink) -> {
				ServerSentEvent<String> event = pending.acceptDelimited(line);
				if (event != null) {
					sink.next(event);
				}
			});
		});
	}

	/** The event being read; touched serially by one stream's lines. */
	private static final class Pending {

		private final int maxEventBytes;

		private @Nullable StringBuilder data;

		private @Nullable String event;

		private boolean afterCarriageReturn;

		Pending(int maxEventBytes) {
			this.maxEventBytes = maxEventBytes;
		}

		/** A line with its one-character delimiter, or the body's last piece, which has none. */
		@Nullable ServerSentEvent<String> acceptDelimited(String line) {
			if (this.afterCarriageReturn && "\n".equals(line)) {
				this.afterCarriageReturn = false;
				return null; // the second half of a CRLF
			}
			char last = line.isEmpty() ? 0 : line.charAt(line.length() - 1);
			this.afterCarriageReturn = last == '\r';
			if (last != '\n' && last != '\r') {
				// The body ended without a line end: keep it only if it is a whole event on its own.
				return (this.data == null && line.startsWith("data:") && isComplete(value(line, 5))) ? event(value(line, 5))
						: null;
			}
			return accept(line.substring(0, line.length() - 1));
		}

		private @Nullable ServerSentEvent<String> accept(String line) {
			if (line.isEmpty()) {
				return (this.data != null || this.event != null) ? event((this.data != null) ? this.data.toString() : null)
						: null;
			}
			if (line.charAt(0) == ':') {
				return null;
			}
			int colon = line.indexOf(':');
			String field = (colon < 0) ? line : line.substring(0, colon);
			String value = (colon < 0) ? "" : value(line, colon + 1);
			if ("data".equals(field)) {
				return data(value);
			}
			if ("event".equals(field)) {
				this.event = value;
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

		/** The field value after {@code start}, without the one optional leading space. */
		private static String value(String line, int start) {
			return (start < line.length() && line.charAt(start) == ' ') ? line.substring(start + 1)
					: line.substring(start);
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
