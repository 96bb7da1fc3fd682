package io.github.linkai.spring.provider.lingma;

import java.util.Objects;
import java.util.Set;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.client.spi.ChatOption;

/**
 * Creates Alibaba Cloud Yunxiao Lingma clients ({@code ExecuteChat}). Lingma takes text
 * messages (a system message only first) and the options {@code temperature} [0, 1],
 * {@code topP} [0, 1] and {@code maxTokens} [1, 4096]; it has no model choice. Knowledge
 * bases, {@code seed} and {@code topK} are {@link LingmaOptions}.
 *
 * <pre>{@code
 * ChatClient lingma = Lingma.chatClient(
 *         new LingmaSettings(token, "https://openapi-rdc.aliyuncs.com", organizationId, LingmaOptions.useTeamDocs(true)),
 *         factory);
 * }</pre>
 */
public final class Lingma {

	/** The provider name. */
	public static final String PROVIDER = "lingma";

	/** The options ExecuteChat has a field for. */
	public static final Set<ChatOption> SUPPORTED_OPTIONS = LingmaMapping.OPTIONS;

	/** Yunxiao's central OpenAPI service domain. */
	public static final String DEFAULT_BASE_URL = "https://openapi-rdc.aliyuncs.com";

	private Lingma() {
	}

	/**
	 * An {@code ExecuteChat} client.
	 * @param settings the token, service domain, organization and knowledge base defaults
	 * @param factory builds the client on the shared exchange, with its name and default
	 * options (those Lingma has no field for are dropped)
	 * @throws io.github.linkai.spring.client.error.ChatRequestValidationException if a
	 * default lies outside its documented range
	 */
	public static ChatClient chatClient(LingmaSettings settings, ChatClientFactory factory) {
		Objects.requireNonNull(settings, "settings must not be null");
		return factory.chatClient(new LingmaMapping(settings));
	}

}
