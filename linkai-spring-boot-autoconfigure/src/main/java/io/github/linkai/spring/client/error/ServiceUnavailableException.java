package io.github.linkai.spring.client.error;

/** HTTP 503: the provider's service is failing (LinkAI: contact support). */
public class ServiceUnavailableException extends ServerErrorException {

	public ServiceUnavailableException(ErrorDetails details, String meaning) {
		super(details, meaning);
	}

}
