package io.github.linkai.benchmarks.jmh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.github.linkai.benchmarks.harness.JmhResult;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ClientBenchmarks} with JMH's GC profiler, in one fork (in this JVM for the
 * quick pass).
 */
public final class JmhRunner {

	private JmhRunner() {
	}

	/**
	 * Runs the benchmarks.
	 * @param iterations warm-up and measurement iterations of one second each; 0 for a
	 * quick pass of 100 ms each
	 * @return each benchmark's time and allocation per operation
	 */
	public static List<JmhResult> run(int iterations) throws RunnerException {
		boolean quick = iterations == 0;
		ChainedOptionsBuilder options = new OptionsBuilder().include(ClientBenchmarks.class.getName())
			.addProfiler(GCProfiler.class)
			// the quick pass runs in this JVM: a fork per benchmark would cost more than
			// the benchmarks
			.forks(quick ? 0 : 1)
			.warmupIterations(quick ? 1 : iterations)
			.measurementIterations(quick ? 1 : iterations)
			.warmupTime(TimeValue.milliseconds(quick ? 100 : 1000))
			.measurementTime(TimeValue.milliseconds(quick ? 100 : 1000))
			.jvmArgsAppend("-Xmx512m")
			.shouldFailOnError(true);
		Collection<RunResult> runs = new Runner(options.build()).run();
		List<JmhResult> results = new ArrayList<>();
		for (RunResult run : runs) {
			String label = run.getParams().getBenchmark();
			String name = label.substring(label.lastIndexOf('.') + 1);
			Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
			results.add(new JmhResult(name, run.getPrimaryResult().getScore(),
					(alloc != null) ? alloc.getScore() : Double.NaN,
					name.endsWith("Stream") ? ClientBenchmarks.CHUNKS : 0));
		}
		return results;
	}

}
