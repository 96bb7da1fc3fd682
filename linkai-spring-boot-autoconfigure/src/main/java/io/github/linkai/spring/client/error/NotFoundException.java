package io.github.linkai.spring.client.error;

/**
 * HTTP 404: the endpoint or resource does not exist (check the base URL and ids such as
 * Lingma's organization).
 */
public class NotFoundException extends ClientErrorException {

	public NotFoundException(ErrorDetails details, String meaning) {
		super(details, meaning);
	}

}
