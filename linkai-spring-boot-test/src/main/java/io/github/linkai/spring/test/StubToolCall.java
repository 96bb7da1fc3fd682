package io.github.linkai.spring.test;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A tool call the {@link ProviderStub} answers with ({@link StubAnswer#toolCalls}): the
 * tool's name, its arguments as JSON text, and an id (generated as the endpoint would
 * when none is given: {@code call_...}, or Kimi's {@code functions.<name>:<index>} in
 * {@link StubWireStyle#KIMI}).
 *
 * <pre>{@code
 * StubToolCall.of("current_time", "{\"city\":\"上海\"}");
 * StubToolCall.of("current_time", "{\"city\":\"上海\"}").withId("call_1");
 * }</pre>
 */
public final class StubToolCall {

	private final String name;

	private final String arguments;

	private final @Nullable String id;

	private StubToolCall(String name, String arguments, @Nullable String id) {
		this.name = name;
		this.arguments = arguments;
		this.id = id;
	}

	/**
	 * A call of this tool with these arguments, JSON text (not checked: a test may script
	 * a model that writes broken JSON).
	 */
	public static StubToolCall of(String name, String arguments) {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(arguments, "arguments must not be null");
		if (name.isBlank()) {
			throw new IllegalArgumentException("name must not be blank");
		}
		return new StubToolCall(name, arguments, null);
	}

	/** The same call with this id. */
	public StubToolCall withId(String id) {
		Objects.requireNonNull(id, "id must not be null");
		if (id.isBlank()) {
			throw new IllegalArgumentException("id must not be blank");
		}
		return new StubToolCall(this.name, this.arguments, id);
	}

	/** The tool's name. */
	public String name() {
		return this.name;
	}

	/** The arguments, JSON text. */
	public String arguments() {
		return this.arguments;
	}

	/** The id given, or {@code null} for a generated one. */
	public @Nullable String id() {
		return this.id;
	}

	@Override
	public String toString() {
		return "StubToolCall[" + this.name + ((this.id != null) ? ", id=" + this.id : "") + "]";
	}

}
