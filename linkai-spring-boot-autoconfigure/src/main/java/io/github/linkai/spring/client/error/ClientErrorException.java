package io.github.linkai.spring.client.error;

/** A 4xx status: the request was refused. Subclasses name the documented causes. */
public class ClientErrorException extends ProviderApiException {

	public ClientErrorException(ErrorDetails details, String meaning) {
		super(details, meaning);
	}

}
