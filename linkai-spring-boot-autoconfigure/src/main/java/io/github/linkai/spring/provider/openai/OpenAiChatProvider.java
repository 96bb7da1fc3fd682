package io.github.linkai.spring.provider.openai;

import java.util.List;
import java.util.Set;

import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ChatProvider;
import io.github.linkai.spring.client.spi.ProviderClients;
import io.github.linkai.spring.client.spi.SettingProblems;
import io.github.linkai.spring.client.spi.Validation;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI-compatible endpoints as a provider of configured clients, their settings under
 * {@code openai.*}. The base URL and the model have no default: a client must set both.
 */
public final class OpenAiChatProvider implements ChatProvider<OpenAiProperties> {

	@Override
	public String id() {
		return OpenAi.PROVIDER;
	}

	@Override
	public @Nullable String defaultBaseUrl() {
		return null;
	}

	@Override
	public Set<ChatOption> supportedOptions() {
		return OpenAi.SUPPORTED_OPTIONS;
	}

	@Override
	public boolean requiresModel() {
		return true;
	}

	@Override
	public OpenAiProperties newSettings() {
		return new OpenAiProperties();
	}

	@Override
	public void validate(OpenAiProperties settings, ChatOptions defaults, SettingProblems problems) {
		OpenAiMapping.validateRanges(defaults, Validation.ofSettings(problems, ""));
		OpenAiMapping.validate(settings.toOptions(), Validation.ofSettings(problems, id()));
	}

	@Override
	public ProviderClients create(String credential, String baseUrl, OpenAiProperties settings,
			ChatClientFactory factory) {
		return ProviderClients
			.of(OpenAi.chatClient(new OpenAiSettings(credential, baseUrl, settings.toOptions()), factory));
	}

	/**
	 * The extra body fields a client sends besides the mapped ones, if any: the rest is
	 * in the properties.
	 */
	@Override
	public String describe(OpenAiProperties settings) {
		return settings.getExtraBody().isEmpty() ? "" : "extra body fields " + settings.getExtraBody().keySet();
	}

	@Override
	public List<Class<?>> wireTypes() {
		// Part and NamedToolChoice too: content and tool_choice are Objects, which the
		// records' component types do not lead to
		return List.of(OpenAiWire.ChatBody.class, OpenAiWire.Part.class, OpenAiWire.NamedToolChoice.class,
				OpenAiWire.Reply.class);
	}

}
