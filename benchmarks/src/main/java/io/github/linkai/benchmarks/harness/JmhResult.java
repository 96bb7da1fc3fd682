package io.github.linkai.benchmarks.harness;

/**
 * One JMH benchmark's result.
 *
 * @param name the benchmark method
 * @param microsPerOp the average time of one operation
 * @param bytesPerOp bytes allocated per operation ({@code gc.alloc.rate.norm})
 * @param chunks the chunks one operation decodes (0 for a call)
 */
public record JmhResult(String name, double microsPerOp, double bytesPerOp, int chunks) {
}
