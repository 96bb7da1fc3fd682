/**
 * JMH benchmarks of the client's own work per call and per chunk, and on one big event or
 * reply, with no socket.
 */
@NullMarked
package io.github.linkai.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
