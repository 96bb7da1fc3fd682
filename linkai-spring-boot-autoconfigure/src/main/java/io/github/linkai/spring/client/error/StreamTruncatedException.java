package io.github.linkai.spring.client.error;

/**
 * The stream ended without the provider's end marker ({@code data: [DONE]} or a final finish reason): the
 * answer is incomplete.
 */
public class StreamTruncatedException extends StreamException {

	private final int chunksReceived;

	public StreamTruncatedException(String provider, String clientName, int chunksReceived) {
		super(provider, clientName, "Stream truncated: the connection ended after " + chunksReceived
				+ " chunk(s) without an end-of-stream marker; the answer is incomplete", null);
		this.chunksReceived = chunksReceived;
	}

	/** How many chunks arrived before the stream ended. */
	public int chunksReceived() {
		return this.chunksReceived;
	}

}
