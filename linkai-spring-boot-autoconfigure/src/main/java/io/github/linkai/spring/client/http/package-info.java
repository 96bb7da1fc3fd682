/**
 * The one exchange path every provider call takes, and what it needs: secret masking,
 * error bodies, {@code Retry-After}, the connector decoration that keeps URL secrets out
 * of sight.
 */
@NullMarked
package io.github.linkai.spring.client.http;

import org.jspecify.annotations.NullMarked;
