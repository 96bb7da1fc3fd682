package io.github.linkai.spring.client;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * A JSON Schema (a tool's parameters, a JSON answer's shape) as an immutable JSON tree.
 * It is parsed once, when built: a mapping writes the tree, so a malformed text can never
 * corrupt a request body, and a text that is not a JSON object is kept with the reason,
 * so that the request fails validation naming the field (nothing is sent) instead of a
 * constructor throwing far from the call.
 *
 * <pre>{@code
 * JsonSchema city = JsonSchema.parse("""
 *         {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");
 * }</pre>
 */
public final class JsonSchema {

	private static final TypeReference<Object> ANY = new TypeReference<>() {
	};

	private static final JsonSchema EMPTY_OBJECT = new JsonSchema(Map.of("type", "object", "properties", Map.of()),
			null);

	private final @Nullable Map<String, @Nullable Object> tree;

	private final @Nullable String problem;

	private JsonSchema(@Nullable Map<String, @Nullable Object> tree, @Nullable String problem) {
		this.tree = tree;
		this.problem = problem;
	}

	/**
	 * The schema a JSON text describes. Never throws: a text that is not a usable schema
	 * gives a schema whose {@link #problem()} says why, and a request holding it fails
	 * validation.
	 */
	public static JsonSchema parse(String json) {
		Objects.requireNonNull(json, "json must not be null");
		Object value;
		try {
			value = JsonValues.mapper().readValue(json, ANY);
		}
		catch (JacksonException ex) {
			return new JsonSchema(null, "is not valid JSON (" + JsonValues.describeLocation(ex) + ")");
		}
		return ofValue(value);
	}

	/**
	 * The schema of a JSON object given as maps, lists, strings, numbers, booleans and
	 * nulls; copied deeply.
	 * @throws IllegalArgumentException for a value of another type
	 */
	public static JsonSchema of(Map<String, ? extends @Nullable Object> schema) {
		Objects.requireNonNull(schema, "schema must not be null");
		return ofValue(schema);
	}

	/**
	 * {@code {"type":"object","properties":{}}}: the parameters of a tool that takes
	 * none.
	 */
	public static JsonSchema emptyObject() {
		return EMPTY_OBJECT;
	}

	private static JsonSchema ofValue(@Nullable Object value) {
		if (!(value instanceof Map<?, ?> map)) {
			return new JsonSchema(null, "must be a JSON object but was " + kind(value));
		}
		Map<String, @Nullable Object> tree = JsonValues.freezeObject(map);
		Object type = tree.get("type");
		if (type instanceof String name && !name.equals("object")) {
			return new JsonSchema(null, "must describe an object but its \"type\" is \"" + name + "\"");
		}
		return new JsonSchema(tree, null);
	}

	private static String kind(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof java.util.List) {
			return "an array";
		}
		if (value instanceof String) {
			return "a string";
		}
		if (value instanceof Number) {
			return "a number";
		}
		return "a " + ((value instanceof Boolean) ? "boolean" : value.getClass().getSimpleName());
	}

	/**
	 * Why this schema cannot be sent ({@code is not valid JSON (line 1, column 9)},
	 * {@code must be a JSON object but was an array}), or {@code null} when it can.
	 */
	public @Nullable String problem() {
		return this.problem;
	}

	/** Whether the schema can be sent. */
	public boolean isValid() {
		return this.tree != null;
	}

	/**
	 * The schema as an unmodifiable tree of maps, lists, strings, numbers, booleans and
	 * nulls.
	 * @throws IllegalStateException when the schema has a {@link #problem()}
	 */
	public Map<String, @Nullable Object> asMap() {
		if (this.tree == null) {
			throw new IllegalStateException("The schema " + this.problem);
		}
		return this.tree;
	}

	/**
	 * The schema as JSON text.
	 * @throws IllegalStateException when the schema has a {@link #problem()}
	 */
	public String toJson() {
		return JsonValues.mapper().writeValueAsString(asMap());
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof JsonSchema that && Objects.equals(this.tree, that.tree)
				&& Objects.equals(this.problem, that.problem));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.tree, this.problem);
	}

	/** The shape, never the descriptions (they may be long): the properties' count. */
	@Override
	public String toString() {
		if (this.tree == null) {
			return "JsonSchema[invalid]";
		}
		Object properties = this.tree.get("properties");
		return "JsonSchema[object, " + ((properties instanceof Map<?, ?> map) ? map.size() : 0) + " properties]";
	}

}
