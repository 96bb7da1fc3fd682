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
 */
record Turn(List<String> chunks, int promptTokens, @Nullable String sessionId, List<StubSource> sources) {

	Turn {
		chunks = List.copyOf(chunks);
		sources = List.copyOf(sources);
	}

	/** A turn outside any session, without sources. */
	Turn(List<String> chunks, int promptTokens) {
		this(chunks, promptTokens, null, List.of());
	}

	/** The same turn in a session. */
	Turn inSession(@Nullable String session) {
		return new Turn(this.chunks, this.promptTokens, session, this.sources);
	}

	/** The same turn with search sources. */
	Turn withSources(List<StubSource> sourceList) {
		return new Turn(this.chunks, this.promptTokens, this.sessionId, sourceList);
	}

	/** The answer's text. */
	String text() {
		return String.join("", this.chunks);
	}

	/** Tokens of the answer: one per streamed piece. */
	int completionTokens() {
		return this.chunks.size();
	}

	/** Tokens of prompt and answer. */
	int totalTokens() {
		return this.promptTokens + completionTokens();
	}

}
