package io.github.linkai.spring.provider.linkai;

import java.util.List;
import java.util.Set;

import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ChatProvider;
import io.github.linkai.spring.client.spi.ProviderClients;
import io.github.linkai.spring.client.spi.SettingProblems;
import io.github.linkai.spring.client.spi.Validation;
import io.github.linkai.spring.provider.openai.OpenAiWire;

/**
 * LinkAI as a provider of configured clients: chat and memory chat, settings at the
 * client's own prefix.
 */
public final class LinkAiChatProvider implements ChatProvider<LinkAiProviderProperties> {

	@Override
	public String id() {
		return LinkAi.PROVIDER;
	}

	@Override
	public String defaultBaseUrl() {
		return LinkAi.DEFAULT_BASE_URL;
	}

	@Override
	public Set<ChatOption> supportedOptions() {
		return LinkAi.SUPPORTED_OPTIONS;
	}

	@Override
	public boolean hasMemoryChat() {
		return true;
	}

	@Override
	public LinkAiProviderProperties newSettings() {
		return new LinkAiProviderProperties();
	}

	@Override
	public String settingsPrefix() {
		return "";
	}

	@Override
	public void validate(LinkAiProviderProperties settings, ChatOptions defaults, SettingProblems problems) {
		Validation validation = Validation.ofSettings(problems, "");
		LinkAiMapping.validateRanges(defaults, validation);
		LinkAiMapping.validate(settings.toOptions(), validation);
	}

	@Override
	public ProviderClients create(String credential, String baseUrl, LinkAiProviderProperties settings,
			ChatClientFactory factory) {
		LinkAiSettings linkAi = new LinkAiSettings(credential, baseUrl, settings.toOptions());
		return new ProviderClients(LinkAi.chatClient(linkAi, factory), LinkAi.memoryChatClient(linkAi, factory));
	}

	@Override
	public String describe(LinkAiProviderProperties settings) {
		String appCode = settings.toOptions().appCode();
		return (appCode != null) ? "app code " + appCode : "no app code";
	}

	/**
	 * A key in LinkAI's {@code key-appcode} form (how OpenAI SDKs bind an app) that names
	 * another app than {@code app-code}: the request carries both, and LinkAI's documents
	 * do not say which the server applies.
	 */
	@Override
	public List<String> warnings(String credential, LinkAiProviderProperties settings) {
		String appCode = settings.toOptions().appCode();
		int dash = credential.lastIndexOf('-');
		if (appCode == null || dash < 0 || dash == credential.length() - 1
				|| credential.substring(dash + 1).equals(appCode)) {
			return List.of();
		}
		return List.of("its API key looks like LinkAI's key-appcode form (a key with an app code appended) and "
				+ "names another app than app-code " + appCode + ". The request sends both, app_code " + appCode
				+ " in the body; LinkAI's documents do not say which the server applies: keep only one of them");
	}

	@Override
	public List<Class<?>> wireTypes() {
		// Part (and its ImageUrl) too: a message's content is an Object, a string or a
		// list of parts, so the
		// records' component types do not lead to it.
		// NamedToolChoice likewise: tool_choice is an Object too.
		return List.of(LinkAiWire.ChatBody.class, LinkAiWire.MemoryBody.class, OpenAiWire.Part.class,
				OpenAiWire.NamedToolChoice.class, OpenAiWire.Reply.class);
	}

}
