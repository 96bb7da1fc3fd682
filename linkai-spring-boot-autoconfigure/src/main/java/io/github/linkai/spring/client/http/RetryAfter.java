package io.github.linkai.spring.client.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Parses how long a server asks to wait: {@code Retry-After-Ms} (milliseconds, as
 * OpenAI-style APIs send it), else {@code Retry-After}, delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3).
 */
public final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * The delay {@code Retry-After-Ms} or else {@code Retry-After} asks for, or
	 * {@code null}; never negative.
	 */
	public static @Nullable Duration parse(@Nullable String milliseconds, @Nullable String value, Clock clock) {
		if (milliseconds != null && !milliseconds.isBlank()) {
			try {
				double ms = Double.parseDouble(milliseconds.strip());
				if (ms >= 0 && Double.isFinite(ms)) {
					return Duration.ofNanos((long) (ms * 1_000_000));
				}
			}
			catch (NumberFormatException ex) {
				// unreadable: fall back to Retry-After
			}
		}
		return parse(value, clock);
	}

	/**
	 * The delay, or {@code null} when the header is absent or unreadable; never negative.
	 */
	public static @Nullable Duration parse(@Nullable String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
		try {
			long seconds = Long.parseLong(trimmed);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			// not delay-seconds: try an HTTP date below
		}
		try {
			Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration delay = Duration.between(clock.instant(), at);
			return delay.isNegative() ? Duration.ZERO : delay;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
