package io.github.linkai.spring.client.error;

/** A request that breaks the provider's documented rules; raised before anything is sent. */
public class ChatRequestValidationException extends ChatClientException {

	private final String field;

	public ChatRequestValidationException(String provider, String clientName, String field, String problem) {
		super(provider, clientName, "Invalid request: " + field + " " + problem, null);
		this.field = field;
	}

	/** The offending field, e.g. {@code temperature} or {@code messages[1].content}. */
	public String field() {
		return this.field;
	}

}
