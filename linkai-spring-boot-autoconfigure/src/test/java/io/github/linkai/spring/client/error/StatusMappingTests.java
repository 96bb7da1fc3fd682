package io.github.linkai.spring.client.error;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP error statuses to typed exceptions. */
class StatusMappingTests {

	@ParameterizedTest
	@CsvSource(textBlock = """
			400, io.github.linkai.spring.client.error.BadRequestException
			401, io.github.linkai.spring.client.error.AuthenticationException
			402, io.github.linkai.spring.client.error.ClientErrorException
			403, io.github.linkai.spring.client.error.PermissionDeniedException
			404, io.github.linkai.spring.client.error.NotFoundException
			408, io.github.linkai.spring.client.error.ClientErrorException
			418, io.github.linkai.spring.client.error.ClientErrorException
			429, io.github.linkai.spring.client.error.RateLimitedException
			500, io.github.linkai.spring.client.error.ServerErrorException
			502, io.github.linkai.spring.client.error.ServerErrorException
			503, io.github.linkai.spring.client.error.ServiceUnavailableException
			504, io.github.linkai.spring.client.error.ServerErrorException
			101, io.github.linkai.spring.client.error.ProviderApiException
			""")
	void standardMappingGivesEachStatusItsType(int status, Class<?> type) {
		assertThat(StatusMapping.standard().map(details(status))).isExactlyInstanceOf(type);
	}

	@Test
	void exceptionCarriesTheDetails() {
		ErrorDetails details = new ErrorDetails("linkai", "default", 429, "rate_limit", "慢一点", Duration.ofSeconds(7));

		ProviderApiException error = StatusMapping.standard().map(details);

		assertThat(error.provider()).isEqualTo("linkai");
		assertThat(error.clientName()).isEqualTo("default");
		assertThat(error.statusCode()).isEqualTo(429);
		assertThat(error.errorType()).isEqualTo("rate_limit");
		assertThat(error.errorMessage()).isEqualTo("慢一点");
		assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(error).hasMessage("[linkai/default] HTTP 429 rate limited [rate_limit]: 慢一点");
	}

	@Test
	void aRedirectWithoutItsLocationSaysItWasNotFollowed() {
		assertThat(new RedirectNotFollowedException(details(301), null))
			.hasMessageStartingWith("[linkai/default] HTTP 301 redirect without a readable Location not followed");
	}

	@Test
	void messageLeavesOutWhatTheBodyDidNotSay() {
		assertThat(StatusMapping.standard().map(details(400))).hasMessage("[linkai/default] HTTP 400 bad request");
	}

	@Test
	void providerOverrideMapsItsStatusAndKeepsTheOthers() {
		StatusMapping mapping = StatusMapping.standard()
			.with(402, (d) -> new AppNotFoundException(d, "app does not exist"));

		assertThat(mapping.map(details(402))).isExactlyInstanceOf(AppNotFoundException.class)
			.hasMessage("[linkai/default] HTTP 402 app does not exist");
		assertThat(mapping.map(details(401))).isExactlyInstanceOf(AuthenticationException.class);
	}

	@Test
	void overrideLeavesTheStandardMappingUnchanged() {
		StatusMapping.standard().with(401, (d) -> new QuotaExceededException(d, "quota"));

		assertThat(StatusMapping.standard().map(details(401))).isExactlyInstanceOf(AuthenticationException.class);
	}

	private static ErrorDetails details(int status) {
		return new ErrorDetails("linkai", "default", status, null, null, null);
	}

}
