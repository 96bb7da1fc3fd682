/**
 * JMH benchmarks of the client's own work per call and per chunk, with no socket.
 */
@NullMarked
package io.github.linkai.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
