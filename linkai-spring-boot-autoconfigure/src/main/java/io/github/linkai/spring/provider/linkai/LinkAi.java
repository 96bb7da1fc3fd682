package io.github.linkai.spring.provider.linkai;

import java.util.Objects;
import java.util.Set;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.http.ChatClientFactory;
import io.github.linkai.spring.client.spi.ChatOption;

/** Creates LinkAI clients. */
public final class LinkAi {

	/** The provider name. */
	public static final String PROVIDER = LinkAiMapping.PROVIDER;

	/** The options LinkAI's chat and memory chat have a field for. */
	public static final Set<ChatOption> SUPPORTED_OPTIONS = LinkAiMapping.OPTIONS;

	/** LinkAI's API host. */
	public static final String DEFAULT_BASE_URL = "https://api.link-ai.tech";

	private LinkAi() {
	}

	/** A plain chat client ({@code /v1/chat/completions}). */
	public static ChatClient chatClient(String name, LinkAiCredentials credentials, String baseUrl,
			ChatOptions defaults, ChatClientFactory factory) {
		return factory.create(name, new LinkAiChatMapping(credentials.apiKey(), normalize(baseUrl)),
				withKeyAppCode(defaults, credentials));
	}

	/** A memory chat client ({@code /v1/chat/memory/completions}). */
	public static MemoryChatClient memoryChatClient(String name, LinkAiCredentials credentials, String baseUrl,
			ChatOptions defaults, ChatClientFactory factory) {
		return new LinkAiMemoryChatClient(factory.create(name,
				new LinkAiMemoryMapping(credentials.apiKey(), normalize(baseUrl)), withKeyAppCode(defaults, credentials)));
	}

	private static ChatOptions withKeyAppCode(ChatOptions defaults, LinkAiCredentials credentials) {
		if (defaults.appCode() != null || credentials.appCode() == null) {
			return defaults;
		}
		return defaults.orElse(new ChatOptions(null, credentials.appCode(), null, null, null, null, null, null, null));
	}

	/** Accepts the OpenAI-style base URL ({@code .../v1}) too: the paths already start with {@code /v1}. */
	static String normalize(String baseUrl) {
		String url = Objects.requireNonNull(baseUrl, "baseUrl must not be null").strip();
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		return url.endsWith("/v1") ? url.substring(0, url.length() - 3) : url;
	}

}
