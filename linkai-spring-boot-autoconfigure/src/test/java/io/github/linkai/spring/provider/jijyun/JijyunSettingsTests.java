package io.github.linkai.spring.provider.jijyun;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Jijyun's client settings and factory. */
class JijyunSettingsTests {

	private static final String API_KEY = "jjy-secret-987654";

	@Test
	void printNoKey() {
		JijyunSettings settings = new JijyunSettings(API_KEY, Jijyun.DEFAULT_BASE_URL, JijyunOptions.none());
		assertThat(settings.toString()).doesNotContain(API_KEY).contains("apiKey=******", "https://chat.jijyun.cn");
	}

	@Test
	void nameAMissingApiKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JijyunSettings(null, Jijyun.DEFAULT_BASE_URL, JijyunOptions.none()))
			.withMessage("Jijyun apiKey must be set");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JijyunSettings("  ", Jijyun.DEFAULT_BASE_URL, JijyunOptions.none()))
			.withMessage("Jijyun apiKey must be set");
	}

	@Test
	void nameAMissingBaseUrl() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JijyunSettings(API_KEY, "", JijyunOptions.none()))
			.withMessage("Jijyun baseUrl must be set");
	}

	@Test
	void nameMissingDefaults() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JijyunSettings(API_KEY, Jijyun.DEFAULT_BASE_URL, null))
			.withMessageContaining("defaults");
	}

	@Test
	void trimTheKeyAndTheBaseUrlsTrailingSlashes() {
		JijyunSettings settings = new JijyunSettings(" " + API_KEY + "\n", "https://chat.jijyun.cn//",
				JijyunOptions.none());
		assertThat(settings.apiKey()).isEqualTo(API_KEY);
		assertThat(settings.baseUrl()).isEqualTo("https://chat.jijyun.cn");
	}

	@Test
	void makeAClientNamedForJijyun() {
		ChatClient client = Jijyun.chatClient(
				new JijyunSettings(API_KEY, Jijyun.DEFAULT_BASE_URL, JijyunOptions.none()),
				new HttpChatClientFactory(new ReactorClientHttpConnector(), ClientSettings.of("support")));
		assertThat(client.name()).isEqualTo("support");
		assertThat(client.provider()).isEqualTo(Jijyun.PROVIDER);
		assertThat(client.toString()).doesNotContain(API_KEY);
	}

	@Test
	void rejectAClientWhoseDefaultsSetBothModelAndChatMode() {
		JijyunSettings settings = new JijyunSettings(API_KEY, Jijyun.DEFAULT_BASE_URL,
				JijyunOptions.builder().chatMode("mode").build());
		ChatOptions defaults = new ChatOptions("model", null, null, null);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Jijyun.chatClient(settings,
					new HttpChatClientFactory(new ReactorClientHttpConnector(),
							ClientSettings.builder("support").defaults(defaults).build())))
			.withMessageContaining("'support'")
			.withMessageContaining("model")
			.withMessageContaining("chatMode");
	}

}
