package io.github.linkai.spring.client.error;

/**
 * A request that breaks the provider's documented rules; raised before anything is sent.
 */
public class ChatRequestValidationException extends ChatClientException {

	private final String field;

	private final String problem;

	public ChatRequestValidationException(String provider, String clientName, String field, String problem) {
		super(provider, clientName, "Invalid request: " + field + " " + problem, null);
		this.field = field;
		this.problem = problem;
	}

	/** The offending field, e.g. {@code temperature} or {@code messages[1].content}. */
	public String field() {
		return this.field;
	}

	/**
	 * What is wrong with the field, e.g. {@code must be in [0, 1] but was 1.5}: a rule
	 * and at most a number, never message text.
	 */
	public String problem() {
		return this.problem;
	}

}
