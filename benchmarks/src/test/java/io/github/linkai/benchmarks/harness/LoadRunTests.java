package io.github.linkai.benchmarks.harness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load run with a few hundred streams, as the build runs it: every stream opens, they
 * add no thread each, and cancelling them closes every socket. Timings and heap are for
 * the full run by hand (benchmarks/results/load-run.md), not asserted here.
 */
class LoadRunTests {

	private static final int STREAMS = 200;

	@Test
	void heldStreamsOpenWithoutAThreadEachAndCancellingClosesEverySocket() throws Exception {
		LoadRun.Figures figures = new LoadRun(STREAMS, true).run();

		assertThat(figures.opened()).isEqualTo(STREAMS);
		assertThat(figures.sockets()).isGreaterThanOrEqualTo(STREAMS);
		assertThat(figures.threads() - figures.threadsBefore()).as("threads added").isLessThan(STREAMS / 4);
		assertThat(figures.socketsLeft()).as("sockets left open after cancelling").isZero();
		assertThat(figures.markdown()).contains("| streams asked / open (first chunk received) | 200 / 200 |");
	}

}
