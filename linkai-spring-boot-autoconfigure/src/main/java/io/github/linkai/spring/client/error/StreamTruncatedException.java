package io.github.linkai.spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The stream ended without the provider's end marker ({@code data: [DONE]} or a final
 * finish reason), or the connection failed after events had arrived: the answer is
 * incomplete. The cause, if any, is the transport failure.
 */
public class StreamTruncatedException extends StreamException {

	private final int chunksReceived;

	/**
	 * A stream that ended early.
	 * @param chunksReceived the chunks handed over before the stream ended
	 * @param cause the transport failure that cut the stream, or {@code null} if it
	 * simply ended
	 */
	public StreamTruncatedException(String provider, String clientName, int chunksReceived, @Nullable Throwable cause) {
		super(provider, clientName,
				"Stream truncated: the connection "
						+ ((cause != null) ? "failed (" + cause.getClass().getSimpleName() + ")" : "ended") + " after "
						+ chunksReceived + " chunk(s) without an end-of-stream marker; the answer is incomplete",
				cause);
		this.chunksReceived = chunksReceived;
	}

	/** How many chunks arrived before the stream ended. */
	public int chunksReceived() {
		return this.chunksReceived;
	}

}
