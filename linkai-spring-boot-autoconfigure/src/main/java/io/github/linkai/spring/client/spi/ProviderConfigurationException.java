package io.github.linkai.spring.client.spi;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A provider's settings are missing or invalid. The Spring glue turns it into a startup
 * failure naming the full property, e.g.
 * {@code linkai.clients.eng.lingma.organization-id}.
 */
public class ProviderConfigurationException extends IllegalArgumentException {

	private final String setting;

	private final transient @Nullable Object value;

	/**
	 * A rejected setting.
	 * @param setting the setting's name relative to the client's prefix, e.g.
	 * {@code lingma.organization-id}
	 * @param value the offending value, never a credential ({@code null} when unset or
	 * secret)
	 * @param reason what is wrong and what to do
	 */
	public ProviderConfigurationException(String setting, @Nullable Object value, String reason) {
		super(reason);
		this.setting = setting;
		this.value = value;
	}

	/**
	 * The setting a field of an options record is bound from: {@code frequencyPenalty} is
	 * {@code frequency-penalty}.
	 */
	public static String settingName(String fieldName) {
		return fieldName.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/**
	 * The setting's name relative to the client's prefix, e.g.
	 * {@code lingma.organization-id}.
	 */
	public String setting() {
		return this.setting;
	}

	/** The offending value, if it may be shown. */
	public @Nullable Object value() {
		return this.value;
	}

}
