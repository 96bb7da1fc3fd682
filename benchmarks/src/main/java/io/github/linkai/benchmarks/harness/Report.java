package io.github.linkai.benchmarks.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes the results as a markdown table and an SVG chart of each row's ratios to the raw
 * client.
 */
final class Report {

	static final String MARKDOWN = "results.md";

	static final String CHART = "results.svg";

	static final String RAW = "raw Reactor Netty";

	static final String JACKSON = "raw + Jackson 3";

	static final String OURS = "ChatClient reactive";

	static final String OURS_BLOCKING = "ChatClient blocking";

	static final String OURS_STREAM = "ChatClient stream";

	private Report() {
	}

	static void write(Results results, Path dir) throws IOException {
		Files.createDirectories(dir);
		Files.writeString(dir.resolve(MARKDOWN), markdown(results), StandardCharsets.UTF_8);
		Files.writeString(dir.resolve(CHART), svg(results), StandardCharsets.UTF_8);
	}

	static String machine() {
		String cpu = "unknown CPU";
		try {
			for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
				if (line.startsWith("model name")) {
					cpu = line.substring(line.indexOf(':') + 1).strip();
					break;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux: the CPU stays unnamed
		}
		List<String> heapOptions = ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter((arg) -> arg.startsWith("-X"))
			.toList();
		return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name")
				+ " " + System.getProperty("os.version") + "; JDK " + System.getProperty("java.vm.vendor") + " "
				+ System.getProperty("java.runtime.version")
				+ (heapOptions.isEmpty() ? ", default heap" : " (" + String.join(" ", heapOptions) + ")");
	}

	static String markdown(Results results) {
		Plan plan = results.plan;
		StringBuilder md = new StringBuilder();
		md.append("# Benchmark results\n\n");
		if (plan.smoke()) {
			md.append(
					"**Smoke run**: every row and figure once, in blocks too short to mean anything. Not for quoting.\n\n");
		}
		md.append("- Machine: ").append(machine()).append(".\n");
		md.append("- Date: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(".\n");
		md.append("- Runs: ")
			.append(plan.rounds())
			.append(" rotating round(s) of ")
			.append(plan.blockMillis())
			.append(" ms per row and concurrency, after ")
			.append(plan.warmupRounds())
			.append(" warm-up round(s); each figure is the median over the rounds. ")
			.append("Held streams and the capacity figure: one run each. Start-up: ")
			.append(plan.startupRuns())
			.append(" run(s) each way, median. JMH: one fork, ")
			.append((plan.jmhIterations() == 0) ? "one 100 ms" : plan.jmhIterations() + " × 1 s")
			.append(" warm-up and measurement iteration(s), `-prof gc`.\n");
		md.append("- One loopback stub in its own JVM answers as LinkAI documents it (")
			.append(io.github.linkai.benchmarks.stub.StubSettings.defaults().answerChars())
			.append(" characters in ")
			.append(io.github.linkai.benchmarks.stub.StubSettings.defaults().chunks())
			.append(" chunks, no delay); Spring AI and LangChain4j read an "
					+ "OpenAI-shaped variant of the same reply (they need its `id`).\n\n");
		summary(md, results);
		calls(md, results);
		streams(md, results);
		other(md, results);
		md.append("\n![ratios to the raw client](").append(CHART).append(")\n");
		return md.toString();
	}

	private static void summary(StringBuilder md, Results results) {
		Map<String, Map<String, List<Double>>> c = results.calls;
		Map<String, Map<String, List<Double>>> s = results.streams;
		String at = Results.callsPerSecond(results.plan.maxCallers());
		md.append("## Against the goals of issue 15\n\n");
		md.append(
				"| figure | raw Reactor Netty | raw + Jackson 3 | ChatClient | goal | met |\n|---|---|---|---|---|---|\n");
		goal(md, "non-stream latency p50 (reactive)", Results.median(c, RAW, Results.P50), " µs",
				Results.median(c, JACKSON, Results.P50), Results.median(c, OURS, Results.P50), "≤ ×1.2", 1.2, true);
		goal(md, "non-stream latency p50 (blocking)", Results.median(c, RAW, Results.P50), " µs",
				Results.median(c, JACKSON, Results.P50), Results.median(c, OURS_BLOCKING, Results.P50), "≤ ×1.2", 1.2,
				true);
		goal(md, "calls/s at " + results.plan.maxCallers() + " callers (reactive)", Results.median(c, RAW, at), "",
				Results.median(c, JACKSON, at), Results.median(c, OURS, at), "≥ ×0.8", 0.8, false);
		goal(md, "client CPU per call at " + results.plan.maxCallers(), Results.median(c, RAW, Results.CPU), " µs",
				Results.median(c, JACKSON, Results.CPU), Results.median(c, OURS, Results.CPU), "≤ ×1.5", 1.5, true);
		goal(md, "time to first chunk p50", Results.median(s, RAW, Results.TTFC50), " µs",
				Results.median(s, JACKSON, Results.TTFC50), Results.median(s, OURS_STREAM, Results.TTFC50), "≤ ×1.3",
				1.3, true);
		JmhResult jackson = jmh(results, "jacksonStream");
		JmhResult ours = jmh(results, "chatClientStream");
		if (jackson != null && ours != null) {
			double own = ours.microsPerOp() / ours.chunks();
			md.append("| own work per chunk (JMH, ")
				.append(ours.chunks())
				.append("-chunk stream, no socket) | 0 | ")
				.append(fmt(jackson.microsPerOp() / jackson.chunks()))
				.append(" µs | ")
				.append(fmt(own))
				.append(" µs | ≤ 5 µs | ")
				.append((own <= 5) ? "yes" : "no")
				.append(" |\n");
			JmhResult call = jmh(results, "chatClientCall");
			if (call != null) {
				// the stream's time less a complete call's: what each further chunk costs
				double marginal = (ours.microsPerOp() - call.microsPerOp()) / ours.chunks();
				md.append("| the same less a complete call's work | 0 | ")
					.append(fmt(jackson.microsPerOp() / jackson.chunks()))
					.append(" µs | ")
					.append(fmt(marginal))
					.append(" µs | ≤ 5 µs | ")
					.append((marginal <= 5) ? "yes" : "no")
					.append(" |\n");
			}
		}
		double alloc = Results.median(s, OURS_STREAM, Results.STREAM_ALLOC);
		md.append("| allocation per stream | ")
			.append(fmt(Results.median(s, RAW, Results.STREAM_ALLOC)))
			.append(" KB | ")
			.append(fmt(Results.median(s, JACKSON, Results.STREAM_ALLOC)))
			.append(" KB | ")
			.append(fmt(alloc))
			.append(" KB | ≤ 50 KB | ")
			.append((alloc <= 50) ? "yes" : "no")
			.append(" |\n");
		double heap = Results.median(s, OURS_STREAM, Results.HEAP);
		md.append("| heap after GC with ")
			.append(results.plan.openStreams())
			.append(" open streams | ")
			.append(fmt(Results.median(s, RAW, Results.HEAP)))
			.append(" MB | ")
			.append(fmt(Results.median(s, JACKSON, Results.HEAP)))
			.append(" MB | ")
			.append(fmt(heap))
			.append(" MB | ≤ 40 MB | ")
			.append((heap <= 40) ? "yes" : "no")
			.append(" |\n");
		md.append("| threads with ")
			.append(results.plan.openStreams())
			.append(" open streams | ")
			.append(fmt(Results.median(s, RAW, Results.THREADS)))
			.append(" | ")
			.append(fmt(Results.median(s, JACKSON, Results.THREADS)))
			.append(" | ")
			.append(fmt(Results.median(s, OURS_STREAM, Results.THREADS)))
			.append(" | no thread per stream | ")
			.append((Results.median(s, OURS_STREAM, Results.THREADS) < results.plan.openStreams() / 2.0) ? "yes" : "no")
			.append(" |\n");
		Map<String, Double> f = results.figures;
		double capacityHeap = f.getOrDefault("capacity.heapMB", Double.NaN);
		md.append("| ")
			.append(fmt(f.getOrDefault("capacity.streams", Double.NaN)))
			.append(" open streams, one client | | | ")
			.append(fmt(f.getOrDefault("capacity.opened", Double.NaN)))
			.append(" open, ")
			.append(fmt(capacityHeap))
			.append(" MB, ")
			.append(fmt(f.getOrDefault("capacity.threads", Double.NaN)))
			.append(" threads | < ")
			.append(results.plan.heapBudgetBytes() >> 20)
			.append(" MB | ")
			.append((capacityHeap < (results.plan.heapBudgetBytes() >> 20)) ? "yes" : "no")
			.append(" |\n\n");
		md.append("Ratios are to the raw client of the same run. The whole heap of the harness JVM is counted, which "
				+ "holds every contender's classes and the two application contexts: compare the rows, and the "
				+ "`KB/open stream` column for the cost of one stream.\n\n");
	}

	private static void goal(StringBuilder md, String figure, double raw, String unit, double jackson, double ours,
			String goal, double limit, boolean lowerIsBetter) {
		double ratio = ours / raw;
		boolean met = lowerIsBetter ? ratio <= limit : ratio >= limit;
		md.append("| ")
			.append(figure)
			.append(" | ")
			.append(fmt(raw))
			.append(unit)
			.append(" | ×")
			.append(fmt2(jackson / raw))
			.append(" | ×")
			.append(fmt2(ratio))
			.append(" | ")
			.append(goal)
			.append(" | ")
			.append(met ? "yes" : "no")
			.append(" |\n");
	}

	private static void calls(StringBuilder md, Results results) {
		String at = Results.callsPerSecond(results.plan.maxCallers());
		md.append("## Complete calls\n\n| row | p50 µs | p99 µs |");
		for (int callers : results.plan.callers()) {
			md.append(" calls/s at ").append(callers).append(" |");
		}
		md.append(" CPU µs/call at ")
			.append(results.plan.maxCallers())
			.append(" | alloc KB/call | ×raw p50 | ×raw calls/s | ×raw CPU | errors | note |\n|---|---|---|");
		md.append("---|".repeat(results.plan.callers().size())).append("---|---|---|---|---|---|---|\n");
		for (String row : results.calls.keySet()) {
			Map<String, Map<String, List<Double>>> c = results.calls;
			md.append("| ")
				.append(row)
				.append(" | ")
				.append(fmt(Results.median(c, row, Results.P50)))
				.append(" | ")
				.append(fmt(Results.median(c, row, Results.P99)))
				.append(" | ");
			for (int callers : results.plan.callers()) {
				md.append(fmt(Results.median(c, row, Results.callsPerSecond(callers)))).append(" | ");
			}
			md.append(fmt(Results.median(c, row, Results.CPU)))
				.append(" | ")
				.append(fmt(Results.median(c, row, Results.ALLOC)))
				.append(" | ×")
				.append(fmt2(Results.median(c, row, Results.P50) / Results.median(c, RAW, Results.P50)))
				.append(" | ×")
				.append(fmt2(Results.median(c, row, at) / Results.median(c, RAW, at)))
				.append(" | ×")
				.append(fmt2(Results.median(c, row, Results.CPU) / Results.median(c, RAW, Results.CPU)))
				.append(" | ")
				.append(fmt(sum(c, row, Results.ERRORS)))
				.append(" | ")
				.append(results.notes.getOrDefault(row, ""))
				.append(" |\n");
		}
		md.append("\nBlocking rows (the starter's `chat()`, Spring AI, LangChain4j) run on that many caller threads; "
				+ "reactive rows keep that many calls in flight with no caller thread.\n\n");
	}

	private static void streams(StringBuilder md, Results results) {
		Map<String, Map<String, List<Double>>> s = results.streams;
		md.append(
				"## Streams\n\n| row | TTFC p50 µs | TTFC p99 µs | whole stream p50 µs | alloc KB/stream | ×raw TTFC | "
						+ "new connections/stream | open of ")
			.append(results.plan.openStreams())
			.append(" | heap MB | KB/open stream | threads | note |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (String row : s.keySet()) {
			md.append("| ")
				.append(row)
				.append(" | ")
				.append(fmt(Results.median(s, row, Results.TTFC50)))
				.append(" | ")
				.append(fmt(Results.median(s, row, Results.TTFC99)))
				.append(" | ")
				.append(fmt(Results.median(s, row, Results.STREAM50)))
				.append(" | ")
				.append(fmt(Results.median(s, row, Results.STREAM_ALLOC)))
				.append(" | ×")
				.append(fmt2(Results.median(s, row, Results.TTFC50) / Results.median(s, RAW, Results.TTFC50)))
				.append(" | ")
				.append(fmt2(Results.median(s, row, Results.CONNECTIONS)))
				.append(" | ")
				.append(fmt(Results.median(s, row, Results.OPENED)))
				.append(" | ")
				.append(fmt(Results.median(s, row, Results.HEAP)))
				.append(" | ")
				.append(fmt(Results.median(s, row, Results.PER_STREAM)))
				.append(" | ")
				.append(fmt(Results.median(s, row, Results.THREADS)))
				.append(" | ")
				.append(results.notes.getOrDefault(row, ""))
				.append(" |\n");
		}
		md.append("\nA raw row's first piece is the first network buffer; every other row's is its first chunk or "
				+ "token. Allocation counts the threads alive at the end of a block (a thread that ended is missed).\n\n");
	}

	private static void other(StringBuilder md, Results results) {
		Map<String, Map<String, List<Double>>> c = results.calls;
		Map<String, Map<String, List<Double>>> s = results.streams;
		md.append("## Observation, start-up, JMH\n\n");
		md.append("- Observation on (Boot's `ObservationRegistry`, meter handler, `SimpleMeterRegistry`): p50 +")
			.append(fmt(Results.median(c, OURS + ", observed", Results.P50) - Results.median(c, OURS, Results.P50)))
			.append(" µs, CPU +")
			.append(fmt(Results.median(c, OURS + ", observed", Results.CPU) - Results.median(c, OURS, Results.CPU)))
			.append(" µs, allocation +")
			.append(fmt(Results.median(c, OURS + ", observed", Results.ALLOC) - Results.median(c, OURS, Results.ALLOC)))
			.append(" KB per call; allocation +")
			.append(fmt(Results.median(s, OURS_STREAM + ", observed", Results.STREAM_ALLOC)
					- Results.median(s, OURS_STREAM, Results.STREAM_ALLOC)))
			.append(" KB per stream.\n");
		Map<String, Double> f = results.figures;
		md.append("- Context start-up (no web server): ")
			.append(fmt(f.getOrDefault("startup.with", Double.NaN)))
			.append(" ms with the starter's auto-configuration (two clients), ")
			.append(fmt(f.getOrDefault("startup.without", Double.NaN)))
			.append(" ms without: +")
			.append(fmt(f.getOrDefault("startup.with", Double.NaN) - f.getOrDefault("startup.without", Double.NaN)))
			.append(" ms (median of ")
			.append(fmt(f.getOrDefault("startup.runs", Double.NaN)))
			.append(").\n");
		md.append("- Largest number of concurrent open streams within ")
			.append(results.plan.heapBudgetBytes() >> 20)
			.append(" MB of heap, extrapolated from the capacity run: ~")
			.append(fmt(f.getOrDefault("capacity.withinBudget", Double.NaN)))
			.append(".\n\n");
		md.append("| JMH benchmark | µs/op | µs per chunk | bytes/op |\n|---|---|---|---|\n");
		for (JmhResult row : results.jmh) {
			md.append("| ")
				.append(row.name())
				.append(" | ")
				.append(fmt2(row.microsPerOp()))
				.append(" | ")
				.append((row.chunks() > 0) ? fmt2(row.microsPerOp() / row.chunks()) : "")
				.append(" | ")
				.append(fmt(row.bytesPerOp()))
				.append(" |\n");
		}
	}

	private static @Nullable JmhResult jmh(Results results, String name) {
		return results.jmh.stream().filter((row) -> row.name().equals(name)).findFirst().orElse(null);
	}

	private static double sum(Map<String, Map<String, List<Double>>> table, String row, String figure) {
		return table.getOrDefault(row, Map.of())
			.getOrDefault(figure, List.of())
			.stream()
			.mapToDouble(Double::doubleValue)
			.sum();
	}

	static String fmt(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "–";
		}
		return (Math.abs(value) >= 100) ? String.format(Locale.ROOT, "%,.0f", value)
				: String.format(Locale.ROOT, "%.1f", value);
	}

	static String fmt2(double value) {
		return (Double.isNaN(value) || Double.isInfinite(value)) ? "–" : String.format(Locale.ROOT, "%.2f", value);
	}

	/**
	 * Bars of each row's ratio to the raw client, per figure; lower is better (calls/s is
	 * inverted).
	 */
	static String svg(Results results) {
		String at = Results.callsPerSecond(results.plan.maxCallers());
		String[] figures = { "p50 latency", "1 / calls/s at " + results.plan.maxCallers(), "CPU per call",
				"time to first chunk", "alloc per stream" };
		List<String[]> rows = List.of(new String[] { JACKSON, JACKSON }, new String[] { OURS, OURS_STREAM },
				new String[] { OURS_BLOCKING, OURS_STREAM },
				new String[] { OURS + ", observed", OURS_STREAM + ", observed" },
				new String[] { "Spring AI 2.0.1", "Spring AI 2.0.1" },
				new String[] { "LangChain4j 1.19.0", "LangChain4j 1.19.0" });
		String[] colors = { "#9e9e9e", "#1565c0", "#42a5f5", "#7e57c2", "#2e7d32", "#ef6c00" };
		double cap = 8;
		int barHeight = 12;
		int groupHeight = rows.size() * barHeight + 24;
		int width = 900;
		int left = 190;
		int plot = width - left - 60;
		int height = 60 + figures.length * groupHeight + 30;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height)
			.append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
		svg.append(
				"<text x=\"10\" y=\"20\" font-size=\"14\">Ratio to raw Reactor Netty (1 = the wire; lower is better; "
						+ "cut at ×")
			.append((int) cap)
			.append(")")
			.append(results.plan.smoke() ? " — smoke run" : "")
			.append("</text>\n");
		for (int i = 0; i <= cap; i++) {
			int x = left + (int) (plot * i / cap);
			svg.append("<line x1=\"")
				.append(x)
				.append("\" y1=\"40\" x2=\"")
				.append(x)
				.append("\" y2=\"")
				.append(height - 30)
				.append("\" stroke=\"")
				.append((i == 1) ? "#000" : "#ddd")
				.append("\"/>\n");
			svg.append("<text x=\"")
				.append(x - 6)
				.append("\" y=\"")
				.append(height - 15)
				.append("\">×")
				.append(i)
				.append("</text>\n");
		}
		for (int f = 0; f < figures.length; f++) {
			int top = 50 + f * groupHeight;
			svg.append("<text x=\"10\" y=\"")
				.append(top + 10)
				.append("\" font-weight=\"bold\">")
				.append(figures[f])
				.append("</text>\n");
			for (int r = 0; r < rows.size(); r++) {
				double ratio = ratio(results, f, rows.get(r), at);
				int y = top + 16 + r * barHeight;
				int w = Double.isNaN(ratio) ? 0 : (int) (plot * Math.min(ratio, cap) / cap);
				svg.append("<text x=\"20\" y=\"")
					.append(y + 9)
					.append("\">")
					.append(rows.get(r)[(f >= 3) ? 1 : 0])
					.append("</text>\n");
				svg.append("<rect x=\"")
					.append(left)
					.append("\" y=\"")
					.append(y)
					.append("\" width=\"")
					.append(w)
					.append("\" height=\"")
					.append(barHeight - 2)
					.append("\" fill=\"")
					.append(colors[r])
					.append("\"/>\n");
				svg.append("<text x=\"")
					.append(left + w + 4)
					.append("\" y=\"")
					.append(y + 9)
					.append("\">×")
					.append(fmt2(ratio))
					.append((ratio > cap) ? " (cut)" : "")
					.append("</text>\n");
			}
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	private static double ratio(Results results, int figure, String[] row, String at) {
		Map<String, Map<String, List<Double>>> c = results.calls;
		Map<String, Map<String, List<Double>>> s = results.streams;
		return switch (figure) {
			case 0 -> Results.median(c, row[0], Results.P50) / Results.median(c, RAW, Results.P50);
			case 1 -> Results.median(c, RAW, at) / Results.median(c, row[0], at);
			case 2 -> Results.median(c, row[0], Results.CPU) / Results.median(c, RAW, Results.CPU);
			case 3 -> Results.median(s, row[1], Results.TTFC50) / Results.median(s, RAW, Results.TTFC50);
			default -> Results.median(s, row[1], Results.STREAM_ALLOC) / Results.median(s, RAW, Results.STREAM_ALLOC);
		};
	}

}
