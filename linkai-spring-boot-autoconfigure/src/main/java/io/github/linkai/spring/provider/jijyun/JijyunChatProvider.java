package io.github.linkai.spring.provider.jijyun;

import java.util.List;
import java.util.Set;

import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ChatProvider;
import io.github.linkai.spring.client.spi.ProviderClients;
import io.github.linkai.spring.client.spi.SettingProblems;
import io.github.linkai.spring.client.spi.Validation;

/**
 * Jijyun (语聚AI) as a provider of configured clients, its settings under {@code jijyun.*}.
 */
public final class JijyunChatProvider implements ChatProvider<JijyunProperties> {

	@Override
	public String id() {
		return Jijyun.PROVIDER;
	}

	@Override
	public String defaultBaseUrl() {
		return Jijyun.DEFAULT_BASE_URL;
	}

	@Override
	public Set<ChatOption> supportedOptions() {
		return Jijyun.SUPPORTED_OPTIONS;
	}

	@Override
	public JijyunProperties newSettings() {
		return new JijyunProperties();
	}

	@Override
	public void validate(JijyunProperties settings, ChatOptions defaults, SettingProblems problems) {
		JijyunMapping.validateRanges(defaults, Validation.ofSettings(problems, ""));
	}

	@Override
	public ProviderClients create(String credential, String baseUrl, JijyunProperties settings,
			ChatClientFactory factory) {
		return ProviderClients
			.of(Jijyun.chatClient(new JijyunSettings(credential, baseUrl, settings.toOptions()), factory));
	}

	@Override
	public String describe(JijyunProperties settings) {
		return (settings.getIbotId() != null) ? "assistant " + settings.getIbotId() : "";
	}

	@Override
	public List<Class<?>> wireTypes() {
		return List.of(JijyunWire.ChatBody.class, JijyunWire.Reply.class);
	}

}
