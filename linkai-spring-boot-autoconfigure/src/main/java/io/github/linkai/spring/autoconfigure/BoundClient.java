package io.github.linkai.spring.autoconfigure;

import java.util.Set;

import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ChatProvider;

/**
 * One client as bound from the properties, inheritance resolved.
 *
 * @param name the client's name ({@code default} for the top level)
 * @param prefix the property prefix it is configured under, for error messages
 * @param provider its provider
 * @param properties the settings every client has
 * @param settings the provider's own settings
 * @param ownOptions the neutral options set at the client's own prefix (not inherited)
 * @param <S> the provider's settings type
 */
record BoundClient<S>(String name, String prefix, ChatProvider<S> provider, LinkAiClientProperties properties,
		S settings, Set<ChatOption> ownOptions) {

	/**
	 * The full name of one of this client's properties, e.g.
	 * {@code linkai.clients.eng.lingma.organization-id}.
	 */
	String property(String relativeName) {
		return this.prefix + "." + relativeName;
	}

	/**
	 * The property that set this client's {@code option}: its own, or the top level's it
	 * inherited.
	 */
	String optionProperty(ChatOption option) {
		return (this.ownOptions.contains(option) ? this.prefix : ClientPropertiesBinder.PREFIX) + "."
				+ option.propertyName();
	}

}
