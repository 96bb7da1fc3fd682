package io.github.linkai.spring.provider.lingma;

import java.util.List;
import java.util.Set;

import io.github.linkai.spring.client.http.ChatClientFactory;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ChatProvider;
import io.github.linkai.spring.client.spi.ProviderClients;
import io.github.linkai.spring.client.spi.ProviderConfigurationException;

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
	public ProviderClients create(String credential, String baseUrl, LingmaProperties settings,
			ChatClientFactory factory) {
		String organizationId = settings.getOrganizationId();
		if (organizationId == null || organizationId.isBlank()) {
			throw new ProviderConfigurationException("lingma.organization-id", organizationId,
					"A lingma client needs the Yunxiao organization id");
		}
		try {
			LingmaSettings.checkedOrganizationId(organizationId.strip());
		}
		catch (IllegalArgumentException ex) {
			boolean printable = organizationId.chars().noneMatch(Character::isISOControl);
			throw new ProviderConfigurationException("lingma.organization-id", printable ? organizationId : null,
					String.valueOf(ex.getMessage()));
		}
		LingmaOptions defaults;
		try {
			defaults = new LingmaOptions(settings.getKbIds().isEmpty() ? null : settings.getKbIds(),
					settings.getTeamDocs(), settings.getSeed(), settings.getTopK());
		}
		catch (IllegalArgumentException ex) {
			throw new ProviderConfigurationException("lingma.kb-ids", settings.getKbIds(),
					String.valueOf(ex.getMessage()));
		}
		return ProviderClients
			.of(Lingma.chatClient(new LingmaSettings(credential, baseUrl, organizationId, defaults), factory));
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
