package io.github.linkai.spring.client.admission;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One call as a {@link CallGate} sees it before it starts.
 *
 * @param provider the provider's id
 * @param clientName the configured client
 * @param model the model requested (the client's default applied), if known: prices and
 * budgets look it up
 * @param stream whether the answer is streamed
 * @param stateful whether the server keeps the conversation (memory chat)
 * @param deadline when the whole call must have ended, waits and retries included
 */
public record CallInfo(String provider, String clientName, @Nullable String model, boolean stream, boolean stateful,
		Instant deadline) {

	public CallInfo {
		Objects.requireNonNull(provider, "provider must not be null");
		Objects.requireNonNull(clientName, "clientName must not be null");
		Objects.requireNonNull(deadline, "deadline must not be null");
	}

}
