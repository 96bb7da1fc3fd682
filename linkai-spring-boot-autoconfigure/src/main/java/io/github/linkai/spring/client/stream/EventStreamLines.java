package io.github.linkai.spring.client.stream;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.codec.ServerSentEvent;

/**
 * Splits a response body into server-sent events, line by line. Written by hand because Spring's
 * {@code ServerSentEventHttpMessageReader} ends an event only at a blank line: a stream framed as LinkAI's
 * document prints it, one {@code data:} line per event with no blank line between, would reach the caller as
 * a single event after the whole answer, and fail once longer than the codec's buffer. Here a {@code data:}
 * line holding a complete JSON value (or {@code [DONE]}) is an event as soon as it arrives; data spread over
 * several lines is joined until the blank line, as the standard says. Lines may end in {@code \n},
 * {@code \r\n} or {@code \r}. Comments ({@code : ping}), {@code id:}
 * and {@code retry:} are skipped; {@code data:} may come with or without its space. The line splitting itself
 * (across network buffers, multi-byte UTF-8 safe, bounded per line) is Spring's {@link StringDecoder}.
 */
public final class EventStreamLines {

	/** The longest line accepted; a longer one fails the stream instead of growing memory without bound. */
	public static final int DEFAULT_MAX_LINE_BYTES = 256 * 1024;

	private static final ResolvableType STRING = ResolvableType.forClass(String.class);

	private final StringDecoder lineDecoder;

	public EventStreamLines(int maxLineBytes) {
		// Delimiters are kept: a lone \r also ends a line, so CRLF may arrive as "...\r" then "\n".
		this.lineDecoder = StringDecoder.allMimeTypes(List.of("\r\n", "\n", "\r"), false);
		this.lineDecoder.setMaxInMemorySize(maxLineBytes);
	}

	/** The events of one response body. */
	public Flux<ServerSentEvent<String>> events(Flux<DataBuffer> body) {
		return Flux.defer(() -> {
			Pending pending = new Pending();
			return this.lineDecoder.decode(body, STRING, null, null)
				.<ServerSentEvent<String>>handle((line, sink) -> {
					ServerSentEvent<String> event = pending.acceptDelimited(line);
					if (event != null) {
						sink.next(event);
					}
				})
				.concatWith(Mono.fromSupplier(pending::flush));
		});
	}

	/** The event being read; touched serially by one stream's lines. */
	private static final class Pending {

		private @Nullable StringBuilder data;

		private @Nullable String event;

		private boolean afterCarriageReturn;

		/** A line with its delimiter ({@code \r\n}, {@code \n}, {@code \r}, or none at the end of the body). */
		@Nullable ServerSentEvent<String> acceptDelimited(String line) {
			if (this.afterCarriageReturn && "\n".equals(line)) {
				this.afterCarriageReturn = false;
				return null; // the second half of a CRLF split at the \r
			}
			this.afterCarriageReturn = line.endsWith("\r");
			int end = line.length();
			if (end > 0 && line.charAt(end - 1) == '\n') {
				end--;
			}
			if (end > 0 && line.charAt(end - 1) == '\r') {
				end--;
			}
			return accept(line.substring(0, end));
		}

		private @Nullable ServerSentEvent<String> accept(String line) {
			if (line.isEmpty()) {
				return flush();
			}
			if (line.charAt(0) == ':') {
				return null;
			}
			int colon = line.indexOf(':');
			String field = (colon < 0) ? line : line.substring(0, colon);
			int start = (colon < 0) ? line.length() : colon + 1;
			if (start < line.length() && line.charAt(start) == ' ') {
				start++;
			}
			String value = line.substring(start);
			if ("data".equals(field)) {
				if (this.data == null && isComplete(value)) {
					return event(value);
				}
				this.data = (this.data != null) ? this.data.append('\n').append(value) : new StringBuilder(value);
			}
			else if ("event".equals(field)) {
				this.event = value;
			}
			return null;
		}

		@Nullable ServerSentEvent<String> flush() {
			if (this.data == null && this.event == null) {
				return null;
			}
			return event((this.data != null) ? this.data.toString() : null);
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

		private static boolean isComplete(String value) {
			String trimmed = value.strip();
			if (trimmed.isEmpty()) {
				return false;
			}
			char first = trimmed.charAt(0);
			char last = trimmed.charAt(trimmed.length() - 1);
			return "[DONE]".equals(trimmed) || (first == '{' && last == '}') || (first == '[' && last == ']');
		}

	}

}
