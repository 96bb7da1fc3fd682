package io.github.linkai.sample.emulator;

import java.util.List;

/**
 * An emulated answer: its text in the pieces it is streamed in (one piece counts as one token) and the
 * token count of the prompt it answers.
 *
 * @param chunks the answer's pieces; joined they give the text
 * @param promptTokens the tokens of the request (question, and the remembered history in a session)
 */
record Answer(List<String> chunks, int promptTokens) {

	Answer {
		chunks = List.copyOf(chunks);
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
