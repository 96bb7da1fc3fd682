package io.github.linkai.spring.provider.lingma;

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
 * Yunxiao Lingma as a provider of configured clients, its settings under
 * {@code lingma.*}.
 */
public final class LingmaChatProvider implements ChatProvider<LingmaProperties> {

	@Override
	public String id() {
		return Lingma.PROVIDER;
	}

	@Override
	public String defaultBaseUrl() {
		return Lingma.DEFAULT_BASE_URL;
	}

	@Override
	public Set<ChatOption> supportedOptions() {
		return Lingma.SUPPORTED_OPTIONS;
	}

	@Override
	public LingmaProperties newSettings() {
		return new LingmaProperties();
	}

	@Override
	public void validate(LingmaProperties settings, ChatOptions defaults, SettingProblems problems) {
		String organizationId = settings.getOrganizationId();
		if (organizationId == null || organizationId.isBlank()) {
			problems.reject("lingma.organization-id", organizationId,
					"A lingma client needs the Yunxiao organization id");
		}
		else {
			String problem = LingmaSettings.organizationIdProblem(organizationId.strip());
			if (problem != null) {
				boolean printable = organizationId.chars().noneMatch(Character::isISOControl);
				problems.reject("lingma.organization-id", printable ? organizationId : null, problem);
			}
		}
		LingmaMapping.validateRanges(defaults, Validation.ofSettings(problems, ""));
	}

	@Override
	public ProviderClients create(String credential, String baseUrl, LingmaProperties settings,
			ChatClientFactory factory) {
		return ProviderClients.of(Lingma.chatClient(
				new LingmaSettings(credential, baseUrl, settings.getOrganizationId(), settings.toOptions()), factory));
	}

	@Override
	public String describe(LingmaProperties settings) {
		return "organization " + settings.getOrganizationId();
	}

	@Override
	public List<Class<?>> wireTypes() {
		return List.of(LingmaWire.ChatBody.class, LingmaWire.Reply.class);
	}

}
