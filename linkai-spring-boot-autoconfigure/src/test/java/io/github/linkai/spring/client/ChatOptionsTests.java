package io.github.linkai.spring.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Generation options and how a request's own values merge over a client's defaults. */
class ChatOptionsTests {

	private static final ChatOptions DEFAULTS = new ChatOptions("LinkAI-4o-mini", "G7z6vKwp", 0.7, 1.0, 0.0, 0.0, 512,
			1234, 1024);

	@Test
	void noneHasNothingSet() {
		assertThat(ChatOptions.none())
			.isEqualTo(new ChatOptions(null, null, null, null, null, null, null, null, null));
	}

	@Test
	void unsetFieldsAreTakenFromTheDefaults() {
		assertThat(ChatOptions.none().orElse(DEFAULTS)).isEqualTo(DEFAULTS);
	}

	@Test
	void ownValuesWinFieldByField() {
		ChatOptions own = new ChatOptions("qwen-plus", null, 0.2, null, null, -1.0, null, 7, null);

		assertThat(own.orElse(DEFAULTS))
			.isEqualTo(new ChatOptions("qwen-plus", "G7z6vKwp", 0.2, 1.0, 0.0, -1.0, 512, 7, 1024));
	}

	@Test
	void ownValuesAreKeptWhenTheDefaultsSetNothing() {
		ChatOptions own = new ChatOptions("qwen-plus", null, 0.2, null, null, null, null, null, null);

		assertThat(own.orElse(ChatOptions.none())).isSameAs(own);
		assertThat(own.orElse(new ChatOptions(null, null, null, null, null, null, null, null, null)))
			.isEqualTo(own);
	}

	@Test
	void mergingWithItselfChangesNothing() {
		assertThat(DEFAULTS.orElse(DEFAULTS)).isSameAs(DEFAULTS);
	}

}
