package io.github.linkai.spring.test;

/**
 * How the stub's OpenAI-compatible endpoint streams tool calls and usage: each style
 * writes what one family of servers really sends, so that a client is tested against the
 * shapes it meets in production. LinkAI's chat always streams in {@link #OPENAI}'s shape,
 * with the usage in the finish chunk's choice.
 */
public enum StubWireStyle {

	/**
	 * OpenAI: the first fragment of a call holds its index, id, type and name with empty
	 * arguments, the later ones only the index and a piece of the arguments; the finish
	 * chunk's delta is empty; with {@code stream_options.include_usage} a last chunk with
	 * {@code "choices": []} holds the usage.
	 */
	OPENAI,

	/**
	 * DeepSeek: continuation fragments repeat {@code "id": ""}, {@code "type"} and
	 * {@code "name": ""}.
	 */
	DEEPSEEK,

	/**
	 * Qwen (DashScope compatible mode), as some builds send it: continuation fragments
	 * repeat the call's id with {@code "name": null}.
	 */
	QWEN,

	/**
	 * Kimi (Moonshot): ids {@code functions.<name>:<index>}; the usage in the finish
	 * chunk's choice and again on a trailing chunk with {@code "choices": []}, whether
	 * asked for or not.
	 */
	KIMI,

	/**
	 * GLM (Zhipu): each call whole in one delta, in the finish chunk together with the
	 * finish reason and the top-level usage.
	 */
	GLM

}
