package io.github.linkai.spring.client.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.linkai.spring.ThreadAllocations;
import io.github.linkai.spring.client.spi.StreamEvent;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EventStreamLines}.
 */
class EventStreamLinesTests {

	private static final int MIB = 1024 * 1024;

	/** What Reactor Netty delivers per read by default. */
	private static final int READ_BYTES = 8192;

	private final EventStreamLines lines = new EventStreamLines(1024);

	@Test
	void blankLineSeparatedEventsAreEvents() {
		StepVerifier.create(data("data: {\"a\":1}\n\ndata: {\"a\":2}\n\n"))
			.expectNext("{\"a\":1}", "{\"a\":2}")
			.verifyComplete();
	}

	@Test
	void completeJsonLinesWithoutBlankLinesAreEventsOfTheirOwn() {
		StepVerifier.create(data("data: {\"a\":1}\ndata:{\"a\":2}\r\ndata: [DONE]\n"))
			.expectNext("{\"a\":1}", "{\"a\":2}", "[DONE]")
			.verifyComplete();
	}

	@Test
	void carriageReturnAndCrlfLineEndsWork() {
		StepVerifier.create(data("data: {\"a\":1}\r\rdata: {\rdata: }\r\n\r\ndata: [DONE]\r"))
			.expectNext("{\"a\":1}", "{\n}", "[DONE]")
			.verifyComplete();
	}

	@Test
	void crlfSplitAcrossBuffersIsOneLineEnd() {
		Flux<DataBuffer> body = Flux.just("data: {\r", "\ndata: \"x\"\r", "\n\r\n")
			.map((part) -> DefaultDataBufferFactory.sharedInstance.wrap(part.getBytes(StandardCharsets.UTF_8)));
		StepVerifier.create(this.lines.events(body).map(StreamEvent::data)).expectNext("{\n\"x\"").verifyComplete();
	}

	@Test
	void dataSpreadOverLinesIsJoinedUntilTheBlankLine() {
		StepVerifier.create(data("data: {\ndata:   \"a\": 1\ndata: }\n\n"))
			.expectNext("{\n  \"a\": 1\n}")
			.verifyComplete();
	}

	@Test
	void commentsIdsAndRetriesAreSkippedAndEventNamesKept() {
		Flux<StreamEvent> events = this.lines
			.events(buffers(": ping\n\nid: 7\nretry: 100\nevent: finish\ndata: {\"a\":1}\n\n"));
		StepVerifier.create(events).assertNext((event) -> {
			assertThat(event.event()).isEqualTo("finish");
			assertThat(event.data()).isEqualTo("{\"a\":1}");
		}).verifyComplete();
	}

	@Test
	void aBlockWithAnEventNameAndNoDataIsNotDispatchedAndItsNameIsNotCarriedOver() {
		Flux<StreamEvent> events = this.lines
			.events(buffers("event: ping\n\nevent: ping\ndata:\n\ndata: {\"a\":1}\n\n"));
		StepVerifier.create(events).assertNext((event) -> {
			assertThat(event.event()).isNull();
			assertThat(event.data()).isEqualTo("{\"a\":1}");
		}).verifyComplete();
	}

	@Test
	void eventLeftIncompleteWhenTheBodyEndsIsDiscarded() {
		StepVerifier.create(data("data: {\"a\":1}\n\ndata: {\"choices\":\n")).expectNext("{\"a\":1}").verifyComplete();
		StepVerifier.create(data("data: {\"a\":1}\n\ndata: {\"choices\":[{\"con"))
			.expectNext("{\"a\":1}")
			.verifyComplete();
	}

	@Test
	void completeLastLineWithoutALineEndIsAnEvent() {
		StepVerifier.create(data("data: {\"a\":1}\ndata: [DONE]")).expectNext("{\"a\":1}", "[DONE]").verifyComplete();
	}

	@Test
	void emptyDataLineDoesNotSwallowTheLinesAfterIt() {
		StepVerifier.create(data("data: {\"a\":1}\ndata:\ndata: {\"a\":2}\ndata: [DONE]\n"))
			.expectNext("{\"a\":1}", "{\"a\":2}", "[DONE]")
			.verifyComplete();
	}

