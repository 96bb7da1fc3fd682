package io.github.linkai.spring.provider.openai;

import java.util.List;
import java.util.Set;

import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.http.ChatClientFactory;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ChatProvider;
import io.github.linkai.spring.client.spi.ProviderClients;
import io.github.linkai.spring.client.spi.ProviderConfigurationException;
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
	public ProviderClients create(String credential, String baseUrl, OpenAiProperties settings,
			ChatClientFactory factory) {
		OpenAiOptions defaults = settings.toOptions();
		OpenAiSettings openAi;
		try {
			openAi = new OpenAiSettings(credential, baseUrl, defaults);
		}
		catch (IllegalArgumentException ex) {
			throw new ProviderConfigurationException("base-url", baseUrl, String.valueOf(ex.getMessage()));
		}
		try {
			return ProviderClients.of(OpenAi.chatClient(openAi, factory));
		}
		catch (ChatRequestValidationException ex) {
			if (ChatOption.ofField(ex.field()) != null) {
				throw ex; // a neutral default: the glue names the property that set it
			}
			throw new ProviderConfigurationException(setting(ex.field()), value(ex.field(), defaults),
					String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * The property of an option's field, relative to the client: {@code extraBody.x} is
	 * {@code openai.extra-body[x]}.
	 */
	private String setting(String field) {
		String name = field.startsWith("extraBody.") ? "extraBody[" + field.substring("extraBody.".length()) + "]"
				: field;
		int bracket = name.indexOf('[');
		String head = (bracket >= 0) ? name.substring(0, bracket) : name;
		String tail = (bracket >= 0) ? name.substring(bracket) : "";
		return id() + "." + ProviderConfigurationException.settingName(head) + tail;
	}

	private static @Nullable Object value(String field, OpenAiOptions defaults) {
		if (field.startsWith("extraBody.") && defaults.extraBody() != null) {
			return defaults.extraBody().get(field.substring("extraBody.".length()));
		}
		if (field.startsWith("stop[") && defaults.stop() != null) {
			return defaults.stop().get(Integer.parseInt(field.substring(5, field.length() - 1)));
		}
		return switch (field) {
			case "frequencyPenalty" -> defaults.frequencyPenalty();
			case "presencePenalty" -> defaults.presencePenalty();
			case "stop" -> defaults.stop();
			case "user" -> defaults.user();
			default -> null;
		};
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
		return List.of(OpenAiWire.ChatBody.class, OpenAiWire.Part.class, OpenAiWire.Reply.class);
	}

}
