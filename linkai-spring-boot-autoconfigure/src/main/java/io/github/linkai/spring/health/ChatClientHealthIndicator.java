package io.github.linkai.spring.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientTarget;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * The health of one chat client, as its {@link ChatClientHealthTracker} judges it from
 * the client's calls, with its target (provider, host, app code or organization) in the
 * details and never a credential.
 *
 * <p>
 * Reactive, because the optional probe is a call of the (reactive) client: the health is
 * a {@link Mono} that never blocks a thread, so Boot's reactive health endpoint may
 * evaluate it on an event loop, and the servlet one waits for it on its own request
 * thread (at most the probe's timeout). Without a probe it is computed from memory at
 * once.
 */
public class ChatClientHealthIndicator implements ReactiveHealthIndicator {

	private final String clientName;

	private final ChatClientTarget target;

	private final ChatClientHealthTracker tracker;

	private final @Nullable ChatClientProbe probe;

	private final Supplier<Map<String, Object>> details;

	/**
	 * The health of {@code client}.
	 * @param target what the client talks to
	 * @param tracker the tracker the client reports its calls to
	 * @param probe the active probe's settings, {@code null} for passive health only
	 */
	public ChatClientHealthIndicator(ChatClient client, ChatClientTarget target, ChatClientHealthTracker tracker,
			@Nullable ProbeSettings probe) {
		this(client, target, tracker, probe, Map::of);
	}

	/**
	 * The health of {@code client}, with more details, read at each check (its circuit
	 * breaker, its keys by position, its budget).
	 * @param target what the client talks to
	 * @param tracker the tracker the client reports its calls to
	 * @param probe the active probe's settings, {@code null} for passive health only
	 * @param details more details of the client
	 */
	public ChatClientHealthIndicator(ChatClient client, ChatClientTarget target, ChatClientHealthTracker tracker,
			@Nullable ProbeSettings probe, Supplier<Map<String, Object>> details) {
		Objects.requireNonNull(client, "client must not be null");
		this.details = Objects.requireNonNull(details, "details must not be null");
		this.clientName = client.name();
		this.target = Objects.requireNonNull(target, "target must not be null");
		this.tracker = Objects.requireNonNull(tracker, "tracker must not be null");
		this.probe = (probe != null) ? new ChatClientProbe(client, tracker, probe) : null;
	}

	@Override
	public Mono<Health> health() {
		Mono<Health> passive = Mono.fromSupplier(() -> this.tracker.health(this.clientName, this.target, details()));
		ChatClientProbe probe = this.probe;
		return (probe != null) ? Mono.defer(probe::refresh).then(passive) : passive;
	}

	private Map<String, Object> details() {
		Map<String, Object> more = this.details.get();
		if (this.probe == null) {
			return more;
		}
		Map<String, Object> details = new LinkedHashMap<>(more);
		details.put("probe", this.probe.details());
		return details;
	}

}
