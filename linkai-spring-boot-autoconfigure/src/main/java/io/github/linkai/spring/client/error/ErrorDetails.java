package io.github.linkai.spring.client.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What an error response said, already stripped of credentials.
 *
 * @param provider the provider
 * @param clientName the configured client
 * @param statusCode the HTTP status
 * @param errorType the provider's error type or code, if any
 * @param errorMessage the provider's error message, if any
 * @param retryAfter the {@code Retry-After} delay, if any
 */
public record ErrorDetails(String provider, String clientName, int statusCode, @Nullable String errorType,
		@Nullable String errorMessage, @Nullable Duration retryAfter) {
}
