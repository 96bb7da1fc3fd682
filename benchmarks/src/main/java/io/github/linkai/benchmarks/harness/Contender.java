package io.github.linkai.benchmarks.harness;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One client under test, as the harness drives it: a complete call, a stream to its end,
 * and a stream that the stub holds open after its first event.
 */
interface Contender extends AutoCloseable {

	/** The row's name in the tables. */
	String name();

	/**
	 * Said next to the row's figures, e.g. that it reads the OpenAI-shaped variant; empty
	 * for none.
	 */
	default String note() {
		return "";
	}

	/**
	 * The row's name in the stream table, {@code null} for a contender measured on calls
	 * only.
	 */
	default @Nullable String streamName() {
		return name();
	}

	/**
	 * Whether a call blocks its caller: such rows are driven by caller threads, the
	 * others by subscriptions.
	 */
	boolean blocking();

	/**
	 * One complete call; for a blocking contender a call made when subscribed, on the
	 * subscribing thread.
	 */
	Mono<?> call();

	/**
	 * One stream to its end; each element is one piece as it arrives (a chunk, or a
	 * network buffer).
	 */
	Flux<?> stream();

	/**
	 * One stream on the stub's held path: its first event comes at once, the next only
	 * after minutes.
	 */
	Flux<?> heldStream();

	@Override
	default void close() throws Exception {
	}

}
