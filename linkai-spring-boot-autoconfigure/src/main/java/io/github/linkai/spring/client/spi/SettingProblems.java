package io.github.linkai.spring.client.spi;

import org.jspecify.annotations.Nullable;

/**
 * Where settings report what is wrong with them, each by its name relative to the client
 * ({@code idle-timeout}, {@code retry.max-retries}, {@code lingma.organization-id}). The
 * Spring glue reports the first as a startup failure naming the whole property; settings
 * made in code get {@link #throwing()}.
 */
@FunctionalInterface
public interface SettingProblems {

	/**
	 * Reports a missing or invalid setting.
	 * @param setting the setting's name relative to the client's prefix
	 * @param value the offending value, {@code null} when unset or when it must not be
	 * shown (a credential, text with control characters)
	 * @param reason what is wrong and what to do
	 */
	void reject(String setting, @Nullable Object value, String reason);

	/** Problems that fail at the first with an {@link IllegalArgumentException}. */
	static SettingProblems throwing() {
		return (setting, value, reason) -> {
			throw new IllegalArgumentException(setting + ": " + reason);
		};
	}

}
