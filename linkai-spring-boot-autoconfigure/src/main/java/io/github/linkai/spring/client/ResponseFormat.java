package io.github.linkai.spring.client;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The form the answer must take: plain {@link #text()}, any {@link #jsonObject() JSON
 * object}, or JSON that fits a {@link #jsonSchema(String, JsonSchema) schema}.
 *
 * @param type the form
 * @param name the schema's name, for {@link Type#JSON_SCHEMA}; OpenAI-shaped providers
 * take {@code [a-zA-Z0-9_-]{1,64}}
 * @param schema the schema, for {@link Type#JSON_SCHEMA}
 * @param strict whether the provider should hold the answer to the schema exactly;
 * {@code null} leaves it out
 */
public record ResponseFormat(Type type, @Nullable String name, @Nullable JsonSchema schema, @Nullable Boolean strict) {

	private static final ResponseFormat TEXT = new ResponseFormat(Type.TEXT, null, null, null);

	private static final ResponseFormat JSON_OBJECT = new ResponseFormat(Type.JSON_OBJECT, null, null, null);

	public ResponseFormat {
		Objects.requireNonNull(type, "type must not be null");
		if (type != Type.JSON_SCHEMA && (name != null || schema != null || strict != null)) {
			throw new IllegalArgumentException("a name, schema and strict flag go with type JSON_SCHEMA only");
		}
	}

	/** Plain text, the default. */
	public static ResponseFormat text() {
		return TEXT;
	}

	/**
	 * Any JSON object. OpenAI-shaped providers also want the word "json" in a system or
	 * user message.
	 */
	public static ResponseFormat jsonObject() {
		return JSON_OBJECT;
	}

	/** JSON that fits this schema. */
	public static ResponseFormat jsonSchema(String name, JsonSchema schema) {
		return new ResponseFormat(Type.JSON_SCHEMA, Objects.requireNonNull(name, "name must not be null"),
				Objects.requireNonNull(schema, "schema must not be null"), null);
	}

	/** This format with the strict flag set ({@link Type#JSON_SCHEMA} only). */
	public ResponseFormat withStrict(boolean strict) {
		return new ResponseFormat(this.type, this.name, this.schema, strict);
	}

	/** The forms of an answer. */
	public enum Type {

		/** Plain text. */
		TEXT,

		/** Any JSON object. */
		JSON_OBJECT,

		/** JSON that fits a schema. */
		JSON_SCHEMA

	}

}
