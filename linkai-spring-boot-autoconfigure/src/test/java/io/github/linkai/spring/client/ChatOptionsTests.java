package io.github.linkai.spring.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Generation options and how a request's own values merge over a client's defaults. */
class ChatOptionsTests {

	private static final ChatOptions DEFAULTS = new ChatOptions("LinkAI-4o-mini", 0.7, 1.0, 512);

	@Test
	void noneHasNothingSet() {
		assertThat(ChatOptions.none()).isEqualTo(new ChatOptions(null, null, null, null));
	}

	@Test
	void unsetFieldsAreTakenFromTheDefaults() {
		assertThat(ChatOptions.none().orElse(DEFAULTS)).isEqualTo(DEFAULTS);
	}

	@Test
	void ownValuesWinFieldByField() {
		ChatOptions own = new ChatOptions("qwen-plus", 0.2, null, null);

		assertThat(own.orElse(DEFAULTS)).isEqualTo(new ChatOptions("qwen-plus", 0.2, 1.0, 512));
	}

	@Test
	void ownValuesAreKeptWhenTheDefaultsSetNothing() {
		ChatOptions own = new ChatOptions("qwen-plus", 0.2, null, null);

		assertThat(own.orElse(ChatOptions.none())).isSameAs(own);
		assertThat(own.orElse(new ChatOptions(null, null, null, null))).isEqualTo(own);
	}

	@Test
	void mergingWithItselfChangesNothing() {
		assertThat(DEFAULTS.orElse(DEFAULTS)).isSameAs(DEFAULTS);
	}

}
