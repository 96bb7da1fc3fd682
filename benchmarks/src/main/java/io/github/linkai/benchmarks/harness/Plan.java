package io.github.linkai.benchmarks.harness;

import java.util.List;

/**
 * How long and how much the harness measures.
 *
 * @param smoke whether this is the CI smoke run (every row, no meaningful timings)
 * @param warmupRounds rounds run first and not recorded
 * @param rounds rotating rounds of the timed blocks; medians are taken over them
 * @param blockMillis length of one timed block (one row at one concurrency)
 * @param callers the concurrency levels of the call rows
 * @param openStreams streams held open at once per stream row, for heap and threads
 * @param capacityStreams streams held open at once on the starter's client, against the
 * heap budget
 * @param heapBudgetBytes the heap budget of the capacity figure
 * @param startupRuns context start-ups timed with and without the starter
 * @param jmhIterations JMH measurement iterations (of one second; warm-up as many), 0 for
 * a quick pass
 */
record Plan(boolean smoke, int warmupRounds, int rounds, long blockMillis, List<Integer> callers, int openStreams,
		int capacityStreams, long heapBudgetBytes, int startupRuns, int jmhIterations) {

	/** The full run: minutes, outside the test suite. */
	static Plan full() {
		return new Plan(false, 1, 5, 2000, List.of(1, 16, 256), 1000, 5000, 256L << 20, 10, 5);
	}

	/**
	 * Every row and figure in well under a minute: what CI runs, asserting presence,
	 * never timings.
	 */
	static Plan smokeRun() {
		return new Plan(true, 0, 1, 100, List.of(1, 4, 16), 50, 100, 256L << 20, 1, 0);
	}

	/** The most callers, at which CPU per call is read. */
	int maxCallers() {
		return this.callers.get(this.callers.size() - 1);
	}

}
