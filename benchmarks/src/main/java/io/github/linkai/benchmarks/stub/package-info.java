/**
 * The loopback stub of LinkAI's chat API the benchmarks run against.
 */
@NullMarked
package io.github.linkai.benchmarks.stub;

import org.jspecify.annotations.NullMarked;
