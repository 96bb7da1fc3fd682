package io.github.linkai.benchmarks.jmh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The in-memory gate's cost per call, side by side: rounds of {@link LimitsBenchmarks}'
 * ungated and in-memory gated calls alternate in one JVM, so that both meet the same
 * machine, and the median of the rounds' differences is the figure. JMH runs one row
 * after the other, and on a shared machine the load can change between rows by more than
 * the gate costs.
 *
 * <p>
 * {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
 * io.github.linkai.benchmarks.jmh.LimitsSideBySide [rounds] [calls per round]}
 */
public final class LimitsSideBySide {

	private LimitsSideBySide() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 40;
		int calls = (args.length > 1) ? Integer.parseInt(args[1]) : 20_000;
		int warmUp = rounds / 4;
		System.setProperty("limits.redis", "false");
		LimitsBenchmarks benchmarks = new LimitsBenchmarks();
		benchmarks.setUp();
		List<Double> ungated = new ArrayList<>();
		List<Double> gated = new ArrayList<>();
		List<Double> added = new ArrayList<>();
		try {
			for (int round = 0; round < rounds; round++) {
				long start = System.nanoTime();
				for (int i = 0; i < calls; i++) {
					benchmarks.ungatedCall();
				}
				long middle = System.nanoTime();
				for (int i = 0; i < calls; i++) {
					benchmarks.inMemoryGateCall();
				}
				long end = System.nanoTime();
				if (round >= warmUp) {
					double without = (middle - start) / 1e3 / calls;
					double with = (end - middle) / 1e3 / calls;
					ungated.add(without);
					gated.add(with);
					added.add(with - without);
				}
			}
		}
		finally {
			benchmarks.tearDown();
		}
		System.out.printf(
				"%d rounds of %d calls after %d to warm up: ungated median %.2f us, "
						+ "in-memory gate median %.2f us, median of the rounds' differences %.2f us%n",
				ungated.size(), calls, warmUp, median(ungated), median(gated), median(added));
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
