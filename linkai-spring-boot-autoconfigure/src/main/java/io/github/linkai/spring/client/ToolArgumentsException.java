package io.github.linkai.spring.client;

/**
 * The arguments of a tool call the model asked for could not be read as asked: they are
 * not JSON, or do not fit the type they were bound to. No provider call failed (the
 * answer arrived whole), so this is not a
 * {@link io.github.linkai.spring.client.error.ChatClientException}; the raw arguments
 * stay available on the call. The message names the call, the tool and the position only:
 * never the arguments, one of their keys or the parser's message, which quotes them (they
 * may hold what the user said). For the same reason no cause is attached.
 */
public class ToolArgumentsException extends RuntimeException {

	private final String toolCallId;

	private final String toolName;

	private final Class<?> targetType;

	private final Kind kind;

	private final int line;

	private final int column;

	/**
	 * An error for one call's arguments.
	 * @param toolCallId the call's id
	 * @param toolName the tool the call names
	 * @param targetType the type the arguments were bound to
	 * @param kind what went wrong
	 * @param line the line of the problem, from 1, or -1 when unknown
	 * @param column the column of the problem, from 1, or -1 when unknown
	 */
	public ToolArgumentsException(String toolCallId, String toolName, Class<?> targetType, Kind kind, int line,
			int column) {
		super("Arguments of tool call " + toolCallId + " (" + toolName + ") "
				+ ((kind == Kind.INVALID_JSON) ? "are not valid JSON" : "do not fit " + targetType.getSimpleName())
				+ " (" + ((line > 0) ? "line " + line + ", column " + column : "unknown position") + ")");
		this.toolCallId = toolCallId;
		this.toolName = toolName;
		this.targetType = targetType;
		this.kind = kind;
		this.line = line;
		this.column = column;
	}

	/** The id of the tool call whose arguments failed. */
	public String toolCallId() {
		return this.toolCallId;
	}

	/** The tool the call names. */
	public String toolName() {
		return this.toolName;
	}

	/** The type the arguments were bound to. */
	public Class<?> targetType() {
		return this.targetType;
	}

	/** What went wrong. */
	public Kind kind() {
		return this.kind;
	}

	/** The line of the problem, from 1, or -1 when unknown. */
	public int line() {
		return this.line;
	}

	/** The column of the problem, from 1, or -1 when unknown. */
	public int column() {
		return this.column;
	}

	/** Why arguments could not be read. */
	public enum Kind {

		/** The text is not JSON (a model cut short, or one that wrote prose). */
		INVALID_JSON,

		/** The JSON does not fit the type (a string where a number goes...). */
		TYPE_MISMATCH

	}

}
