package io.github.linkai.spring.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The active probe of one client: a real chat call, made only when a health check asks
 * and no call of the client has said anything about the provider within the interval.
 * Concurrent checks share the one call in flight. The call goes through the client, so
 * the tracker learns its outcome as it learns any call's; only a probe that runs out of
 * time (and is cancelled, which the client reports neither way) is recorded here.
 *
 * <p>
 * Nothing here blocks: the call is subscribed to, not waited for, and a health check that
 * gives up does not cancel it.
 */
final class ChatClientProbe {

	private final ChatClient client;

	private final ChatClientHealthTracker tracker;

	private final ProbeSettings settings;

	private final Object lock = new Object();

	private @Nullable Mono<Void> inFlight;

	private @Nullable Instant lastStart;

	private volatile @Nullable String lastResult;

	ChatClientProbe(ChatClient client, ChatClientHealthTracker tracker, ProbeSettings settings) {
		this.client = client;
		this.tracker = tracker;
		this.settings = settings;
	}

	/**
	 * Completes when the client's state is fresh: at once, or when the probe this call
	 * started or joined ends.
	 */
	Mono<Void> refresh() {
		Sinks.Empty<Void> done;
		synchronized (this.lock) {
			if (this.inFlight != null) {
				return this.inFlight;
			}
			Instant now = this.tracker.clock().instant();
			if (isRecent(this.lastStart, now) || isRecent(this.tracker.lastEvidence(this.client.name()), now)) {
				return Mono.empty();
			}
			this.lastStart = now;
			done = Sinks.empty();
			this.inFlight = done.asMono();
		}
		// deferred: a client that throws instead of signalling must not leave the probe
		// in flight forever
		Mono.defer(() -> this.client.chatReactive(ChatRequest.of(this.settings.message())))
			.timeout(this.settings.timeout())
			.subscribe((reply) -> {
			}, (error) -> finish(done, error), () -> finish(done, null));
		return done.asMono();
	}

	private boolean isRecent(@Nullable Instant time, Instant now) {
		return time != null && now.isBefore(time.plus(this.settings.interval()));
	}

	private void finish(Sinks.Empty<Void> done, @Nullable Throwable error) {
		if (error instanceof TimeoutException) {
			// our own timeout cancelled the call, so the client reported nothing
			error = new ChatTimeoutException(this.client.provider(), this.client.name(),
					"Health probe got no answer within " + this.settings.timeout(), null);
			this.tracker.onFailure(this.client.name(), error);
		}
		this.lastResult = (error != null) ? error.getClass().getSimpleName() : "SUCCESS";
		synchronized (this.lock) {
			this.inFlight = null;
		}
		done.tryEmitEmpty();
	}

	/** The probe's settings and last result, for the health details. */
	Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("interval", this.settings.interval().toString());
		Instant lastStart;
		synchronized (this.lock) {
			lastStart = this.lastStart;
		}
		if (lastStart != null) {
			details.put("lastCall", lastStart.toString());
		}
		String lastResult = this.lastResult;
		if (lastResult != null) {
			details.put("lastResult", lastResult);
		}
		return details;
	}

}
