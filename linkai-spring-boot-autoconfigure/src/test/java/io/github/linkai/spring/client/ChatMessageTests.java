package io.github.linkai.spring.client;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** Messages: roles, plain text and multimodal content. */
class ChatMessageTests {

	private static final String IMAGE = "https://cdn.link-ai.tech/doc/vision-model-config.jpg";

	@Test
	void factoriesSetTheRole() {
		assertThat(ChatMessage.system("你是客服").role()).isEqualTo(Role.SYSTEM);
		assertThat(ChatMessage.user("你好").role()).isEqualTo(Role.USER);
		assertThat(ChatMessage.assistant("你好!").role()).isEqualTo(Role.ASSISTANT);
	}

	@Test
	void rolesHaveTheDocumentedWireNames() {
		assertThat(Role.values()).extracting(Role::wireName).containsExactly("system", "user", "assistant", "tool");
	}

	@Test
	void textMessageIsPlainText() {
		ChatMessage message = ChatMessage.user("你好");

		assertThat(message.isPlainText()).isTrue();
		assertThat(message.hasImages()).isFalse();
		assertThat(message.text()).isEqualTo("你好");
		assertThat(message.parts()).containsExactly(ContentPart.text("你好"));
	}

	@Test
	void questionAboutAnImageIsATextPartThenAnImagePart() {
		ChatMessage message = ChatMessage.user("这张图是什么?", IMAGE);

		assertThat(message.role()).isEqualTo(Role.USER);
		assertThat(message.parts()).containsExactly(ContentPart.text("这张图是什么?"), ContentPart.image(IMAGE));
		assertThat(message.isPlainText()).isFalse();
		assertThat(message.hasImages()).isTrue();
		assertThat(message.text()).isEqualTo("这张图是什么?");
	}

	@Test
	void questionMayHoldSeveralImages() {
		ChatMessage message = ChatMessage.user("有什么不同?", IMAGE, "https://cdn.link-ai.tech/b.jpg");

		assertThat(message.parts()).hasSize(3)
			.element(2)
			.isEqualTo(ContentPart.image("https://cdn.link-ai.tech/b.jpg"));
	}

	@Test
	void textJoinsTheTextPartsAndSkipsImages() {
		ChatMessage message = new ChatMessage(Role.USER,
				List.of(ContentPart.text("第一张"), ContentPart.image(IMAGE), ContentPart.text("是什么?")));

		assertThat(message.text()).isEqualTo("第一张是什么?");
	}

	@Test
	void twoTextPartsAreNotPlainText() {
		ChatMessage message = new ChatMessage(Role.USER, List.of(ContentPart.text("你"), ContentPart.text("好")));

		assertThat(message.isPlainText()).isFalse();
		assertThat(message.hasImages()).isFalse();
	}

	@Test
	void partsCannotBeChangedAfterward() {
		List<ContentPart> parts = new ArrayList<>(List.of(ContentPart.text("你好")));
		ChatMessage message = new ChatMessage(Role.USER, parts);

		parts.add(ContentPart.image(IMAGE));

		assertThat(message.parts()).hasSize(1);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> message.parts().add(ContentPart.image(IMAGE)));
	}

	@Test
	void nullsAreRefused() {
		assertThatNullPointerException().isThrownBy(() -> new ChatMessage(null, List.of()));
		assertThatNullPointerException().isThrownBy(() -> new ChatMessage(Role.USER, null));
		assertThatNullPointerException().isThrownBy(() -> ChatMessage.user(null));
		assertThatNullPointerException().isThrownBy(() -> ChatMessage.user("你好", (String) null));
	}

}
