package io.github.linkai.spring;

import java.io.PrintWriter;
import java.io.StringWriter;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions every provider's suite shares.
 */
public final class WireTestSupport {

	private WireTestSupport() {
	}

	/**
	 * The full printed stack trace, causes and suppressed exceptions included: where a
	 * leaked secret would show.
	 */
	public static String printed(Throwable error) {
		StringWriter out = new StringWriter();
		error.printStackTrace(new PrintWriter(out));
		return out.toString();
	}

	/**
	 * A {@code {"role":...,"content":...}} message with string content and no other
	 * field.
	 */
	public static void assertTextMessage(JsonNode message, String role, String content) {
		assertThat(message.propertyNames()).containsExactly("role", "content");
		assertThat(message.get("role").isString()).isTrue();
		assertThat(message.get("role").asString()).isEqualTo(role);
		assertThat(message.get("content").isString()).isTrue();
		assertThat(message.get("content").asString()).isEqualTo(content);
	}

}
