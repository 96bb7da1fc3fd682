package io.github.linkai.spring.client.error;

/**
 * LinkAI HTTP 408: the account's plan has no API access (memory chat needs the standard
 * plan or above).
 */
public class ApiAccessDeniedException extends PermissionDeniedException {

	public ApiAccessDeniedException(ErrorDetails details, String meaning) {
		super(details, meaning);
	}

}
