package io.github.linkai.benchmarks.harness;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's smoke mode, as CI runs it: every row and every figure is produced, and
 * the table and the chart are written. Timings are not asserted: the blocks are far too
 * short, and the machine is shared.
 */
class HarnessSmokeTests {

	private static final List<String> CALL_ROWS = List.of("raw Reactor Netty", "raw + Jackson 3", "ChatClient blocking",
			"ChatClient reactive", "ChatClient blocking, observed", "ChatClient reactive, observed",
			"LangChain4j 1.19.0", "Spring AI 2.0.1");

	private static final List<String> STREAM_ROWS = List.of("raw Reactor Netty", "raw + Jackson 3", "ChatClient stream",
			"ChatClient stream, observed", "LangChain4j 1.19.0", "Spring AI 2.0.1");

	@Test
	void smokeRunProducesEveryRowFigureAndFile(@TempDir Path dir) throws Exception {
		Results results = Harness.run(Plan.smokeRun());
		Report.write(results, dir);

		assertThat(results.calls).containsOnlyKeys(CALL_ROWS);
		assertThat(results.streams).containsOnlyKeys(STREAM_ROWS);
		for (String row : CALL_ROWS) {
			assertFigures(results.calls, row, Results.P50, Results.P99, Results.CPU, Results.ALLOC);
			for (int callers : results.plan.callers()) {
				assertFigures(results.calls, row, Results.callsPerSecond(callers));
			}
			assertThat(Results.median(results.calls, row, Results.ERRORS)).as(row + " errors").isZero();
		}
		for (String row : STREAM_ROWS) {
			assertFigures(results.streams, row, Results.TTFC50, Results.TTFC99, Results.STREAM50, Results.STREAM_ALLOC,
					Results.HEAP, Results.PER_STREAM, Results.THREADS);
			assertThat(Results.median(results.streams, row, Results.OPENED)).as(row + " open streams")
				.isEqualTo(results.plan.openStreams());
		}
		assertThat(results.figures).containsKeys("startup.with", "startup.without", "capacity.heapMB",
				"capacity.withinBudget");
		assertThat(results.figures.get("capacity.opened")).isEqualTo(results.plan.capacityStreams());
		assertThat(results.jmh).extracting(JmhResult::name)
			.containsExactlyInAnyOrder("chatClientCall", "chatClientStream", "jacksonReply", "jacksonStream");
		assertThat(results.jmh).allSatisfy((row) -> assertThat(row.bytesPerOp()).isPositive());

		String markdown = Files.readString(dir.resolve(Report.MARKDOWN), StandardCharsets.UTF_8);
		assertThat(markdown).contains("Smoke run").contains("JDK").contains("(" + Report.CHART + ")");
		for (String row : CALL_ROWS) {
			assertThat(markdown).contains("| " + row + " |");
		}
		assertThat(Files.readString(dir.resolve(Report.CHART), StandardCharsets.UTF_8)).startsWith("<svg")
			.contains("Spring AI 2.0.1");
	}

	private static void assertFigures(Map<String, Map<String, List<Double>>> table, String row, String... figures) {
		for (String figure : figures) {
			assertThat(Results.median(table, row, figure)).as(row + ": " + figure).isFinite().isNotNegative();
		}
	}

}
