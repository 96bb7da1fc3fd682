package io.github.linkai.spring.autoconfigure;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ChatProvider;
import io.github.linkai.spring.client.spi.SettingProblems;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * One client as bound from the properties, inheritance resolved and every value checked.
 *
 * @param name the client's name ({@code default} for the top level)
 * @param prefix the property prefix it is configured under, for error messages
 * @param provider its provider
 * @param properties the settings every client has
 * @param settings the provider's own settings
 * @param defaults the default neutral options its provider supports
 * @param bound whether a property, by its full name, was bound from the environment
 * @param origin where a property's value came from, by the property's full name, for
 * messages: the environment variable, or the property and its file; never the value
 * @param <S> the provider's settings type
 */
record ConfiguredClient<S>(String name, String prefix, ChatProvider<S> provider, LinkAiClientProperties properties,
		S settings, ChatOptions defaults, Predicate<String> bound, UnaryOperator<String> origin) {

	/**
	 * The full name of one of this client's properties, e.g.
	 * {@code linkai.clients.eng.lingma.organization-id}.
	 */
	String property(String relativeName) {
		return this.prefix + "." + relativeName;
	}

	/**
	 * The property that set one of this client's values: its own, else the top level's it
	 * inherited, else (when neither is set) its own.
	 */
	String propertyThatSet(String relativeName) {
		String own = property(relativeName);
		String inherited = ClientPropertiesBinder.PREFIX + "." + relativeName;
		return (!this.bound.test(own) && this.bound.test(inherited)) ? inherited : own;
	}

	/**
	 * The property that set this client's {@code option}: its own, or the top level's.
	 */
	String optionProperty(ChatOption option) {
		return propertyThatSet(option.propertyName());
	}

	/** Where the client's credential ({@code api-key}) came from; never its value. */
	String credentialSource() {
		return this.origin.apply(propertyThatSet("api-key"));
	}

	/** Whether the client sets {@code option} itself rather than inheriting it. */
	boolean ownsOption(ChatOption option) {
		return this.bound.test(property(option.propertyName()));
	}

	/**
	 * Problems of this client's settings: startup fails naming the property that set the
	 * value.
	 */
	SettingProblems problems() {
		return (setting, value, reason) -> {
			throw new InvalidConfigurationPropertyValueException(propertyThatSet(setting), value, reason);
		};
	}

	/** "a" or "an" before a word: "an openai client", "a linkai client". */
	static String an(String word) {
		return (!word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0) ? "an " + word
				: "a " + word;
	}

}