	@Test
	void firstLineOfANestedObjectIsNotTakenForAWholeEvent() {
		StepVerifier.create(data("data: {\"x\": {\"y\":\"}\"}\ndata: }\n\n"))
			.expectNext("{\"x\": {\"y\":\"}\"}\n}")
			.verifyComplete();
	}

	@Test
	void eventGrowingPastTheLimitFails() {
		StepVerifier.create(data("data: {\n" + "data: \"x\",\n".repeat(400)))
			.expectError(DataBufferLimitException.class)
			.verify();
	}

	@Test
	void multiByteCharactersSplitAcrossBuffersSurvive() {
		byte[] bytes = "data: {\"c\":\"你好\"}\n\n".getBytes(StandardCharsets.UTF_8);
		int split = "data: {\"c\":\"".length() + 1; // inside the first character's three
													// bytes
		Flux<DataBuffer> body = Flux
			.just(Arrays.copyOfRange(bytes, 0, split), Arrays.copyOfRange(bytes, split, bytes.length))
			.map(DefaultDataBufferFactory.sharedInstance::wrap);
		StepVerifier.create(this.lines.events(body).map(StreamEvent::data))
			.expectNext("{\"c\":\"你好\"}")
			.verifyComplete();
	}

	@Test
	void lineGrowingPastTheLimitAcrossBuffersFails() {
		Flux<DataBuffer> body = Flux.range(0, 64)
			.map((i) -> DefaultDataBufferFactory.sharedInstance
				.wrap(((i == 0) ? "data: \"" : "x".repeat(64)).getBytes(StandardCharsets.UTF_8)));
		StepVerifier.create(this.lines.events(body)).expectError(DataBufferLimitException.class).verify();
	}

	@Test
	void eventsAreTheSameWhereverTheReadsAreCut() {
		byte[] body = (": ping\r\n\r\nid: 7\nevent: finish\r\ndata: {\"a\":\"你好\"}\r\n\r\n"
				+ "data: {\rdata:\rdata:  \"x\"\rdata: }\r\r\ndata: [DONE]\n\ndata: {\"b\":2}")
			.getBytes(StandardCharsets.UTF_8);
		List<String> expected = List.of("finish {\"a\":\"你好\"}", "null {\n\n \"x\"\n}", "null [DONE]",
				"null {\"b\":2}");
		for (int readBytes = 1; readBytes <= body.length; readBytes++) {
			List<String> events = this.lines.events(Flux.fromIterable(reads(body, readBytes)))
				.map((event) -> event.event() + " " + event.data())
				.collectList()
				.block();
			assertThat(events).as("reads of %d bytes", readBytes).isEqualTo(expected);
		}
	}

	@Test
	void lineOfExactlyTheLimitAcrossReadsIsAnEvent() {
		String value = "{\"x\":\"" + "x".repeat(1024 - "data: {\"x\":\"\"}".length()) + "\"}";
		byte[] body = ("data: " + value + "\n").getBytes(StandardCharsets.UTF_8);
		StepVerifier.create(this.lines.events(Flux.fromIterable(reads(body, 100))).map(StreamEvent::data))
			.expectNext(value)
			.verifyComplete();
		byte[] longer = ("data: " + value + " \n").getBytes(StandardCharsets.UTF_8);
		StepVerifier.create(this.lines.events(Flux.fromIterable(reads(longer, 100))))
			.expectError(DataBufferLimitException.class)
			.verify();
	}

	@Test
	void bufferLongerThanTheLimitHoldingManyEventsIsReadWhole() {
		String body = IntStream.range(0, 200)
			.mapToObj((i) -> "data: {\"a\":" + i + "}\n")
			.collect(Collectors.joining("", "", "data: [DONE]\n"));
		assertThat(body.length()).isGreaterThan(3 * 1024);
		StepVerifier.create(data(body))
			.expectNextSequence(IntStream.range(0, 200).mapToObj((i) -> "{\"a\":" + i + "}").toList())
			.expectNext("[DONE]")
			.verifyComplete();
	}

