package io.github.linkai.spring.observation;

/**
 * Which names of the OpenTelemetry GenAI semantic conventions the meters follow.
 */
public enum GenAiSemanticConventions {

	/**
	 * Version 1.41, the last release: {@code gen_ai.client.operation.*} timers and the
	 * {@code gen_ai.client.token.usage} histogram tagged with {@code gen_ai.token.type}.
	 */
	V1_41,

	/**
	 * The development names on the main branch of the conventions' GenAI repository
	 * (open-telemetry/semantic-conventions-genai): {@code gen_ai.client.inference.*}
	 * timers and one counter per kind of token. Unreleased, so they may change again.
	 */
	LATEST_EXPERIMENTAL

}
