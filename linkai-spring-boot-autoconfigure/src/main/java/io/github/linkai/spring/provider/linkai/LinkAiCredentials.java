package io.github.linkai.spring.provider.linkai;

import java.util.Objects;

import io.github.linkai.spring.client.http.SecretMasker;
import org.jspecify.annotations.Nullable;

/**
 * A LinkAI API key and the app code bound to it. LinkAI lets OpenAI SDKs bind an app by appending
 * {@code -<app_code>} to the key ({@code Link_tOCJYmHxxm55eA1xs-Kv2fXJcH2}); {@link #parse} splits such a
 * key so the key goes in the {@code Authorization} header and the app code in the body, where the native API
 * takes it.
 *
 * @param apiKey the bare API key
 * @param appCode the app code carried by the key, if any
 */
public record LinkAiCredentials(String apiKey, @Nullable String appCode) {

	public LinkAiCredentials {
		Objects.requireNonNull(apiKey, "apiKey must not be null");
	}

	/**
	 * Splits {@code key-appcode} at its last {@code -}; a key without one is returned whole.
	 * @throws IllegalArgumentException if the key is blank
	 */
	public static LinkAiCredentials parse(String key) {
		String trimmed = Objects.requireNonNull(key, "key must not be null").strip();
		if (trimmed.isEmpty()) {
			throw new IllegalArgumentException("key must not be blank");
		}
		int dash = trimmed.lastIndexOf('-');
		if (dash > 0 && dash < trimmed.length() - 1) {
			return new LinkAiCredentials(trimmed.substring(0, dash), trimmed.substring(dash + 1));
		}
		return new LinkAiCredentials(trimmed, null);
	}

	@Override
	public String toString() {
		return "LinkAiCredentials[apiKey=" + SecretMasker.describe(this.apiKey) + ", appCode=" + this.appCode + "]";
	}

}
