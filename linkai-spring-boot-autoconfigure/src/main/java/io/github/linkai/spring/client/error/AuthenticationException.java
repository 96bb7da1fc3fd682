package io.github.linkai.spring.client.error;

/** HTTP 401: the credential (API key, token) is wrong or lacks permission. */
public class AuthenticationException extends ClientErrorException {

	public AuthenticationException(ErrorDetails details, String meaning) {
		super(details, meaning);
	}

}
