package io.github.linkai.spring.client.error;

/** LinkAI HTTP 402: the app or workflow named by {@code app_code} does not exist. */
public class AppNotFoundException extends ClientErrorException {

	public AppNotFoundException(ErrorDetails details, String meaning) {
		super(details, meaning);
	}

}
