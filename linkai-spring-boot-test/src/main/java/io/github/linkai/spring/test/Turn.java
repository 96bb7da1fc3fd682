package io.github.linkai.spring.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One answer as a provider sends it, before it is written in that provider's format: its
 * text in the pieces it is streamed in (one piece counts as one token), the prompt's
 * token count, and what the provider adds.
 *
 * @param chunks the answer's pieces; joined they give the text
 * @param promptTokens the tokens of the request (question, and the remembered history in
 * a session)
 * @param sessionId the session the turn belongs to (LinkAI memory chat), else
 * {@code null}
 * @param sources search sources (Jijyun), empty for none
 * @param extras reasoning, tool calls and media, for the OpenAI-shaped endpoints
 */
record Turn(List<String> chunks, int promptTokens, @Nullable String sessionId, List<StubSource> sources,
		Extras extras) {

	Turn {
		chunks = List.copyOf(chunks);
		sources = List.copyOf(sources);
	}

	/** A turn outside any session, without sources. */
	Turn(List<String> chunks, int promptTokens) {
		this(chunks, promptTokens, null, List.of(), Extras.NONE);
	}

	/** The same turn in a session. */
	Turn inSession(@Nullable String session) {
		return new Turn(this.chunks, this.promptTokens, session, this.sources, this.extras);
	}

	/** The same turn with search sources. */
	Turn withSources(List<StubSource> sourceList) {
		return new Turn(this.chunks, this.promptTokens, this.sessionId, sourceList, this.extras);
	}

	/** The same turn with reasoning, tool calls and media. */
	Turn withExtras(Extras extrasToUse) {
		return new Turn(this.chunks, this.promptTokens, this.sessionId, this.sources, extrasToUse);
	}

	/** The answer's text. */
	String text() {
		return String.join("", this.chunks);
	}

	/**
	 * Tokens of the answer: one per streamed piece, of the text, the reasoning and the
	 * tool calls' arguments.
	 */
	int completionTokens() {
		int tokens = this.chunks.size() + this.extras.reasoning().size();
		for (ToolCall call : this.extras.toolCalls()) {
			tokens += call.pieces().size();
		}
		return tokens;
	}

	/** Tokens of prompt and answer. */
	int totalTokens() {
		return this.promptTokens + completionTokens();
	}

	/**
	 * What an OpenAI-shaped answer may hold besides its text.
	 *
	 * @param reasoning the reasoning's pieces, streamed before the text
	 * @param toolCalls the tool calls, with their ids
	 * @param media media URLs (LinkAI's {@code img_urls})
	 * @param style how the OpenAI-compatible endpoint streams them
	 */
	record Extras(List<String> reasoning, List<ToolCall> toolCalls, List<String> media, StubWireStyle style) {

		static final Extras NONE = new Extras(List.of(), List.of(), List.of(), StubWireStyle.OPENAI);

		Extras {
			reasoning = List.copyOf(reasoning);
			toolCalls = List.copyOf(toolCalls);
			media = List.copyOf(media);
		}

	}

	/**
	 * A tool call as sent.
	 *
	 * @param id its id
	 * @param name the tool's name
	 * @param arguments the arguments, JSON text
	 */
	record ToolCall(String id, String name, String arguments) {

		/** The arguments in the pieces they are streamed in. */
		List<String> pieces() {
			return Answers.tokens(this.arguments);
		}

	}

}
