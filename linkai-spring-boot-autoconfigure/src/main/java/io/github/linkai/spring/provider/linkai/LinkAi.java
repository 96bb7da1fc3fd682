package io.github.linkai.spring.provider.linkai;

import java.util.Objects;
import java.util.Set;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.client.spi.ChatOption;

/**
 * Creates LinkAI clients: chat ({@code /v1/chat/completions}) and memory chat
 * ({@code /v1/chat/memory/completions}).
 *
 * <pre>{@code
 * ChatClient chat = LinkAi.chatClient(LinkAiSettings.of(apiKey), factory);
 * }</pre>
 *
 * <p>
 * The key is sent exactly as given, {@code Authorization: Bearer <key>}: a key is never
 * split, and no part of it goes anywhere else. (LinkAI's OpenAI-compatible form
 * {@code key-appcode} is read by LinkAI's server from the header; the native way to bind
 * an app is {@link LinkAiOptions#appCode()}.)
 */
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
	public static ChatClient chatClient(LinkAiSettings settings, ChatClientFactory factory) {
		return factory
			.chatClient(new LinkAiChatMapping(settings.apiKey(), normalize(settings.baseUrl()), settings.defaults()));
	}

	/** A memory chat client ({@code /v1/chat/memory/completions}). */
	public static MemoryChatClient memoryChatClient(LinkAiSettings settings, ChatClientFactory factory) {
		return factory.memoryChatClient(
				new LinkAiMemoryMapping(settings.apiKey(), normalize(settings.baseUrl()), settings.defaults()));
	}

	/**
	 * Accepts the OpenAI-style base URL ({@code .../v1}) too: the paths already start
	 * with {@code /v1}.
	 */
	static String normalize(String baseUrl) {
		String url = Objects.requireNonNull(baseUrl, "baseUrl must not be null").strip();
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		return url.endsWith("/v1") ? url.substring(0, url.length() - 3) : url;
	}

}
