package io.github.linkai.spring.client.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

	private Flux<String> data(String body) {
		return this.lines.events(buffers(body)).map(StreamEvent::data);
	}

	private static Flux<DataBuffer> buffers(String body) {
		return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body.getBytes(StandardCharsets.UTF_8)));
	}

}
