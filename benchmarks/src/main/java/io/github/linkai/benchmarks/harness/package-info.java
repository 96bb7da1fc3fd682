/**
 * The side-by-side harness: contenders, rotating rounds, probes and the report.
 */
@NullMarked
package io.github.linkai.benchmarks.harness;

import org.jspecify.annotations.NullMarked;
