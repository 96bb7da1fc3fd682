package io.github.linkai.spring.client;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stream chunks, and the unmapped fields replies and chunks keep. */
class ChatChunkTests {

	@Test
	void wholeReplyBecomesOneFinalChunk() {
		ChatResponse response = new ChatResponse("linkai", "default", null, "你好", null, new Usage(9, 17, 26), "s-1",
				null, List.of(), BigDecimal.ONE, Map.of("id", "chatcmpl-1"));

		ChatChunk chunk = ChatChunk.of(response);

		assertThat(chunk.provider()).isEqualTo("linkai");
		assertThat(chunk.clientName()).isEqualTo("default");
		assertThat(chunk.delta()).isEqualTo("你好");
		assertThat(chunk.finishReason()).isEqualTo("stop");
		assertThat(chunk.isLast()).isTrue();
		assertThat(chunk.usage()).isEqualTo(new Usage(9, 17, 26));
		assertThat(chunk.sessionId()).isEqualTo("s-1");
		assertThat(chunk.cost()).isEqualTo(BigDecimal.ONE);
		assertThat(chunk.providerFields()).containsExactly(Map.entry("id", "chatcmpl-1"));
	}

	@Test
	void finishReasonOfTheReplyIsKept() {
		ChatResponse response = new ChatResponse("linkai", "default", null, "你好", "length", null, null, null, List.of(),
				null, Map.of());

		assertThat(ChatChunk.of(response).finishReason()).isEqualTo("length");
	}

	@Test
	void aChunkMadeWithoutAClientNamesNone() {
		ChatChunk text = new ChatChunk("我能", null, null, null, null, List.of(), null, Map.of());
		assertThat(text.provider()).isNull();
		assertThat(text.clientName()).isNull();
		ChatChunk built = ChatChunk.builder().delta("我能").build();
		assertThat(built.provider()).isNull();
		assertThat(built.clientName()).isNull();
		ChatChunk named = ChatChunk.builder().provider("openai").clientName("search").build();
		assertThat(named.provider()).isEqualTo("openai");
		assertThat(named.clientName()).isEqualTo("search");
	}

	@Test
	void deltaChunkIsNotLast() {
		ChatChunk chunk = new ChatChunk("我能", null, null, null, null, List.of(), null, Map.of());

		assertThat(chunk.isLast()).isFalse();
		assertThat(chunk.providerFields()).isEmpty();
	}

	@Test
	void providerFieldsKeepTheirOrderAndTheirJsonNulls() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", "chatcmpl-1");
		fields.put("system_fingerprint", null);
		fields.put("object", "chat.completion.chunk");
		fields.put("created", 1722240000);

		ChatChunk chunk = new ChatChunk("你好", null, null, null, null, List.of(), null, fields);
		ChatResponse response = new ChatResponse("linkai", "default", null, "你好", null, null, null, null, List.of(),
				null, fields);

		assertThat(chunk.providerFields()).containsExactly(Map.entry("id", "chatcmpl-1"),
				new java.util.AbstractMap.SimpleEntry<>("system_fingerprint", null),
				Map.entry("object", "chat.completion.chunk"), Map.entry("created", 1722240000));
		assertThat(response.providerFields()).isEqualTo(chunk.providerFields());
	}

	@Test
	void providerFieldsAreACopyThatCannotBeChanged() {
		Map<String, Object> fields = new HashMap<>(Map.of("id", "chatcmpl-1"));
		ChatChunk chunk = new ChatChunk("你好", null, null, null, null, List.of(), null, fields);

		fields.put("object", "chat.completion.chunk");

		assertThat(chunk.providerFields()).containsOnlyKeys("id").isUnmodifiable();
	}

}
