package io.github.linkai.spring.health;

import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.CallRejectedException;
import io.github.linkai.spring.client.error.ChatClientException;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.error.ClientErrorException;
import io.github.linkai.spring.client.error.PermissionDeniedException;
import io.github.linkai.spring.client.error.QuotaExceededException;

/**
 * How a call ended, as far as the provider's health is concerned. Judged by the error's
 * type, not its status: providers give statuses different meanings (a 402 is "quota used
 * up" for one, "no such app" for another), and each provider's status mapping already
 * turned its statuses into these types.
 */
public enum CallOutcome {

	/** The call or stream completed. */
	SUCCESS,

	/**
	 * The provider failed: a 5xx status, a transport failure or timeout, a stream cut
	 * short or holding an error event, a reply that is not what the provider documents.
	 * Repeated, it makes the client DOWN.
	 */
	PROVIDER_FAILURE,

	/**
	 * The provider rejected the credential or the account:
	 * {@link AuthenticationException} (401) and {@link PermissionDeniedException} (403,
	 * no access for this account or plan). Someone must check the key.
	 */
	CREDENTIAL_REJECTED,

	/** The account's credit or call quota is used up: {@link QuotaExceededException}. */
	QUOTA_EXHAUSTED,

	/**
	 * The request or the calling code was at fault, not the provider: validation before
	 * sending, any other 4xx (bad request, not found, content rejected, rate limited), or
	 * an error that is not a {@link ChatClientException}. Never makes a client DOWN.
	 */
	CLIENT_ERROR,

	/**
	 * This application refused the call before it reached the provider: a
	 * {@link CallRejectedException}, such as a full connection pool. Load on this
	 * application says nothing about the provider, and counting it would take pods out of
	 * readiness for being busy: such a call is not recorded at all.
	 */
	REJECTED_LOCALLY;

	/** How a call that failed with {@code error} ended. */
	public static CallOutcome of(Throwable error) {
		if (error instanceof CallRejectedException) {
			return REJECTED_LOCALLY;
		}
		if (error instanceof AuthenticationException || error instanceof PermissionDeniedException) {
			return CREDENTIAL_REJECTED;
		}
		if (error instanceof QuotaExceededException) {
			return QUOTA_EXHAUSTED;
		}
		if (error instanceof ChatRequestValidationException || error instanceof ClientErrorException
				|| !(error instanceof ChatClientException)) {
			return CLIENT_ERROR;
		}
		return PROVIDER_FAILURE;
	}

	/**
	 * Whether this outcome says something about the provider (every outcome but a client
	 * error or a local rejection does).
	 */
	boolean isEvidence() {
		return this != CLIENT_ERROR && this != REJECTED_LOCALLY;
	}

}
