package io.github.linkai.spring.client.admission;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * What a provider said about its rate limits on an answer: OpenAI-style
 * {@code x-ratelimit-remaining-requests}, {@code x-ratelimit-remaining-tokens},
 * {@code x-ratelimit-reset-requests} and {@code x-ratelimit-reset-tokens} (resets as
 * {@code 1s}, {@code 6m0s}, {@code 20ms}, or plain seconds).
 *
 * @param remainingRequests requests left in the provider's window, if said
 * @param resetRequests when the request window resets, if said
 * @param remainingTokens tokens left in the provider's window, if said
 * @param resetTokens when the token window resets, if said
 */
public record ProviderLimits(@Nullable Long remainingRequests, @Nullable Duration resetRequests,
		@Nullable Long remainingTokens, @Nullable Duration resetTokens) {

	private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|us|µs|ns|m|s)");

	/** The signals in {@code headers}, or {@code null} when there are none. */
	public static @Nullable ProviderLimits from(HttpHeaders headers) {
		Long remainingRequests = count(headers.getFirst("x-ratelimit-remaining-requests"));
		Long remainingTokens = count(headers.getFirst("x-ratelimit-remaining-tokens"));
		Duration resetRequests = duration(headers.getFirst("x-ratelimit-reset-requests"));
		Duration resetTokens = duration(headers.getFirst("x-ratelimit-reset-tokens"));
		if (remainingRequests == null && remainingTokens == null && resetRequests == null && resetTokens == null) {
			return null;
		}
		return new ProviderLimits(remainingRequests, resetRequests, remainingTokens, resetTokens);
	}

	/**
	 * Whether the provider said a window is used up, and so how long a key should rest:
	 * until the reset of the window that is empty (the longer of the two when both are),
	 * or {@code null} when none is.
	 */
	public @Nullable Duration exhaustedFor() {
		Duration rest = null;
		if (this.remainingRequests != null && this.remainingRequests <= 0) {
			rest = (this.resetRequests != null) ? this.resetRequests : Duration.ofSeconds(1);
		}
		if (this.remainingTokens != null && this.remainingTokens <= 0) {
			Duration tokens = (this.resetTokens != null) ? this.resetTokens : Duration.ofSeconds(1);
			rest = (rest == null || tokens.compareTo(rest) > 0) ? tokens : rest;
		}
		return rest;
	}

	private static @Nullable Long count(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * A Go-style duration ({@code 6m0s}, {@code 1h2m3.5s}, {@code 20ms}) or a number of
	 * seconds; {@code null} when it is neither.
	 */
	static @Nullable Duration duration(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			BigDecimal seconds = new BigDecimal(text);
			return (seconds.signum() >= 0) ? nanos(seconds.movePointRight(9)) : null;
		}
		catch (NumberFormatException ex) {
			// a Go-style duration
		}
		Matcher matcher = PART.matcher(text);
		BigDecimal total = BigDecimal.ZERO;
		int end = 0;
		while (matcher.find()) {
			if (matcher.start() != end) {
				return null;
			}
			BigDecimal amount = new BigDecimal(matcher.group(1));
			total = total.add(switch (matcher.group(2)) {
				case "h" -> amount.movePointRight(9).multiply(BigDecimal.valueOf(3600));
				case "m" -> amount.movePointRight(9).multiply(BigDecimal.valueOf(60));
				case "s" -> amount.movePointRight(9);
				case "ms" -> amount.movePointRight(6);
				case "ns" -> amount;
				default -> amount.movePointRight(3);
			});
			end = matcher.end();
		}
		return (end == text.length() && end > 0) ? nanos(total) : null;
	}

	private static Duration nanos(BigDecimal nanos) {
		return Duration.ofNanos(nanos.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue());
	}

}
