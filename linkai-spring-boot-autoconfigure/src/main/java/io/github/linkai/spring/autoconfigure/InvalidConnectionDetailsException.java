package io.github.linkai.spring.autoconfigure;

/**
 * A {@link LinkAiConnectionDetails} bean gave a client a connection that cannot be used.
 * The message names the bean's class, the client and what is wrong, never the credential.
 */
public class InvalidConnectionDetailsException extends IllegalStateException {

	private final String source;

	private final String clientName;

	InvalidConnectionDetailsException(String source, String clientName, String provider, String problem) {
		super("The connection that " + source + " gives the " + provider + " chat client '" + clientName
				+ "' is invalid: " + problem);
		this.source = source;
		this.clientName = clientName;
	}

	/** The class of the bean that gave the connection. */
	public String source() {
		return this.source;
	}

	/** The client the connection was for. */
	public String clientName() {
		return this.clientName;
	}

}
