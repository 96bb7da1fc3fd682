package io.github.linkai.spring.client.error;

/**
 * LinkAI HTTP 409: content moderation rejected the question, the answer or retrieved
 * knowledge.
 */
public class ContentRejectedException extends ClientErrorException {

	public ContentRejectedException(ErrorDetails details, String meaning) {
		super(details, meaning);
	}

}
