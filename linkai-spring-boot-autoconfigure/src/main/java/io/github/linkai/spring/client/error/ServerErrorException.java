package io.github.linkai.spring.client.error;

/** A 5xx status: the provider failed. */
public class ServerErrorException extends ProviderApiException {

	public ServerErrorException(ErrorDetails details, String meaning) {
		super(details, meaning);
	}

}
