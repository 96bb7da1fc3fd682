package io.github.linkai.spring.client.http;

import java.util.Arrays;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * A response body read into one array, for Jackson: each buffer is copied into it once
 * and released as it arrives. {@code DataBufferUtils.join} would first gather the buffers
 * into one of its own (a copy with some buffer factories), to be copied again into the
 * array.
 */
final class BodyBytes {

	private static final byte[] NONE = new byte[0];

	private final int limit;

	private byte[] bytes = NONE;

	private int length;

	private BodyBytes(int limit) {
		this.limit = limit;
	}

	/**
	 * The body's bytes, empty for an empty body.
	 * @param body the body, each of its buffers released here
	 * @param limit the most bytes accepted: beyond it the body fails with a
	 * {@link DataBufferLimitException}
	 */
	static Mono<byte[]> read(Flux<DataBuffer> body, int limit) {
		// filter and map, not mapNotNull: its handle() restores the Reactor context's
		// thread locals (an observation's
		// scope) for every value when context-propagation is on the classpath
		return body.collect(() -> new BodyBytes(limit), BodyBytes::add)
			.filter((read) -> read.length > 0)
			.map(BodyBytes::bytes);
	}

	private void add(DataBuffer buffer) {
		try {
			int readable = buffer.readableByteCount();
			if (readable > this.limit - this.length) {
				throw new DataBufferLimitException("Body exceeds the limit of " + this.limit + " bytes");
			}
			int needed = this.length + readable;
			if (needed > this.bytes.length) {
				// the first buffer exactly (most bodies are one), then doubling
				int grown = (this.length == 0) ? needed
						: (int) Math.min(this.limit, Math.max(needed, 2L * this.bytes.length));
				this.bytes = Arrays.copyOf(this.bytes, grown);
			}
			buffer.read(this.bytes, this.length, readable);
			this.length = needed;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private byte[] bytes() {
		return (this.length == this.bytes.length) ? this.bytes : Arrays.copyOf(this.bytes, this.length);
	}

}
