package io.github.linkai.spring.client.error;

/**
 * A blocking call ({@code chat(...)}) was made on a non-blocking thread, such as a
 * Reactor Netty event loop serving a WebFlux request, where blocking would stall every
 * connection that loop serves. Raised before anything is sent; use
 * {@code chatReactive(...)} or {@code stream(...)} there.
 */
public class BlockingCallException extends ChatClientException {

	private final String threadName;

	public BlockingCallException(String provider, String clientName, String threadName) {
		super(provider, clientName, "chat() blocks its thread and was called on the non-blocking thread '" + threadName
				+ "' (a Reactor event loop): use chatReactive() or stream() there and return or compose the result; "
				+ "nothing was sent", null);
		this.threadName = threadName;
	}

	/** The non-blocking thread the call was made on. */
	public String threadName() {
		return this.threadName;
	}

}
