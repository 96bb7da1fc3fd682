package io.github.linkai.benchmarks.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every sample the harness took, by table, row and figure; figures are read as medians
 * over the rounds.
 */
final class Results {

	/** The call table's figures. */
	static final String P50 = "p50 µs";

	static final String P99 = "p99 µs";

	static final String CPU = "CPU µs/call";

	static final String ALLOC = "alloc KB/call";

	static final String ERRORS = "errors";

	/** The stream table's figures. */
	static final String TTFC50 = "TTFC p50 µs";

	static final String TTFC99 = "TTFC p99 µs";

	static final String STREAM50 = "stream p50 µs";

	static final String STREAM_ALLOC = "alloc KB/stream";

	static final String OPENED = "opened";

	static final String HEAP = "heap MB";

	static final String PER_STREAM = "KB/open stream";

	static final String THREADS = "threads";

	static final String CONNECTIONS = "connections/stream";

	final Plan plan;

	final Map<String, Map<String, List<Double>>> calls = new LinkedHashMap<>();

	final Map<String, Map<String, List<Double>>> streams = new LinkedHashMap<>();

	final Map<String, String> notes = new LinkedHashMap<>();

	/** Single figures: start-up times, the capacity run. */
	final Map<String, Double> figures = new LinkedHashMap<>();

	/**
	 * JMH results: benchmark, its time per operation in µs and its allocation per
	 * operation in bytes.
	 */
	final List<JmhResult> jmh = new ArrayList<>();

	Results(Plan plan) {
		this.plan = plan;
	}

	static String callsPerSecond(int callers) {
		return "calls/s at " + callers;
	}

	void add(Map<String, Map<String, List<Double>>> table, String row, String figure, double value) {
		table.computeIfAbsent(row, (key) -> new LinkedHashMap<>())
			.computeIfAbsent(figure, (key) -> new ArrayList<>())
			.add(value);
	}

	/** The median of a figure, NaN when never measured. */
	static double median(Map<String, Map<String, List<Double>>> table, String row, String figure) {
		List<Double> samples = table.getOrDefault(row, Map.of()).get(figure);
		if (samples == null || samples.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(samples);
		sorted.sort(null);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
