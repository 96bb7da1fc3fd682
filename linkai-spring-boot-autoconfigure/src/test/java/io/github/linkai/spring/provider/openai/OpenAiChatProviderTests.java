package io.github.linkai.spring.provider.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ChatProvider;
import io.github.linkai.spring.client.spi.ChatProviders;
import io.github.linkai.spring.client.spi.ProviderClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.API_KEY;
import static io.github.linkai.spring.provider.openai.OpenAiTestSupport.factory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link OpenAiChatProvider}: what the glue asks of it, settings turned into defaults,
 * and defaults that break a rule failing at creation naming the setting.
 */
class OpenAiChatProviderTests {

	private static final String BASE_URL = "https://api.deepseek.com/v1";

	private final OpenAiChatProvider provider = new OpenAiChatProvider();

	@Test
	void isRegisteredAndNeedsABaseUrlAndAModel() {
		ChatProvider<?> registered = ChatProviders.load(getClass().getClassLoader()).find("openai");

		assertThat(registered).isInstanceOf(OpenAiChatProvider.class);
		assertThat(ServiceLoader.load(ChatProvider.class).stream().map(ServiceLoader.Provider::type))
			.contains(OpenAiChatProvider.class);
		assertThat(this.provider.id()).isEqualTo("openai");
		assertThat(this.provider.defaultBaseUrl()).isNull();
		assertThat(this.provider.requiresModel()).isTrue();
		assertThat(this.provider.hasMemoryChat()).isFalse();
		assertThat(this.provider.settingsPrefix()).isEqualTo("openai");
		assertThat(this.provider.supportedOptions()).containsExactlyInAnyOrder(ChatOption.MODEL, ChatOption.TEMPERATURE,
				ChatOption.TOP_P, ChatOption.MAX_TOKENS);
		assertThat(this.provider.wireTypes()).contains(OpenAiWire.ChatBody.class, OpenAiWire.Reply.class);
	}

	@Test
	void newSettingsHaveTheirDefaultsInitialised() {
		OpenAiProperties settings = this.provider.newSettings();

		assertThat(settings.getStop()).isEmpty();
		assertThat(settings.getExtraBody()).isEmpty();
		assertThat(settings.toOptions()).isEqualTo(OpenAiOptions.none());
	}

	@Test
	void settingsBecomeTheClientsDefaults() {
		OpenAiProperties settings = new OpenAiProperties();
		settings.setFrequencyPenalty(0.5);
		settings.setPresencePenalty(-1.0);
		settings.setSeed(42);
		settings.setStop(List.of("END"));
		settings.setUser("  u-1 ");
		settings.getExtraBody().put("enable_search", "true");

		assertThat(settings.toOptions())
			.isEqualTo(new OpenAiOptions(0.5, -1.0, 42, List.of("END"), "u-1", Map.of("enable_search", "true")));
	}

	@Test
	void reasoningSettingsBecomeTheClientsDefaults() {
		OpenAiProperties settings = new OpenAiProperties();
		settings.setReasoningEffort(" high ");
		settings.setReplayReasoning(false);

		assertThat(settings.toOptions())
			.isEqualTo(OpenAiOptions.builder().reasoningEffort("high").replayReasoning(false).build());
		settings.setReasoningEffort(" ");
		assertThat(settings.toOptions().reasoningEffort()).isNull();
	}

	@Test
	void blankUserMeansNone() {
		OpenAiProperties settings = new OpenAiProperties();
		settings.setUser(" ");

		assertThat(settings.toOptions().user()).isNull();
	}

	@Test
	void createBuildsOneChatClientAndNoMemoryClient() {
		ProviderClients clients = this.provider.create(API_KEY, BASE_URL, new OpenAiProperties(),
				factory(new ChatOptions("deepseek-chat", null, null, null)));

		ChatClient chat = clients.chat();
		assertThat(chat.provider()).isEqualTo("openai");
		assertThat(chat.name()).isEqualTo("test");
		assertThat(clients.memory()).isNull();
		assertThat(chat.toString()).doesNotContain(API_KEY);
	}

