package io.github.linkai.spring.ai;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.FakeChatClient;
import io.github.linkai.spring.client.ToolCallDelta;
import io.github.linkai.spring.client.error.ErrorDetails;
import io.github.linkai.spring.client.error.ServiceUnavailableException;
import io.github.linkai.spring.client.fallback.FallbackChatClient;
import io.github.linkai.spring.client.fallback.FallbackTarget;
import io.github.linkai.spring.client.spi.ChatOption;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat model over a fallback chain whose first client, of another provider, fails:
 * the metadata names the provider and client that served, not the chain's first.
 */
class ClientChatModelFallbackTests {

	private final FakeChatClient primary = new FakeChatClient("assistant", "linkai").failing(
			() -> new ServiceUnavailableException(new ErrorDetails("linkai", "assistant", 503, null, "failed", null),
					"service unavailable"));

	private final FakeChatClient backup = new FakeChatClient("backup", "openai");

	private final ClientChatModel model = ClientChatModel
		.of(new FallbackChatClient(
				List.of(new FallbackTarget(this.primary, EnumSet.allOf(ChatOption.class)),
						new FallbackTarget(this.backup, EnumSet.allOf(ChatOption.class))),
				(from, to, kind, context) -> {
				}, Duration.ofMinutes(1), Schedulers.parallel()));

	@Test
	void aStreamServedByTheFallbackNamesItsProviderAndClient() {
		this.backup.answering(served().delta("现在查").build(),
				served().toolCalls(List.of(new ToolCallDelta(0, "call_1", "current_time", "{}")))
					.finishReason("tool_calls")
					.build());

		List<ChatResponse> responses = this.model.stream(new Prompt("几点了?")).collectList().block();

		assertThat(responses).hasSize(3);
		assertThat(responses.get(2).getResult().getOutput().getToolCalls()).singleElement()
			.satisfies((call) -> assertThat(call.name()).isEqualTo("current_time"));
		assertThat(responses).extracting(ChatResponse::getMetadata).allSatisfy(this::namesTheBackup);
	}

	@Test
	void aCallServedByTheFallbackNamesItsProviderAndClient() {
		namesTheBackup(this.model.call(new Prompt("几点了?")).getMetadata());
	}

	private void namesTheBackup(ChatResponseMetadata metadata) {
		assertThat(metadata.<String>get(ClientChatModel.PROVIDER)).isEqualTo("openai");
		assertThat(metadata.<String>get(ClientChatModel.CLIENT_NAME)).isEqualTo("backup");
	}

	private static ChatChunk.Builder served() {
		return ChatChunk.builder().provider("openai").clientName("backup");
	}

}
