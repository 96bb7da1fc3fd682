package io.github.linkai.spring.client;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** Building requests, and that a built request never changes. */
class ChatRequestTests {

	@Test
	void singleMessageRequestHasOneUserMessageAndNoOptions() {
		ChatRequest request = ChatRequest.of("你好");

		assertThat(request.messages()).containsExactly(ChatMessage.user("你好"));
		assertThat(request.options()).isEqualTo(ChatOptions.none());
		assertThat(request.sessionId()).isNull();
		assertThat(request.providerOptions()).isEmpty();
	}

	@Test
	void builderKeepsTheMessagesInOrder() {
		ChatRequest request = ChatRequest.builder()
			.system("你是一个客服助手")
			.user("你好")
			.assistant("你好,请问有什么可以帮助您的吗?")
			.user("这张图是什么?", "https://cdn.link-ai.tech/doc/vision-model-config.jpg")
			.build();

		assertThat(request.messages()).extracting(ChatMessage::role)
			.containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.USER);
		assertThat(request.messages().get(3).parts()).containsExactly(ContentPart.text("这张图是什么?"),
				ContentPart.image("https://cdn.link-ai.tech/doc/vision-model-config.jpg"));
	}

	@Test
	void builderSetsEveryOption() {
		ChatRequest request = ChatRequest.builder()
			.user("你好")
			.model("LinkAI-4o")
			.temperature(0.5)
			.topP(1.0)
			.maxTokens(512)
			.sessionId("user-42")
			.build();

		assertThat(request.options()).isEqualTo(new ChatOptions("LinkAI-4o", 0.5, 1.0, 512));
		assertThat(request.sessionId()).isEqualTo("user-42");
	}

	@Test
	void optionsCanBeSetAtOnceAndThenChanged() {
		ChatOptions options = new ChatOptions("LinkAI-4o", 0.5, null, 512);

		ChatRequest request = ChatRequest.builder().user("你好").options(options).temperature(null).build();

		assertThat(request.options()).isEqualTo(new ChatOptions("LinkAI-4o", null, null, 512));
	}

	@Test
	void builtRequestDoesNotSeeLaterBuilderChanges() {
		ChatRequest.Builder builder = ChatRequest.builder().user("你好").temperature(0.1);
		ChatRequest first = builder.build();

		builder.user("你是谁").temperature(0.9);

		assertThat(first.messages()).hasSize(1);
		assertThat(first.options().temperature()).isEqualTo(0.1);
		assertThat(builder.build().messages()).hasSize(2);
	}

	@Test
	void requestDoesNotSeeChangesToTheListItWasBuiltFrom() {
		List<ChatMessage> history = new ArrayList<>(List.of(ChatMessage.user("你好")));
		ChatRequest request = ChatRequest.builder().messages(history).build();

		history.add(ChatMessage.assistant("你好!"));

		assertThat(request.messages()).hasSize(1);
	}

	@Test
	void messagesCannotBeChanged() {
		ChatRequest request = ChatRequest.of("你好");

		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> request.messages().add(ChatMessage.user("你是谁")));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> request.providerOptions().clear());
	}

	@Test
	void mutateGivesAChangedCopyAndLeavesTheOriginal() {
		ChatRequest original = ChatRequest.builder()
			.user("你好")
			.model("LinkAI-4o")
			.sessionId("user-42")
			.providerOptions(new TestOptions("a"))
			.build();

		ChatRequest changed = original.mutate().sessionId(null).temperature(0.3).user("你是谁").build();

		assertThat(original.messages()).hasSize(1);
		assertThat(original.sessionId()).isEqualTo("user-42");
		assertThat(original.options().temperature()).isNull();
		assertThat(changed.messages()).hasSize(2);
		assertThat(changed.sessionId()).isNull();
		assertThat(changed.options().model()).isEqualTo("LinkAI-4o");
		assertThat(changed.options().temperature()).isEqualTo(0.3);
		assertThat(changed.providerOptions(TestOptions.class)).isEqualTo(new TestOptions("a"));
		assertThat(original.mutate().build()).isEqualTo(original);
	}

	@Test
	void providerOptionsAreFoundByTypeAndReplacedBySameType() {
		ChatRequest request = ChatRequest.builder()
			.user("你好")
			.providerOptions(new TestOptions("a"))
			.providerOptions(new TestOptions("b"))
			.build();

		assertThat(request.providerOptions(TestOptions.class)).isEqualTo(new TestOptions("b"));
		assertThat(request.providerOptions()).hasSize(1);
		assertThat(ChatRequest.of("你好").providerOptions(TestOptions.class)).isNull();
	}

	@Test
	void nullsAreRefusedWhereAValueIsRequired() {
		assertThatNullPointerException().isThrownBy(() -> ChatRequest.builder().message(null));
		assertThatNullPointerException().isThrownBy(() -> ChatRequest.builder().messages(null));
		assertThatNullPointerException().isThrownBy(() -> ChatRequest.builder().providerOptions(null));
		assertThatNullPointerException().isThrownBy(() -> new ChatRequest(List.of(), null, null, java.util.Map.of()));
	}

	record TestOptions(String value) implements ProviderOptions {

		@Override
		public String provider() {
			return "test";
		}

	}

}
