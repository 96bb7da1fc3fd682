package io.github.linkai.spring.client.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Retry-After} as RFC 9110 defines it: delay-seconds or an HTTP date. */
class RetryAfterTests {

	private final Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:27:30Z"), ZoneOffset.UTC);

	@Test
	void delaySecondsAreRead() {
		assertThat(RetryAfter.parse("120", this.clock)).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void delaySecondsMayBeSurroundedByWhitespace() {
		assertThat(RetryAfter.parse(" 7 ", this.clock)).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void zeroSecondsMeansRetryNow() {
		assertThat(RetryAfter.parse("0", this.clock)).isEqualTo(Duration.ZERO);
	}

	@Test
	void httpDateIsTheDelayFromNow() {
		assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", this.clock)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void httpDateInThePastMeansRetryNow() {
		assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", this.clock)).isEqualTo(Duration.ZERO);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(
			strings = { " ", "soon", "-5", "1.5", "99999999999999999999", "2015-10-21T07:28:00Z", "Wed, 21 Oct 2015" })
	void absentOrUnreadableValueGivesNoDelay(String value) {
		assertThat(RetryAfter.parse(value, this.clock)).isNull();
	}

}
