package io.github.linkai.spring.client.spi;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event's data read in its bytes: a slice of a larger array, compared and decoded
 * without a copy.
 */
class StreamEventTests {

	private static StreamEvent slice(String around, String data) {
		byte[] bytes = (around + data + around).getBytes(StandardCharsets.UTF_8);
		int offset = around.getBytes(StandardCharsets.UTF_8).length;
		return new StreamEvent(null, bytes, offset, data.getBytes(StandardCharsets.UTF_8).length);
	}

	@Test
	void theDataIsOnlyItsSliceDecodedAsUtf8() {
		StreamEvent event = slice("data: {\"x\":1}\n\n", "{\"c\":\"你好\"}");

		assertThat(event.data()).isEqualTo("{\"c\":\"你好\"}");
		assertThat(event.hasData()).isTrue();
		assertThat(event.isBlank()).isFalse();
	}

	@Test
	void theMarkerIsComparedWithoutTheWhitespaceAroundIt() {
		assertThat(slice("xx", " [DONE]\r\n").dataEquals("[DONE]")).isTrue();
		assertThat(slice("[DONE]", "[DONE]").dataEquals("[DONE]")).isTrue();
		assertThat(slice("", "[DONE]x").dataEquals("[DONE]")).isFalse();
		assertThat(slice("", "[DONE").dataEquals("[DONE]")).isFalse();
		assertThat(slice("", "").dataEquals("[DONE]")).isFalse();
	}

	@Test
	void whitespaceOnlyOrNoDataIsBlank() {
		assertThat(slice("{}", " \t\r\n").isBlank()).isTrue();
		assertThat(slice("{}", "").isBlank()).isTrue();
		StreamEvent none = new StreamEvent("finish", null, 0, 0);
		assertThat(none.isBlank()).isTrue();
		assertThat(none.hasData()).isFalse();
		assertThat(none.data()).isNull();
		assertThat(none.dataEquals("[DONE]")).isFalse();
		assertThat(none.event()).isEqualTo("finish");
	}

	@Test
	void toStringShowsTheSizeNotTheConversation() {
		assertThat(slice("", "{\"content\":\"secret\"}")).hasToString("StreamEvent[event=null, data=20 bytes]");
	}

}
