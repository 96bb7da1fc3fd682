package io.github.linkai.spring.client;

/**
 * Options only one provider understands (Lingma's knowledge bases, Jijyun's assistant
 * id...), attached to a {@link ChatRequest} with
 * {@link ChatRequest.Builder#providerOptions(ProviderOptions)}. Each provider reads its
 * own type and rejects a request carrying another provider's options, so nothing is
 * silently dropped.
 */
public interface ProviderOptions {

	/** The provider these options are for, e.g. {@code lingma}. */
	String provider();

}
