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
	 * An unmodifiable copy in the provider's order. A field whose value is JSON
	 * {@code null} is kept: that the provider sent it is information (Jijyun's documented
	 * {@code "visitorId": null}), and {@link Map#copyOf(Map)}, which rejects null values,
	 * cannot be used.
	 */
	static Map<String, @Nullable Object> copyOf(Map<String, ? extends @Nullable Object> fields) {
		return fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

}
