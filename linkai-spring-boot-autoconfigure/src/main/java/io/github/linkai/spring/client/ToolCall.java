package io.github.linkai.spring.client;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;

/**
 * A call of a tool the model asked for. Run the tool, then send the answer back with the
 * result:
 * {@code request.mutate().message(answer.message()).toolResult(call.id(), result)}.
 *
 * <pre>{@code
 * for (ToolCall call : answer.toolCalls()) {
 *     CityArgs args = call.arguments(CityArgs.class);   // or call.arguments(), the raw JSON text
 *     ...
 * }
 * }</pre>
 *
 * @param id the call's id, which the tool result names (any string: Kimi sends
 * {@code functions.current_time:0}; generated when the provider sent none)
 * @param name the tool's name
 * @param arguments the arguments exactly as the model wrote them, JSON text ({@code {}}
 * when it wrote none); not necessarily valid JSON
 * @param providerFields fields of the call the model does not map (e.g. a
 * Gemini-compatible endpoint's {@code extra_content}); sent back unchanged with the call
 */
public record ToolCall(String id, String name, String arguments,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, @Nullable Object> providerFields) {

	private static final TypeReference<Map<String, @Nullable Object>> MAP = new TypeReference<>() {
	};

	public ToolCall {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(arguments, "arguments must not be null");
		providerFields = ProviderFields.copyOf(providerFields);
	}

	/** A call without provider fields. */
	public ToolCall(String id, String name, String arguments) {
		this(id, name, arguments, Map.of());
	}

	/**
	 * The arguments bound to a type (a record, a bean): unknown properties are ignored,
	 * blank arguments read as {@code {}}.
	 * @throws ToolArgumentsException when they are not JSON or do not fit the type; its
	 * message quotes neither the arguments nor one of their keys
	 */
	public <T> T arguments(Class<T> type) {
		Objects.requireNonNull(type, "type must not be null");
		try {
			T value = JsonValues.mapper().readValue(json(), type);
			if (value == null) {
				throw new ToolArgumentsException(this.id, this.name, type, ToolArgumentsException.Kind.TYPE_MISMATCH, 1,
						1);
			}
			return value;
		}
		catch (JacksonException ex) {
			throw failure(ex, type);
		}
	}

	/**
	 * The arguments as a map of JSON values.
	 * @throws ToolArgumentsException when they are not a JSON object
	 */
	public Map<String, @Nullable Object> argumentsMap() {
		try {
			Map<String, @Nullable Object> value = JsonValues.mapper().readValue(json(), MAP);
			if (value == null) {
				throw new ToolArgumentsException(this.id, this.name, Map.class,
						ToolArgumentsException.Kind.TYPE_MISMATCH, 1, 1);
			}
			return value;
		}
		catch (JacksonException ex) {
			throw failure(ex, Map.class);
		}
	}

	private String json() {
		return this.arguments.isBlank() ? "{}" : this.arguments;
	}

	private ToolArgumentsException failure(JacksonException ex, Class<?> type) {
		// no cause and not the parser's message: both quote the arguments
		ToolArgumentsException.Kind kind = (ex instanceof DatabindException) ? ToolArgumentsException.Kind.TYPE_MISMATCH
				: ToolArgumentsException.Kind.INVALID_JSON;
		return new ToolArgumentsException(this.id, this.name, type, kind, JsonValues.line(ex), JsonValues.column(ex));
	}

	/** The id and the tool; the arguments' length only: they hold what the user said. */
	@Override
	public String toString() {
		return "ToolCall[id=" + this.id + ", name=" + this.name + ", arguments=" + this.arguments.length()
				+ " chars, providerFields=" + this.providerFields.keySet() + "]";
	}

}
