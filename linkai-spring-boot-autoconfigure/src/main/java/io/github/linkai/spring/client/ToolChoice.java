package io.github.linkai.spring.client;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Whether and which tool the model must call: {@link #auto()} (it decides),
 * {@link #none()}, {@link #required()} (one at least), or one named tool
 * ({@link #function(String)}).
 *
 * @param kind the choice
 * @param functionName the tool's name, for {@link Kind#FUNCTION} only
 */
public record ToolChoice(Kind kind, @Nullable String functionName) {

	private static final ToolChoice AUTO = new ToolChoice(Kind.AUTO, null);

	private static final ToolChoice NONE = new ToolChoice(Kind.NONE, null);

	private static final ToolChoice REQUIRED = new ToolChoice(Kind.REQUIRED, null);

	public ToolChoice {
		Objects.requireNonNull(kind, "kind must not be null");
		if ((kind == Kind.FUNCTION) != (functionName != null)) {
			throw new IllegalArgumentException("a function name goes with kind FUNCTION, and only with it");
		}
	}

	/** The model decides whether to call tools. */
	public static ToolChoice auto() {
		return AUTO;
	}

	/** The model calls no tool. */
	public static ToolChoice none() {
		return NONE;
	}

	/** The model calls one tool or more. */
	public static ToolChoice required() {
		return REQUIRED;
	}

	/** The model calls this tool. */
	public static ToolChoice function(String name) {
		return new ToolChoice(Kind.FUNCTION, Objects.requireNonNull(name, "name must not be null"));
	}

	@Override
	public String toString() {
		return (this.kind == Kind.FUNCTION) ? "FUNCTION(" + this.functionName + ")" : this.kind.name();
	}

	/** The kinds of choice. */
	public enum Kind {

		/** The model decides. */
		AUTO,

		/** No tool. */
		NONE,

		/** At least one tool. */
		REQUIRED,

		/** The named tool. */
		FUNCTION

	}

}
