package io.github.linkai.spring.client.error;

/**
 * Credit or call quota exhausted: LinkAI HTTP 406 (insufficient credit), Jijyun HTTP 402
 * (API calls used up).
 */
public class QuotaExceededException extends ClientErrorException {

	public QuotaExceededException(ErrorDetails details, String meaning) {
		super(details, meaning);
	}

}
