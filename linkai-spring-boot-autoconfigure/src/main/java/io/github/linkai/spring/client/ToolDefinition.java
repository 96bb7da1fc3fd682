package io.github.linkai.spring.client;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A tool the model may call: a function the application runs when the answer asks for it.
 * Its name and parameters are checked when a request holding it is validated (a blank or
 * duplicate name, a schema that is not a JSON object fail naming the field).
 *
 * <pre>{@code
 * ToolDefinition time = ToolDefinition.of("current_time", "The current time in a city",
 *         JsonSchema.parse("""
 *                 {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""));
 * }</pre>
 *
 * @param name the name the model calls it by; OpenAI-shaped providers take
 * {@code [a-zA-Z0-9_-]{1,64}}
 * @param description what the tool does and when to use it, for the model
 * @param parameters the JSON Schema of the arguments, an object
 * @param strict whether the provider should hold the arguments to the schema exactly
 * (OpenAI's {@code strict}); {@code null} leaves it out
 */
public record ToolDefinition(String name, @Nullable String description, JsonSchema parameters,
		@Nullable Boolean strict) {

	public ToolDefinition {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(parameters, "parameters must not be null");
	}

	/** A tool, with no strict flag sent. */
	public static ToolDefinition of(String name, @Nullable String description, JsonSchema parameters) {
		return new ToolDefinition(name, description, parameters, null);
	}

	/** A tool taking no arguments. */
	public static ToolDefinition of(String name, @Nullable String description) {
		return new ToolDefinition(name, description, JsonSchema.emptyObject(), null);
	}

	/** This tool with the strict flag set. */
	public ToolDefinition withStrict(boolean strict) {
		return new ToolDefinition(this.name, this.description, this.parameters, strict);
	}

	/** The name and schema's shape; the description is the developer's, but long. */
	@Override
	public String toString() {
		return "ToolDefinition[name=" + this.name + ", parameters=" + this.parameters + ", strict=" + this.strict + "]";
	}

}
