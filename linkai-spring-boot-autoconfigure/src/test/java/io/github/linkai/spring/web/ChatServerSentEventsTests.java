package io.github.linkai.spring.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events of a stream without a web server: what the web tests cannot easily provoke
 * (the provider's request id on the error event, an application's own failure,
 * cancellation, a chunk with nothing in it).
 */
class ChatServerSentEventsTests {

	@Test
	void errorEventCarriesTheRequestIdTheChunksCarried() {
		Flux<ChatChunk> chunks = Flux.just(chunk("你好", "req-42"))
			.concatWith(Flux.error(new StreamTruncatedException("lingma", "eng", 1, null)));

		StepVerifier.create(ChatServerSentEvents.of(chunks))
			.assertNext((event) -> assertThat(event.data()).isEqualTo(ChatChunkEvent.of(chunk("你好", "req-42"))))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo(ChatServerSentEvents.ERROR_EVENT);
				ProblemDetail problem = (ProblemDetail) event.data();
				assertThat(problem).isNotNull();
				assertThat(problem.getProperties()).containsEntry("requestId", "req-42")
					.containsEntry("provider", "lingma")
					.containsEntry("client", "eng")
					.containsEntry("chunksReceived", 1);
			})
			.verifyComplete();
	}

	@Test
	void applicationsOwnFailureIsAnInternalErrorEventWithoutItsMessage() {
		Flux<ChatChunk> chunks = Flux.just(chunk("你好", null)).map((chunk) -> {
			throw new IllegalStateException("我的银行卡密码");
		});

		StepVerifier.create(ChatServerSentEvents.of(chunks)).assertNext((event) -> {
			assertThat(event.event()).isEqualTo("error");
			ProblemDetail problem = (ProblemDetail) event.data();
			assertThat(problem).isNotNull();
			assertThat(problem.getStatus()).isEqualTo(500);
			assertThat(String.valueOf(problem.getDetail()) + problem.getProperties()).doesNotContain("密码");
		}).verifyComplete();
	}

	@Test
	void completeStreamEndsWithDone() {
		List<ServerSentEvent<Object>> events = ChatServerSentEvents.of(Flux.just(chunk("你好", null)))
			.collectList()
			.block();

		assertThat(events).hasSize(2);
		assertThat(events.get(1).event()).isEqualTo(ChatServerSentEvents.DONE_EVENT);
		assertThat(events.get(1).data()).isEqualTo(Map.of());
	}

	@Test
	void finishAndUsageChunksAreTheirOwnMembersAndAChunkThatSaysNothingIsNoEvent() {
		Flux<ChatChunk> chunks = Flux.just(ChatChunk.builder().build(), chunk("你好", null),
				ChatChunk.builder().finishReason("stop").build(),
				ChatChunk.builder().usage(new Usage(9, 6, 15)).build());

		StepVerifier.create(ChatServerSentEvents.of(chunks))
			.assertNext((event) -> assertThat(event.data()).extracting("delta").isEqualTo("你好"))
			.assertNext((event) -> assertThat(event.data())
				.isEqualTo(new ChatChunkEvent(null, "stop", null, null, null, null, List.of())))
			.assertNext((event) -> assertThat(event.data())
				.isEqualTo(new ChatChunkEvent(null, null, new Usage(9, 6, 15), null, null, null, List.of())))
			.assertNext((event) -> assertThat(event.event()).isEqualTo(ChatServerSentEvents.DONE_EVENT))
			.verifyComplete();
	}

	@Test
	void cancellingTheEventsCancelsTheCall() {
		AtomicBoolean cancelled = new AtomicBoolean();
		Sinks.Many<ChatChunk> provider = Sinks.many().unicast().onBackpressureBuffer();
		Flux<ServerSentEvent<Object>> events = ChatServerSentEvents
			.of(provider.asFlux().doOnCancel(() -> cancelled.set(true)));

		StepVerifier.create(events)
			.then(() -> provider.tryEmitNext(chunk("你", null)))
			.expectNextCount(1)
			.thenCancel()
			.verify();

		assertThat(cancelled).isTrue();
	}

	private static ChatChunk chunk(String delta, @Nullable String requestId) {
		return new ChatChunk(delta, null, null, null, requestId, List.of(), null, Map.of());
	}

}
