package io.github.linkai.spring.client.spi;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.MemoryChatClient;

/**
 * What a provider builds one configured client's chat clients with: the client's exchange
 * (its transport, timeouts, retries and observation), bound to an endpoint's
 * {@link WireMapping}. The exchange implements it; a provider sees only this.
 */
public interface ChatClientFactory {

	/** The configured client's name, for the errors a provider raises. */
	String clientName();

	/** The client's default neutral options, which a request's own values override. */
	ChatOptions defaults();

	/**
	 * A client on {@code mapping}'s endpoint, sent the whole conversation. A 3xx answer
	 * (a redirect the connector did not follow) fails the call with a
	 * {@link io.github.linkai.spring.client.error.RedirectNotFollowedException}.
	 */
	ChatClient chatClient(WireMapping<?> mapping);

	/**
	 * A client on {@code mapping}'s endpoint whose server keeps the conversation: the
	 * mapping {@linkplain WireMapping#supportsSessionId() sends the session id}.
	 */
	MemoryChatClient memoryChatClient(WireMapping<?> mapping);

}
