package io.github.linkai.spring.ai;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.SearchSource;
import io.github.linkai.spring.client.Usage;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.EmptyUsage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResponseMapping}: our answers and chunks as Spring AI responses.
 */
class ResponseMappingTests {

	private final ResponseMapping mapping = new ResponseMapping("jijyun", "search");

	@Test
	void answerBecomesOneGenerationWithItsFinishReasonUsageAndMetadata() {
		SearchSource source = new SearchSource("https://wannianli.tianqi.com/today", "今天是...", "今天是农历几月几日");
		ChatResponse ours = new ChatResponse("jijyun", "search", "deepseek-chat", "今天是2023年8月16日", "stop",
				Usage.of(38, 29, null), "api_1", "r-1", List.of(source), new BigDecimal("0.001"),
				Map.of("visitorId", "v-1"));
		org.springframework.ai.chat.model.ChatResponse response = this.mapping.toResponse(ours);
		assertThat(response.getResults()).singleElement().satisfies((generation) -> {
			assertThat(generation.getOutput().getText()).isEqualTo("今天是2023年8月16日");
			assertThat(generation.getMetadata().getFinishReason()).isEqualTo("stop");
		});
		ChatResponseMetadata metadata = response.getMetadata();
		assertThat(metadata.getId()).isEqualTo("r-1");
		assertThat(metadata.getModel()).isEqualTo("deepseek-chat");
		assertThat(metadata.getUsage().getPromptTokens()).isEqualTo(38);
		assertThat(metadata.getUsage().getCompletionTokens()).isEqualTo(29);
		assertThat(metadata.getUsage().getTotalTokens()).isEqualTo(67);
		assertThat(metadata.getUsage().getNativeUsage()).isEqualTo(Usage.of(38, 29, null));
		assertThat(metadata.<String>get(ClientChatModel.SESSION_ID)).isEqualTo("api_1");
		assertThat(metadata.<String>get(ClientChatModel.REQUEST_ID)).isEqualTo("r-1");
		assertThat(metadata.<List<SearchSource>>get(ClientChatModel.SOURCES)).containsExactly(source);
		assertThat(metadata.<BigDecimal>get(ClientChatModel.COST)).isEqualByComparingTo("0.001");
		assertThat(metadata.<String>get(ClientChatModel.PROVIDER)).isEqualTo("jijyun");
		assertThat(metadata.<String>get(ClientChatModel.CLIENT_NAME)).isEqualTo("search");
		assertThat(metadata.<Map<String, Object>>get(ClientChatModel.PROVIDER_FIELDS)).containsEntry("visitorId",
				"v-1");
	}

	@Test
	void whatTheProviderDidNotReportIsAbsent() {
		ChatResponse ours = new ChatResponse("jijyun", "search", null, "你好", null, null, null, null, List.of(), null,
				Map.of());
		ChatResponseMetadata metadata = this.mapping.toResponse(ours).getMetadata();
		assertThat(metadata.getUsage()).isInstanceOf(EmptyUsage.class);
		assertThat(metadata.getModel()).isEmpty();
		assertThat(metadata.keySet()).containsExactlyInAnyOrder(ClientChatModel.PROVIDER, ClientChatModel.CLIENT_NAME);
		assertThat(this.mapping.toResponse(ours).getResult().getMetadata().getFinishReason()).isNull();
	}

	@Test
	void chunkBecomesAResponseWithItsDelta() {
		ChatChunk chunk = new ChatChunk("编码助手。", "stop", Usage.of(38, 10, null), "s-1", "r-1", List.of(), null,
				Map.of());
		org.springframework.ai.chat.model.ChatResponse response = this.mapping.toResponse(chunk, null);
		assertThat(response.getResult().getOutput().getText()).isEqualTo("编码助手。");
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("stop");
		assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(48);
		assertThat(response.getMetadata().<String>get(ClientChatModel.SESSION_ID)).isEqualTo("s-1");
		assertThat(response.getMetadata().<String>get(ClientChatModel.PROVIDER)).isEqualTo("jijyun");
		assertThat(response.getMetadata().<String>get(ClientChatModel.CLIENT_NAME)).isEqualTo("search");
	}

	@Test
	void anAnswerOrChunkFromAFallbackNamesTheProviderAndClientThatServedIt() {
		ChatResponse ours = new ChatResponse("openai", "backup", null, "你好", "stop", null, null, null, List.of(), null,
				Map.of());
		ChatResponseMetadata answer = this.mapping.toResponse(ours).getMetadata();
		assertThat(answer.<String>get(ClientChatModel.PROVIDER)).isEqualTo("openai");
		assertThat(answer.<String>get(ClientChatModel.CLIENT_NAME)).isEqualTo("backup");
		ChatChunk chunk = ChatChunk.builder().provider("openai").clientName("backup").delta("你好").build();
		ChatResponseMetadata streamed = this.mapping.toResponse(chunk, null).getMetadata();
		assertThat(streamed.<String>get(ClientChatModel.PROVIDER)).isEqualTo("openai");
		assertThat(streamed.<String>get(ClientChatModel.CLIENT_NAME)).isEqualTo("backup");
		ChatResponseMetadata calls = this.mapping.toolCalls(List.of(), "tool_calls", "openai", "backup").getMetadata();
		assertThat(calls.<String>get(ClientChatModel.PROVIDER)).isEqualTo("openai");
		assertThat(calls.<String>get(ClientChatModel.CLIENT_NAME)).isEqualTo("backup");
	}

}
