package io.github.linkai.spring.client.fallback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.linkai.spring.client.ProviderOptions;
import org.jspecify.annotations.Nullable;

/**
 * The models a request asks of the clients of a fallback chain other than the first
 * (whose model is the request's own): without one, a client of the chain answers with its
 * own configured model. Only a {@link FallbackChatClient} reads them; a client without a
 * chain rejects a request carrying them, as it does another provider's options.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *         .user("...")
 *         .providerOptions(FallbackOptions.model("deepseek", "deepseek-reasoner"))
 *         .build();
 * }</pre>
 *
 * @param models the model by client name
 */
public record FallbackOptions(Map<String, String> models) implements ProviderOptions {

	/** What {@link #provider()} names: no provider. */
	public static final String PROVIDER = "fallback";

	public FallbackOptions {
		models = Map.copyOf(models);
	}

	/** Options asking {@code model} of the client named {@code clientName}. */
	public static FallbackOptions model(String clientName, String model) {
		return new FallbackOptions(Map.of(clientName, model));
	}

	/**
	 * These options, also asking {@code model} of the client named {@code clientName}.
	 */
	public FallbackOptions and(String clientName, String model) {
		Map<String, String> models = new LinkedHashMap<>(this.models);
		models.put(Objects.requireNonNull(clientName, "clientName must not be null"),
				Objects.requireNonNull(model, "model must not be null"));
		return new FallbackOptions(models);
	}

	/** The model asked of that client, or {@code null}. */
	public @Nullable String modelFor(String clientName) {
		return this.models.get(clientName);
	}

	@Override
	public String provider() {
		return PROVIDER;
	}

}
