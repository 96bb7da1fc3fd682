package io.github.linkai.spring.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Copies a reply's unmapped fields for {@link ChatResponse} and {@link ChatChunk}. */
final class ProviderFields {

	private ProviderFields() {
	}

	/**
	 * An unmodifiable copy in the provider's order, without the fields whose value is JSON {@code null}
	 * (OpenAI-style replies send {@code "system_fingerprint": null} and the like, which
	 * {@link Map#copyOf(Map)} rejects).
	 */
	static Map<String, Object> copyOf(Map<String, ? extends @Nullable Object> fields) {
		if (fields.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> copy = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (value != null) {
				copy.put(name, value);
			}
		});
		return Collections.unmodifiableMap(copy);
	}

}
