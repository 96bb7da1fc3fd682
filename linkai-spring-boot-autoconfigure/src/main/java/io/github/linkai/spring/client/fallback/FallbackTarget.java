package io.github.linkai.spring.client.fallback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ProviderOptions;
import io.github.linkai.spring.client.spi.ChatOption;

/**
 * One client of a fallback chain, with the neutral options its provider has fields for.
 *
 * @param client the client
 * @param supportedOptions the neutral options its provider sends
 */
public record FallbackTarget(ChatClient client, Set<ChatOption> supportedOptions) {

	public FallbackTarget {
		Objects.requireNonNull(client, "client must not be null");
		supportedOptions = Set.copyOf(supportedOptions);
	}

	/** The client's name. */
	public String name() {
		return this.client.name();
	}

	/**
	 * The request as the first client of the chain gets it: as it was built, without the
	 * provider options of other providers.
	 */
	ChatRequest forFirst(ChatRequest request) {
		return withOptions(request, request.options());
	}

	/**
	 * The request as a later client of the chain gets it: the neutral options its
	 * provider sends, the model {@link FallbackOptions} asks of it (else none, so its own
	 * configured model applies), and its own provider's options only.
	 */
	ChatRequest forFallback(ChatRequest request) {
		FallbackOptions fallback = request.providerOptions(FallbackOptions.class);
		String model = (fallback != null) ? fallback.modelFor(name()) : null;
		ChatOptions options = request.options();
		return withOptions(request,
				ChatOption.retain(new ChatOptions(model, options.temperature(), options.topP(), options.maxTokens()),
						this.supportedOptions));
	}

	private ChatRequest withOptions(ChatRequest request, ChatOptions options) {
		Map<Class<? extends ProviderOptions>, ProviderOptions> own = new LinkedHashMap<>();
		request.providerOptions().forEach((type, value) -> {
			if (value.provider().equals(this.client.provider())) {
				own.put(type, value);
			}
		});
		if (own.size() == request.providerOptions().size()) {
			return options.equals(request.options()) ? request : request.mutate().options(options).build();
		}
		return new ChatRequest(request.messages(), options, request.sessionId(), own);
	}

}
