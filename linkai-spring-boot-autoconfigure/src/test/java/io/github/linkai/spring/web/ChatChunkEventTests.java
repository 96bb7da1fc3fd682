package io.github.linkai.spring.web;

import java.util.List;

import io.github.linkai.spring.client.AnswerMedia;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ToolCallDelta;
import io.github.linkai.spring.client.Usage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON of a stream's events: reasoning, tool-call fragments and media only on the
 * chunks that carry them, so a text stream's events are as they were.
 */
class ChatChunkEventTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aTextChunkHasItsDeltaOnlyAndAFinishChunkNoDelta() {
		assertThat(this.json.writeValueAsString(ChatChunkEvent.of(ChatChunk.builder().delta("你好").build())))
			.isEqualTo("{\"delta\":\"你好\"}");
		assertThat(this.json.writeValueAsString(
				ChatChunkEvent.of(ChatChunk.builder().finishReason("stop").usage(new Usage(9, 6, 15)).build())))
			.isEqualTo("{\"finishReason\":\"stop\","
					+ "\"usage\":{\"inputTokens\":9,\"outputTokens\":6,\"totalTokens\":15}}");
	}

	@Test
	void everyEventNamesTheProviderAndClientThatServedItsChunkAsAProblemDetailDoes() {
		ChatChunk.Builder served = ChatChunk.builder().provider("openai").clientName("backup");
		assertThat(this.json.writeValueAsString(ChatChunkEvent.of(served.delta("你好").build())))
			.isEqualTo("{\"delta\":\"你好\",\"provider\":\"openai\",\"client\":\"backup\"}");
		assertThat(this.json.writeValueAsString(ChatChunkEvent.of(served.delta("").finishReason("stop").build())))
			.isEqualTo("{\"finishReason\":\"stop\",\"provider\":\"openai\",\"client\":\"backup\"}");
		assertThat(this.json.writeValueAsString(
				ChatChunkEvent.of(ChatChunk.builder().clientName("backup").finishReason("stop").build())))
			.as("a chunk that names no provider")
			.isEqualTo("{\"finishReason\":\"stop\",\"client\":\"backup\"}");
	}

	@Test
	void aChunkThatSaysNothingIsEmpty() {
		assertThat(ChatChunkEvent.of(ChatChunk.builder().build()).isEmpty()).isTrue();
		assertThat(ChatChunkEvent.of(ChatChunk.builder().provider("linkai").clientName("default").build()).isEmpty())
			.isTrue();
		assertThat(ChatChunkEvent.of(ChatChunk.builder().finishReason("stop").build()).isEmpty()).isFalse();
		assertThat(ChatChunkEvent.of(ChatChunk.builder().reasoningDelta("嗯").build()).isEmpty()).isFalse();
	}

	@Test
	void reasoningToolCallsMediaAndTokenPartsWhereTheChunkHasThem() {
		ChatChunk chunk = ChatChunk.builder()
			.reasoningDelta("先查一下")
			.toolCalls(List.of(new ToolCallDelta(0, "call_1", "current_time", "")))
			.media(List.of(AnswerMedia.ofUrl("https://cdn.link-ai.tech/a.mp4")))
			.usage(Usage.of(10, 5, 15, 8, 3))
			.build();

		assertThat(this.json.writeValueAsString(ChatChunkEvent.of(chunk))).isEqualTo("{\"delta\":\"\","
				+ "\"usage\":{\"inputTokens\":10,\"outputTokens\":5,\"totalTokens\":15,\"cachedInputTokens\":8,"
				+ "\"reasoningOutputTokens\":3},\"reasoningDelta\":\"先查一下\",\"toolCalls\":[{\"index\":0,"
				+ "\"id\":\"call_1\",\"name\":\"current_time\",\"arguments\":\"\"}],"
				+ "\"media\":[{\"url\":\"https://cdn.link-ai.tech/a.mp4\",\"kind\":\"VIDEO\"}]}");
	}

}