	static Stream<Arguments> invalidSettings() {
		return Stream.of(Arguments.of("openai.frequency-penalty", 2.5, settings((s) -> s.setFrequencyPenalty(2.5))),
				Arguments.of("openai.presence-penalty", -3.0, settings((s) -> s.setPresencePenalty(-3.0))),
				Arguments.of("openai.stop", List.of("1", "2", "3", "4", "5"),
						settings((s) -> s.setStop(List.of("1", "2", "3", "4", "5")))),
				Arguments.of("openai.stop[1]", "", settings((s) -> s.setStop(List.of("END", "")))),
				Arguments.of("openai.extra-body[model]", "deepseek-reasoner",
						settings((s) -> s.getExtraBody().put("model", "deepseek-reasoner"))),
				Arguments.of("openai.extra-body[max_tokens]", "10",
						settings((s) -> s.getExtraBody().put("max_tokens", "10"))));
	}

	private static OpenAiProperties settings(java.util.function.Consumer<OpenAiProperties> change) {
		OpenAiProperties settings = new OpenAiProperties();
		change.accept(settings);
		return settings;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSettings")
	void validateWithADefaultThatBreaksARuleReportsTheSetting(String setting, Object value, OpenAiProperties settings) {
		List<String> reported = new ArrayList<>();
		assertThatIllegalArgumentException().isThrownBy(() -> this.provider.validate(settings,
				new ChatOptions("deepseek-chat", null, null, null), (name, shown, reason) -> {
					reported.add(name + "=" + shown);
					throw new IllegalArgumentException(reason);
				}));
		assertThat(reported).containsExactly(setting + "=" + value);
	}

	@Test
	void validateReportsANeutralDefaultOutOfRangeByItsProperty() {
		List<String> reported = new ArrayList<>();
		assertThatIllegalArgumentException().isThrownBy(() -> this.provider.validate(new OpenAiProperties(),
				new ChatOptions("deepseek-chat", 2.5, null, null), (name, shown, reason) -> {
					reported.add(name + "=" + shown + ": " + reason);
					throw new IllegalArgumentException(reason);
				}));
		assertThat(reported).containsExactly("temperature=2.5: Must be in [0, 2] but was 2.5");
	}

	@Test
	void createWithANeutralDefaultOutOfRangeFailsAsARequestWould() {
		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(() -> this.provider.create(API_KEY, BASE_URL, new OpenAiProperties(),
					factory(new ChatOptions("deepseek-chat", 2.5, null, null))))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("temperature"));
	}

	@Test
	void describeNamesTheExtraBodyFieldsButNoValue() {
		OpenAiProperties settings = new OpenAiProperties();
		assertThat(this.provider.describe(settings)).isEmpty();

		settings.getExtraBody().put("enable_search", "secret-ish-value");
		assertThat(this.provider.describe(settings)).contains("enable_search").doesNotContain("secret-ish-value");
	}

	@Test
	void settingsRecordMasksTheKeyAndChecksTheBaseUrl() {
		OpenAiSettings settings = OpenAiSettings.of(API_KEY, "http://localhost:8000/v1/");

		assertThat(settings.baseUrl()).isEqualTo("http://localhost:8000/v1");
		assertThat(settings.toString()).doesNotContain(API_KEY).contains("http://localhost:8000/v1");
		assertThatIllegalArgumentException().isThrownBy(() -> OpenAiSettings.of(" ", BASE_URL))
			.withMessageContaining("apiKey");
		assertThatIllegalArgumentException().isThrownBy(() -> OpenAiSettings.of(API_KEY, "api.deepseek.com/v1"))
			.withMessageContaining("baseUrl");
		assertThatIllegalArgumentException().isThrownBy(() -> OpenAiSettings.of(API_KEY, "ftp://example.com/v1"))
			.withMessageContaining("baseUrl");
	}

}
