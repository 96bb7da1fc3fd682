package io.github.linkai.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.spi.ChatOption;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * One client as configured, with inheritance from the top level resolved.
 *
 * @param name the client's name ({@code default} for the top level)
 * @param prefix the property prefix it was configured under, for error messages
 * @param provider the provider
 * @param properties its settings, inherited values filled in
 * @param own a named client's own settings, before inheritance ({@code null} for the top-level client)
 */
record ClientDefinition(String name, String prefix, LinkAiProvider provider, LinkAiClientProperties properties,
		@Nullable LinkAiClientProperties own) {

	/** Names a named client cannot have: the default client's, and the one whose bean names are the default's. */
	private static final Set<String> RESERVED_NAMES = Set.of(ChatClientRegistry.DEFAULT_NAME, "linkAi");

	/** The default options of the client's calls. */
	ChatOptions defaults() {
		return defaults(this.properties);
	}

	private static ChatOptions defaults(LinkAiClientProperties p) {
		return new ChatOptions(unsetIfBlank(p.getModel()), unsetIfBlank(p.getAppCode()), p.getTemperature(), p.getTopP(),
				p.getFrequencyPenalty(), p.getPresencePenalty(), p.getMaxTokens(), p.getSeed(), p.getTopK());
	}

	/** {@code linkai.app-code=${APP_CODE:}} means "no app", as an empty app_code does in LinkAI's examples. */
	private static @Nullable String unsetIfBlank(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/** The property name of one of this client's settings, e.g. {@code linkai.clients.eng.lingma.organization-id}. */
	String property(String relativeName) {
		return this.prefix + "." + relativeName;
	}

	/**
	 * Fails if this named client sets, itself, an option its provider has no field for: such a value would never
	 * be sent. Inherited top-level values are shared defaults and are dropped where they do not apply.
	 */
	void checkOwnOptions(Set<ChatOption> supported) {
		if (this.own == null) {
			return;
		}
		for (ChatOption option : ChatOption.values()) {
			Object value = option.valueIn(defaults(this.own));
			if (value != null && !supported.contains(option)) {
				throw new InvalidConfigurationPropertyValueException(optionProperty(option), value,
						"A " + this.provider.id() + " client has no " + option.fieldName() + " to send; remove it");
			}
		}
	}

	/** The property that set this client's default for {@code option}: its own, or the top level's it inherited. */
	String optionProperty(ChatOption option) {
		String relativeName = option.fieldName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
		boolean inherited = this.own != null && option.valueIn(defaults(this.own)) == null;
		return inherited ? "linkai." + relativeName : property(relativeName);
	}

	/** Every client the properties define: the top-level one when it has a key, then the named ones. */
	static List<ClientDefinition> all(LinkAiProperties properties) {
		List<ClientDefinition> definitions = new ArrayList<>();
		LinkAiProvider topProvider = providerOf(properties);
		if (properties.getApiKey() != null) {
			definitions.add(new ClientDefinition(ChatClientRegistry.DEFAULT_NAME, "linkai", topProvider, properties, null));
		}
		for (Map.Entry<String, LinkAiClientProperties> entry : properties.getClients().entrySet()) {
			if (RESERVED_NAMES.contains(entry.getKey())) {
				throw new InvalidConfigurationPropertyValueException("linkai.clients." + entry.getKey(), null,
						"'" + entry.getKey() + "' is taken by the top-level client (linkai.*) and its beans; choose "
								+ "another name");
			}
			LinkAiClientProperties own = entry.getValue();
			LinkAiProvider provider = (own.getProvider() != null) ? own.getProvider() : topProvider;
			definitions.add(new ClientDefinition(entry.getKey(), "linkai.clients." + entry.getKey(), provider,
					inherit(own, properties, provider == topProvider), own));
		}
		return definitions;
	}

	static LinkAiProvider providerOf(LinkAiClientProperties properties) {
		return (properties.getProvider() != null) ? properties.getProvider() : LinkAiProvider.LINKAI;
	}

	/**
	 * The named client's settings over the top level's. Credentials, base URL, app code and model only come
	 * from a top level of the same provider: they mean nothing elsewhere, and a key must never reach another
	 * provider's server.
	 */
	private static LinkAiClientProperties inherit(LinkAiClientProperties own, LinkAiClientProperties top,
			boolean sameProvider) {
		LinkAiClientProperties merged = new LinkAiClientProperties();
		merged.setProvider(own.getProvider());
		if (sameProvider) {
			merged.setApiKey(or(own, top, LinkAiClientProperties::getApiKey));
			merged.setBaseUrl(or(own, top, LinkAiClientProperties::getBaseUrl));
			merged.setAppCode(or(own, top, LinkAiClientProperties::getAppCode));
			merged.setModel(or(own, top, LinkAiClientProperties::getModel));
		}
		else {
			merged.setApiKey(own.getApiKey());
			merged.setBaseUrl(own.getBaseUrl());
			merged.setAppCode(own.getAppCode());
			merged.setModel(own.getModel());
		}
		merged.setTemperature(or(own, top, LinkAiClientProperties::getTemperature));
		merged.setTopP(or(own, top, LinkAiClientProperties::getTopP));
		merged.setFrequencyPenalty(or(own, top, LinkAiClientProperties::getFrequencyPenalty));
		merged.setPresencePenalty(or(own, top, LinkAiClientProperties::getPresencePenalty));
		merged.setMaxTokens(or(own, top, LinkAiClientProperties::getMaxTokens));
		merged.setSeed(or(own, top, LinkAiClientProperties::getSeed));
		merged.setTopK(or(own, top, LinkAiClientProperties::getTopK));
		merged.setConnectTimeout(or(own, top, LinkAiClientProperties::getConnectTimeout));
		merged.setReadTimeout(or(own, top, LinkAiClientProperties::getReadTimeout));
		merged.setRedirects(or(own, top, LinkAiClientProperties::getRedirects));
		merged.setCookieHandling(or(own, top, LinkAiClientProperties::getCookieHandling));
		merged.getSsl().setBundle(or(own, top, (p) -> p.getSsl().getBundle()));
		inheritLingma(merged.getLingma(), own.getLingma(), top.getLingma());
		inheritJijyun(merged.getJijyun(), own.getJijyun(), top.getJijyun());
		LinkAiClientProperties.Pool pool = merged.getPool();
		pool.setMaxConnections(or(own, top, (p) -> p.getPool().getMaxConnections()));
		pool.setPendingAcquireTimeout(or(own, top, (p) -> p.getPool().getPendingAcquireTimeout()));
		pool.setMaxIdleTime(or(own, top, (p) -> p.getPool().getMaxIdleTime()));
		return merged;
	}

	private static void inheritLingma(LinkAiClientProperties.Lingma merged, LinkAiClientProperties.Lingma own,
			LinkAiClientProperties.Lingma top) {
		merged.setOrganizationId(or(own, top, LinkAiClientProperties.Lingma::getOrganizationId));
		merged.setTeamDocs(or(own, top, LinkAiClientProperties.Lingma::getTeamDocs));
		merged.setKbIds(own.getKbIds().isEmpty() ? top.getKbIds() : own.getKbIds());
	}

	private static void inheritJijyun(LinkAiClientProperties.Jijyun merged, LinkAiClientProperties.Jijyun own,
			LinkAiClientProperties.Jijyun top) {
		merged.setIbotId(or(own, top, LinkAiClientProperties.Jijyun::getIbotId));
		merged.setKnowledge(or(own, top, LinkAiClientProperties.Jijyun::getKnowledge));
		merged.setSearch(or(own, top, LinkAiClientProperties.Jijyun::getSearch));
		merged.setTools(own.getTools().isEmpty() ? top.getTools() : own.getTools());
		merged.setIntention(own.getIntention().isEmpty() ? top.getIntention() : own.getIntention());
		merged.setSystem(or(own, top, LinkAiClientProperties.Jijyun::getSystem));
		merged.setReturnFormat(or(own, top, LinkAiClientProperties.Jijyun::getReturnFormat));
		merged.setHandlerType(or(own, top, LinkAiClientProperties.Jijyun::getHandlerType));
		merged.setFixContent(or(own, top, LinkAiClientProperties.Jijyun::getFixContent));
	}

	private static <S, T> @Nullable T or(S own, S top, Function<S, @Nullable T> getter) {
		T value = getter.apply(own);
		return (value != null) ? value : getter.apply(top);
	}

}
