package io.github.linkai.spring.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.linkai.spring.client.error.BlockingCallException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking {@code chat(...)} methods on a non-blocking thread: a typed error at once,
 * saying what to use, without even building the reactive call; on any other thread they
 * wait for the answer.
 */
class BlockingCallsTests {

	private final CountingClient client = new CountingClient();

	@Test
	void chatOnANonBlockingThreadFailsAtOnceSayingWhatToUse() {
		Throwable error = onParallelThread(() -> this.client.chat("你好"));

		assertThat(error).isInstanceOf(BlockingCallException.class)
			.hasMessageStartingWith("[linkai/default] chat() blocks its thread")
			.hasMessageContaining("use chatReactive() or stream() there")
			.hasMessageContaining("nothing was sent");
		assertThat(((BlockingCallException) error).threadName()).startsWith("parallel-");
		assertThat(this.client.calls).hasValue(0);
	}

	@Test
	void memoryChatAndASessionOnANonBlockingThreadFailTheSameWay() {
		CountingMemoryClient memory = new CountingMemoryClient();

		assertThat(onParallelThread(() -> memory.chat(null, "你好"))).isInstanceOf(BlockingCallException.class)
			.hasMessageContaining("use chatReactive() or stream() there");
		assertThat(onParallelThread(() -> memory.session("s-1").chat("你好"))).isInstanceOf(BlockingCallException.class);
		assertThat(memory.calls).hasValue(0);
		assertThat(memory.chat(null, "你好").content()).isEqualTo("answer");
	}

	@Test
	void chatOnAnOrdinaryThreadWaitsForTheAnswer() {
		assertThat(this.client.chat("你好")).isEqualTo("answer");
		assertThat(this.client.calls).hasValue(1);
	}

	@Test
	void chatOnABoundedElasticThreadMayBlock() {
		String answer = Mono.fromCallable(() -> this.client.chat("你好"))
			.subscribeOn(Schedulers.boundedElastic())
			.block();

		assertThat(answer).isEqualTo("answer");
	}

	private static Throwable onParallelThread(Runnable call) {
		Throwable error = Mono.fromRunnable(call)
			.subscribeOn(Schedulers.parallel())
			.then(Mono.<Throwable>empty())
			.onErrorResume(Mono::just)
			.block();
		assertThat(error).as("error on the parallel thread").isNotNull();
		return error;
	}

	private static ChatResponse answer() {
		return new ChatResponse("linkai", "default", null, "answer", "stop", null, null, null, List.of(), null,
				Map.of());
	}

	/** What both counting clients answer; each counts the reactive calls made. */
	public abstract static class CountingCalls {

		final AtomicInteger calls = new AtomicInteger();

		public String name() {
			return "default";
		}

		public String provider() {
			return "linkai";
		}

		public Mono<ChatResponse> chatReactive(ChatRequest request) {
			this.calls.incrementAndGet();
			return Mono.just(answer());
		}

		public Flux<ChatChunk> stream(ChatRequest request) {
			return Flux.error(new UnsupportedOperationException());
		}

	}

	/** A chat client that counts the reactive calls made. */
	static final class CountingClient extends CountingCalls implements ChatClient {

	}

	/** A memory chat client that counts the reactive calls made. */
	static final class CountingMemoryClient extends CountingCalls implements MemoryChatClient {

	}

}
