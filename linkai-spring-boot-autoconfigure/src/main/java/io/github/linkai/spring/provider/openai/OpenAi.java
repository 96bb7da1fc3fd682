package io.github.linkai.spring.provider.openai;

import java.util.Objects;
import java.util.Set;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.Validation;

/**
 * Creates clients for any endpoint that speaks OpenAI's chat completions ({@code POST
 * {base-url}/chat/completions}): DeepSeek ({@code https://api.deepseek.com/v1}), Moonshot
 * ({@code https://api.moonshot.cn/v1}), DashScope
 * ({@code https://dashscope.aliyuncs.com/compatible-mode/v1}), Zhipu
 * ({@code https://open.bigmodel.cn/api/paas/v4}), vLLM ({@code http://localhost:8000/v1})
 * and the like. Such an endpoint has no default model: the client's defaults or each
 * request must name one.
 *
 * <pre>{@code
 * ChatClient deepseek = OpenAi.chatClient(OpenAiSettings.of(apiKey, "https://api.deepseek.com/v1"),
 *         new HttpChatClientFactory(connector,
 *                 ClientSettings.builder("deepseek").defaults(new ChatOptions("deepseek-chat", null, null, null)).build()));
 * }</pre>
 */
public final class OpenAi {

	/** The provider name. */
	public static final String PROVIDER = "openai";

	/** The options chat completions has a field for: all the neutral ones. */
	public static final Set<ChatOption> SUPPORTED_OPTIONS = OpenAiMapping.OPTIONS;

	private OpenAi() {
	}

	/**
	 * A chat completions client.
	 * @param settings the key, base URL and default options
	 * @param factory builds the client on the shared exchange, with its name and default
	 * neutral options
	 * @throws io.github.linkai.spring.client.error.ChatRequestValidationException if a
	 * default lies outside its documented range or an extra body field replaces one the
	 * library sets
	 */
	public static ChatClient chatClient(OpenAiSettings settings, ChatClientFactory factory) {
		Objects.requireNonNull(settings, "settings must not be null");
		Objects.requireNonNull(factory, "factory must not be null");
		OpenAiMapping.validate(settings.defaults(), new Validation(PROVIDER, factory.clientName()));
		return factory.chatClient(new OpenAiMapping(settings, factory.defaults().model() != null));
	}

}
