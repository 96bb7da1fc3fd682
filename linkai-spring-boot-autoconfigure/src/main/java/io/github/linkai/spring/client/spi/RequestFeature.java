package io.github.linkai.spring.client.spi;

/**
 * What a request may use beyond messages and the neutral options, so that an endpoint can
 * declare what it can send ({@link WireMapping#supportedFeatures()}): a request using
 * another fails before anything is sent, naming the field and the provider.
 */
public enum RequestFeature {

	/**
	 * Tools: {@code tools}, {@code toolChoice}, {@code parallelToolCalls}, assistant
	 * messages with tool calls, and tool results.
	 */
	TOOLS,

	/** {@code responseFormat}: a JSON answer, or one that fits a schema. */
	RESPONSE_FORMAT

}
