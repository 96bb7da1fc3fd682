package io.github.linkai.spring.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model's own JSON mapper, for JSON the caller or the model wrote (tool schemas, tool
 * arguments): lenient about unknown properties and nulls for primitives, like the wire
 * mapper, and independent of the host application's settings. Not the wire mapper of
 * {@code client.spi}: the model must not depend on the SPI built on it.
 */
final class JsonValues {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private JsonValues() {
	}

	static JsonMapper mapper() {
		return MAPPER;
	}

	/** The line of a parse failure, from 1, or -1. */
	static int line(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		return (location != null) ? location.getLineNr() : -1;
	}

	/** The column of a parse failure, from 1, or -1. */
	static int column(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		return (location != null) ? location.getColumnNr() : -1;
	}

	/** Where a parse failed, without the parser's message, which quotes the input. */
	static String describeLocation(JacksonException ex) {
		int line = line(ex);
		return (line > 0) ? "line " + line + ", column " + column(ex) : "an unknown position";
	}

	/** A deep, unmodifiable copy of a JSON object; see {@link #freeze(Object)}. */
	static Map<String, @Nullable Object> freezeObject(Map<?, ?> map) {
		Map<String, @Nullable Object> copy = new LinkedHashMap<>(map.size() * 2);
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!(entry.getKey() instanceof String key)) {
				throw new IllegalArgumentException("a JSON object's keys are strings, not " + entry.getKey());
			}
			copy.put(key, freeze(entry.getValue()));
		}
		return Collections.unmodifiableMap(copy);
	}

	/**
	 * A deep, unmodifiable copy of a JSON value made of maps, lists, strings, numbers,
	 * booleans and nulls.
	 * @throws IllegalArgumentException for a value of any other type
	 */
	static @Nullable Object freeze(@Nullable Object value) {
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Map<?, ?> map) {
			return freezeObject(map);
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> copy = new ArrayList<>(list.size());
			for (Object item : list) {
				copy.add(freeze(item));
			}
			return Collections.unmodifiableList(copy);
		}
		throw new IllegalArgumentException(
				"a JSON value is a map, list, string, number, boolean or null, not " + value.getClass().getName());
	}

}
