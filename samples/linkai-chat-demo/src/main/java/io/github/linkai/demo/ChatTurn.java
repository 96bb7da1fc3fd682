package io.github.linkai.demo;

import org.jspecify.annotations.Nullable;

/**
 * One message sent to {@code POST /api/chat} (as JSON) or {@code GET /api/chat/stream}
 * (as query parameters).
 *
 * @param client the configured client's name, {@code default} when absent
 * @param message the user's message
 * @param memory {@code true} to ask the client's LinkAI memory chat, which keeps the
 * conversation on the server
 * @param sessionId the memory-chat session to continue; absent on the first turn, the
 * server assigns one
 */
public record ChatTurn(@Nullable String client, @Nullable String message, @Nullable Boolean memory,
		@Nullable String sessionId) {

	/** Whether this turn goes to the memory chat; absent means no. */
	boolean toMemory() {
		return Boolean.TRUE.equals(this.memory);
	}

}
