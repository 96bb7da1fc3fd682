package io.github.linkai.spring.client.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.linkai.spring.ThreadAllocations;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.NettyDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body read into one array: every buffer copied once, and released whatever happens.
 */
class BodyBytesTests {

	private final NettyDataBufferFactory factory = new NettyDataBufferFactory(Unpooled.buffer().alloc());

	private final List<ByteBuf> sent = new ArrayList<>();

	private DataBuffer buffer(String text) {
		ByteBuf buf = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
		this.sent.add(buf);
		return this.factory.wrap(buf);
	}

	@Test
	void buffersAreJoinedInOrderAndReleased() {
		Flux<DataBuffer> body = Flux.just(buffer("{\"a\":"), buffer("\"你好\""), buffer(",\"b\":[1,2,3]}"));

		StepVerifier.create(BodyBytes.read(body, 1024).map((bytes) -> new String(bytes, StandardCharsets.UTF_8)))
			.expectNext("{\"a\":\"你好\",\"b\":[1,2,3]}")
			.verifyComplete();
		assertThat(this.sent).allSatisfy((buf) -> assertThat(buf.refCnt()).isZero());
	}

	@Test
	void oneBufferIsReadAsIs() {
		StepVerifier.create(BodyBytes.read(Flux.just(buffer("{}")), 2).map(String::new))
			.expectNext("{}")
			.verifyComplete();
	}

	@Test
	void aBodyOfManyBuffersIsCopiedInProportionToItsSize() {
		// one past a power of two under the default 8 MiB limit, the worst case for
		// doubling: the capacities sum to less than twice the last, itself less than
		// twice the body, and the array is trimmed once. Copying the body again with
		// every 8 KB buffer would allocate about 1 GB.
		int size = 4 * 1024 * 1024 + 1;
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) 'x');
		AtomicReference<byte[]> read = new AtomicReference<>();

		long allocated = ThreadAllocations.allocatedBy(() -> {
			List<DataBuffer> buffers = new ArrayList<>();
			for (int start = 0; start < size; start += 8192) {
				buffers.add(this.factory.wrap(Unpooled.wrappedBuffer(body, start, Math.min(size - start, 8192))));
			}
			return () -> read.set(BodyBytes.read(Flux.fromIterable(buffers), 8 * 1024 * 1024).block());
		});

		assertThat(read.get()).isEqualTo(body);
		assertThat(allocated).isLessThan(5L * size + 256 * 1024);
	}

	@Test
	void anEmptyBodyIsNoBytes() {
		StepVerifier.create(BodyBytes.read(Flux.empty(), 1024)).verifyComplete();
		StepVerifier.create(BodyBytes.read(Flux.just(buffer("")), 1024)).verifyComplete();
	}

	@Test
	void aBodyBeyondTheLimitFailsAndEveryBufferIsReleased() {
		Flux<DataBuffer> body = Flux.just(buffer("12345"), buffer("67890"), buffer("abc"));

		StepVerifier.create(BodyBytes.read(body, 8)).verifyError(DataBufferLimitException.class);
		assertThat(this.sent.get(0).refCnt()).isZero();
		assertThat(this.sent.get(1).refCnt()).isZero();
	}

}
