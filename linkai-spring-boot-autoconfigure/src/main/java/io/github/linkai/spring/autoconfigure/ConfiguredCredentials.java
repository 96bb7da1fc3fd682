package io.github.linkai.spring.autoconfigure;

import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * Whether a value shown on an actuator page holds one of the configured clients'
 * credentials: the same secret under another name ({@code YUNXIAO_TOKEN} behind
 * {@code ${YUNXIAO_TOKEN}}, a command line holding {@code --linkai.api-key=...}). The
 * credentials are read once, on first use, from the clients as bound from the
 * environment, whatever their provider.
 */
final class ConfiguredCredentials implements Predicate<String> {

	/**
	 * Shorter credentials are matched only as the whole value: a few characters occur
	 * anywhere.
	 */
	static final int MIN_LENGTH_INSIDE = 8;

	private final Supplier<Set<String>> credentials;

	/**
	 * The credentials of the configured clients.
	 * @param clients the configured clients, read on first use: the sanitizer exists
	 * before them, and without clients there are none
	 */
	ConfiguredCredentials(Supplier<@Nullable ConfiguredClients> clients) {
		this.credentials = SingletonSupplier.of(() -> {
			ConfiguredClients configured = clients.get();
			return (configured != null) ? configured.credentials() : Set.of();
		});
	}

	@Override
	public boolean test(String value) {
		String candidate = value.strip();
		for (String credential : this.credentials.get()) {
			if (candidate.equals(credential)
					|| (credential.length() >= MIN_LENGTH_INSIDE && candidate.contains(credential))) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return "ConfiguredCredentials";
	}

}
