package io.github.linkai.spring.client.spi;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP request a mapping asks for, which carries credentials. */
class WireRequestTests {

	private static final String KEY = "Link_tOCJYmHxxm55eA1xs";

	@Test
	void toStringNamesTheHeadersAndVariablesButNotTheirValues() {
		WireRequest request = new WireRequest("/v1/openapi/chat?apiKey={apiKey}", Map.of("apiKey", KEY),
				Map.of("Authorization", "Bearer " + KEY), "body");

		assertThat(request.toString()).doesNotContain(KEY)
			.contains("/v1/openapi/chat?apiKey={apiKey}", "apiKey", "Authorization", "body");
	}

	@Test
	void toStringNamesTheBodysTypeNotTheConversation() {
		WireRequest request = new WireRequest("/v1/chat/completions", Map.of(), Map.of(),
				new Body("我的身份证号是 110101199003071234"));

		assertThat(request.toString()).endsWith("body=Body]").doesNotContain("110101");
	}

	@Test
	void headersAndVariablesAreCopies() {
		WireRequest request = new WireRequest("/v1/chat/completions", Map.of(),
				Map.of("Authorization", "Bearer " + KEY), "body");

		assertThat(request.headers()).isUnmodifiable();
		assertThat(request.uriVariables()).isUnmodifiable();
	}

	record Body(String content) {
	}

}
