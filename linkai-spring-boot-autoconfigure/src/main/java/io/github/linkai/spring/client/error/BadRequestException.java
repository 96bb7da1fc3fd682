package io.github.linkai.spring.client.error;

/** HTTP 400: the provider rejected the request's format or content. */
public class BadRequestException extends ClientErrorException {

	public BadRequestException(ErrorDetails details, String meaning) {
		super(details, meaning);
	}

}