	@Test
	void eventOfManyReadsIsCopiedOnceFromTheReadsAndOnceIntoOneArray() {
		// copying the unfinished line again with every read allocated about 1 GB for
		// these 4 MiB
		String value = "{\"b64\":\"" + "x".repeat(4 * MIB) + "\"}";
		byte[] body = ("data: " + value + "\n\n").getBytes(StandardCharsets.UTF_8);
		EventStreamLines lines = new EventStreamLines(8 * MIB);
		AtomicReference<StreamEvent> event = new AtomicReference<>();

		long allocated = ThreadAllocations.allocatedBy(() -> {
			List<DataBuffer> reads = reads(body, READ_BYTES);
			return () -> event.set(lines.events(Flux.fromIterable(reads)).blockLast());
		});

		assertThat(event.get().data()).isEqualTo(value);
		assertThat(allocated).isBetween((long) value.length(), value.length() * 21L / 10);
	}

	@Test
	void eventOfManyDataLinesIsCopiedOnceFromTheReadsAndOnceIntoOneArray() {
		// a data line a read long, 512 of them: no buffer grown (and copied) as they come
		String line = "x".repeat(READ_BYTES - "data: \n".length());
		byte[] body = ("data: " + line + "\n").repeat(512).concat("\n").getBytes(StandardCharsets.UTF_8);
		EventStreamLines lines = new EventStreamLines(8 * MIB);
		AtomicReference<StreamEvent> event = new AtomicReference<>();

		long allocated = ThreadAllocations.allocatedBy(() -> {
			List<DataBuffer> reads = reads(body, READ_BYTES);
			return () -> event.set(lines.events(Flux.fromIterable(reads)).blockLast());
		});

		assertThat(event.get().data()).isEqualTo(String.join("\n", Collections.nCopies(512, line)));
		assertThat(allocated).isLessThan(body.length * 21L / 10);
	}

	@Test
	void lineGrowingPastTheLimitInManyReadsFailsHavingCopiedAboutTheLimit() {
		// at the 8 MB limit, copying the unfinished line again with every read raised the
		// heap by about 167 MB
		byte[] body = ("data: \"" + "x".repeat(2 * MIB)).getBytes(StandardCharsets.UTF_8);
		EventStreamLines lines = new EventStreamLines(MIB);
		AtomicReference<Throwable> error = new AtomicReference<>();

		long allocated = ThreadAllocations.allocatedBy(() -> {
			List<DataBuffer> reads = reads(body, READ_BYTES);
			return () -> lines.events(Flux.fromIterable(reads)).doOnError(error::set).onErrorComplete().blockLast();
		});

		assertThat(error.get()).isInstanceOf(DataBufferLimitException.class);
		assertThat(allocated).isLessThan(MIB + MIB / 4);
	}

	@Test
	void lineInOneInflatedBufferFailsHavingCopiedNoMoreThanTheLimit() {
		// a gzip bomb: a few compressed bytes inflated into one buffer many times the
		// limit, no line end in it
		byte[] inflated = new byte[16 * MIB];
		Arrays.fill(inflated, (byte) 'x');
		System.arraycopy("data: \"".getBytes(StandardCharsets.UTF_8), 0, inflated, 0, 7);
		EventStreamLines lines = new EventStreamLines(MIB);
		AtomicReference<Throwable> error = new AtomicReference<>();

		long allocated = ThreadAllocations.allocatedBy(() -> {
			DataBuffer buffer = DefaultDataBufferFactory.sharedInstance.wrap(inflated);
			return () -> lines.events(Flux.just(buffer)).doOnError(error::set).onErrorComplete().blockLast();
		});

		assertThat(error.get()).isInstanceOf(DataBufferLimitException.class);
		assertThat(allocated).isLessThan(MIB + MIB / 4);
	}

	private Flux<String> data(String body) {
		return this.lines.events(buffers(body)).map(StreamEvent::data);
	}

	private static Flux<DataBuffer> buffers(String body) {
		return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body.getBytes(StandardCharsets.UTF_8)));
	}

	/** {@code body} cut into reads of {@code readBytes}, each its own array. */
	private static List<DataBuffer> reads(byte[] body, int readBytes) {
		List<DataBuffer> reads = new ArrayList<>();
		for (int start = 0; start < body.length; start += readBytes) {
			reads.add(DefaultDataBufferFactory.sharedInstance
				.wrap(Arrays.copyOfRange(body, start, Math.min(body.length, start + readBytes))));
		}
		return reads;
	}

}
