package io.github.linkai.spring.client.admission;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** A provider's rate-limit headers. */
class ProviderLimitsTests {

	@Test
	void openAiStyleHeadersAreRead() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("x-ratelimit-remaining-requests", "0");
		headers.set("x-ratelimit-reset-requests", "6m0s");
		headers.set("x-ratelimit-remaining-tokens", "149984");
		headers.set("x-ratelimit-reset-tokens", "20ms");

		ProviderLimits limits = ProviderLimits.from(headers);

		assertThat(limits).isEqualTo(new ProviderLimits(0L, Duration.ofMinutes(6), 149984L, Duration.ofMillis(20)));
		assertThat(limits.exhaustedFor()).isEqualTo(Duration.ofMinutes(6));
	}

	@Test
	void noHeadersNoLimits() {
		assertThat(ProviderLimits.from(new HttpHeaders())).isNull();
	}

	@Test
	void durationsInEveryFormProvidersSend() {
		assertThat(ProviderLimits.duration("1s")).isEqualTo(Duration.ofSeconds(1));
		assertThat(ProviderLimits.duration("1h2m3.5s")).isEqualTo(Duration.ofMillis(3_723_500));
		assertThat(ProviderLimits.duration("0.5")).isEqualTo(Duration.ofMillis(500));
		assertThat(ProviderLimits.duration("17")).isEqualTo(Duration.ofSeconds(17));
		assertThat(ProviderLimits.duration("250us")).isEqualTo(Duration.ofNanos(250_000));
		assertThat(ProviderLimits.duration("soon")).isNull();
		assertThat(ProviderLimits.duration("1s garbage")).isNull();
		assertThat(ProviderLimits.duration("-3")).isNull();
	}

	@Test
	void aWindowWithRequestsLeftDoesNotRestTheKey() {
		assertThat(new ProviderLimits(5L, Duration.ofSeconds(1), null, null).exhaustedFor()).isNull();
		assertThat(new ProviderLimits(null, null, 0L, null).exhaustedFor()).isEqualTo(Duration.ofSeconds(1));
	}

}
