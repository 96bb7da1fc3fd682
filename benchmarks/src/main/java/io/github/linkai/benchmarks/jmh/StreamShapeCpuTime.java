package io.github.linkai.benchmarks.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.github.linkai.benchmarks.jmh.StreamShapeBenchmarks.Shape;

/**
 * {@link StreamShapeBenchmarks}' streams timed by the calling thread's CPU time rather
 * than by the clock: on a machine shared with other builds the clock counts the time the
 * thread waited for a core, its CPU time does not. The shapes take turns, round after
 * round, so that what else runs meanwhile weighs on each alike; the median round per
 * shape is reported, per chunk. The stream is decoded on the calling thread (the
 * in-memory connector emits synchronously), so its CPU time is the client's work.
 *
 * <pre>
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" io.github.linkai.benchmarks.jmh.StreamShapeCpuTime [rounds] [streams per round]
 * </pre>
 */
public final class StreamShapeCpuTime {

	private StreamShapeCpuTime() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 30;
		int streams = (args.length > 1) ? Integer.parseInt(args[1]) : 500;
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<Shape, StreamShapeBenchmarks> benchmarks = new EnumMap<>(Shape.class);
		for (Shape shape : Shape.values()) {
			StreamShapeBenchmarks benchmark = new StreamShapeBenchmarks();
			benchmark.shape = shape;
			benchmark.setUp();
			benchmarks.put(shape, benchmark);
		}
		Map<String, List<Double>> perChunk = new LinkedHashMap<>();
		for (int round = -5; round < rounds; round++) { // five rounds of warm-up
			for (Shape shape : Shape.values()) {
				StreamShapeBenchmarks benchmark = Objects.requireNonNull(benchmarks.get(shape));
				long start = threads.getCurrentThreadCpuTime();
				for (int i = 0; i < streams; i++) {
					benchmark.stream();
				}
				long streamed = threads.getCurrentThreadCpuTime();
				for (int i = 0; i < streams; i++) {
					benchmark.streamAndCollect();
				}
				long collected = threads.getCurrentThreadCpuTime();
				if (round >= 0) {
					add(perChunk, "stream " + shape, (streamed - start) / (double) streams / shape.events());
					add(perChunk, "streamAndCollect " + shape,
							(collected - streamed) / (double) streams / shape.events());
				}
			}
		}
		System.out.println("rounds " + rounds + ", streams per round " + streams + ", ns of CPU per chunk:");
		Map<String, Double> medians = new LinkedHashMap<>();
		perChunk.forEach((name, values) -> {
			List<Double> sorted = new ArrayList<>(values);
			sorted.sort(null);
			double median = sorted.get(sorted.size() / 2);
			medians.put(name, median);
			System.out.printf(Locale.ROOT, "%-28s median %8.0f  q1 %8.0f  q3 %8.0f%n", name, median,
					sorted.get(sorted.size() / 4), sorted.get(3 * sorted.size() / 4));
		});
		for (String way : new String[] { "stream", "streamAndCollect" }) {
			for (Shape shape : new Shape[] { Shape.REASONING, Shape.TOOL_CALL }) {
				System.out.printf(Locale.ROOT, "%-28s / TEXT: %.2f%n", way + " " + shape,
						Objects.requireNonNull(medians.get(way + " " + shape))
								/ Objects.requireNonNull(medians.get(way + " " + Shape.TEXT)));
			}
		}
	}

	private static void add(Map<String, List<Double>> values, String name, double value) {
		values.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
	}

}
