package io.github.linkai.spring.client.error;

/**
 * HTTP 403: the account may not use this app (LinkAI: only the creator may call an
 * unpublished app).
 */
public class PermissionDeniedException extends ClientErrorException {

	public PermissionDeniedException(ErrorDetails details, String meaning) {
		super(details, meaning);
	}

}
