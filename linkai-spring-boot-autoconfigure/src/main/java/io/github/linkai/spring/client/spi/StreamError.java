package io.github.linkai.spring.client.spi;

import org.jspecify.annotations.Nullable;

/**
 * An error object found inside an event stream.
 *
 * @param type the provider's error type, if any
 * @param message the provider's error message, if any
 */
public record StreamError(@Nullable String type, @Nullable String message) {
}
