package io.github.linkai.spring.client.spi;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StreamError#fromFields}.
 */
class StreamErrorTests {

	@Test
	void linkAisNestedErrorObjectIsRead() {
		assertThat(StreamError.fromFields(Map.of("error",
				Map.of("message", "Invalid request: user message content is empty", "type", "invalid_request_error"))))
			.isEqualTo(new StreamError("invalid_request_error", "Invalid request: user message content is empty"));
	}

	@Test
	void alibabaStyleCodesAndNumericCodesAreRead() {
		assertThat(StreamError.fromFields(Map.of("errorCode", "Forbidden.NoPermission", "errorMessage", "无权限")))
			.isEqualTo(new StreamError("Forbidden.NoPermission", "无权限"));
		assertThat(StreamError.fromFields(Map.of("code", 401, "msg", "apiKey无效")))
			.isEqualTo(new StreamError("401", "apiKey无效"));
	}

	@Test
	void anErrorGivenAsAStringIsTheMessage() {
		assertThat(StreamError.fromFields(Map.of("error", "quota exhausted")))
			.isEqualTo(new StreamError(null, "quota exhausted"));
	}

	@Test
	void anObjectNamingNoErrorIsNone() {
		assertThat(StreamError.fromFields(Map.of("requestId", "r-1", "output", Map.of()))).isNull();
	}

}
