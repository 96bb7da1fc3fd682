package io.github.linkai.spring.ai;

import java.util.List;

import io.github.linkai.spring.client.ProviderOptions;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.prompt.ChatOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClientChatOptions}.
 */
class ClientChatOptionsTests {

	@Test
	void combineWithTakesWhatTheOtherSetsAndKeepsTheRest() {
		ProviderOptions appCode = () -> "linkai";
		ClientChatOptions options = ClientChatOptions.builder()
			.model("LinkAI-4o")
			.temperature(0.2)
			.sessionId("s-1")
			.providerOptions(appCode)
			.combineWith(ChatOptions.builder().temperature(0.9).maxTokens(100))
			.build();
		assertThat(options.getModel()).isEqualTo("LinkAI-4o");
		assertThat(options.getTemperature()).isEqualTo(0.9);
		assertThat(options.getMaxTokens()).isEqualTo(100);
		assertThat(options.getSessionId()).isEqualTo("s-1");
		assertThat(options.getProviderOptions()).containsExactly(appCode);
	}

	@Test
	void combineWithOursCarriesSessionAndProviderOptions() {
		ProviderOptions appCode = () -> "linkai";
		ClientChatOptions options = ClientChatOptions.builder()
			.combineWith(ClientChatOptions.builder().sessionId("s-2").providerOptions(appCode))
			.build();
		assertThat(options.getSessionId()).isEqualTo("s-2");
		assertThat(options.getProviderOptions()).containsExactly(appCode);
	}

	@Test
	void mutateAndFromGiveEqualOptions() {
		ClientChatOptions options = ClientChatOptions.builder().model("m").topP(0.5).sessionId("s").build();
		assertThat(options.mutate().build()).isEqualTo(options).hasSameHashCodeAs(options);
		assertThat(ClientChatOptions.from(options)).isSameAs(options);
		assertThat(ClientChatOptions.from(ChatOptions.builder().model("m").topP(0.5).build()))
			.isEqualTo(ClientChatOptions.builder().model("m").topP(0.5).build());
	}

	@Test
	void aCloneIsIndependentOfItsBuilder() {
		ClientChatOptions.Builder builder = ClientChatOptions.builder().stopSequences(List.of("a"));
		ClientChatOptions.Builder clone = builder.clone();
		clone.stopSequences(List.of("b")).model("other");
		assertThat(builder.build().getStopSequences()).containsExactly("a");
		assertThat(builder.build().getModel()).isNull();
	}

	@Test
	void toStringDoesNotPrintTheSessionId() {
		assertThat(ClientChatOptions.builder().sessionId("u-13800138000").build().toString())
			.doesNotContain("13800138000")
			.contains("sessionId=<set>");
	}

}
