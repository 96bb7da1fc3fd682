package io.github.linkai.spring.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.github.linkai.spring.client.ChatClientTarget;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.http.CallObserver;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

import org.springframework.boot.health.contributor.Health;

/**
 * Passive health: told by every client how each of its calls ended (it is a
 * {@link CallObserver}), it keeps a short memory per client and judges the client's
 * health from it, without a call of its own. The rules, in order, from the latest call
 * that says something about the provider (a {@link CallOutcome#CLIENT_ERROR} never does):
 * <ul>
 * <li>none yet: {@code UNKNOWN};</li>
 * <li>a success: {@code UP};</li>
 * <li>the credential rejected or the quota used up, within the window:
 * {@code OUT_OF_SERVICE}, whose status description and {@code reason} detail
 * ({@code CREDENTIAL_REJECTED}, {@code QUOTA_EXHAUSTED}) say what to do;</li>
 * <li>{@code failureThreshold} provider-side failures in a row, all within the window:
 * {@code DOWN};</li>
 * <li>fewer: the state before them ({@code UP} after an earlier success, else
 * {@code UNKNOWN});</li>
 * <li>bad evidence older than the window: {@code UNKNOWN}, so that a client taken out of
 * readiness gets the traffic that shows it recovered.</li>
 * </ul>
 * One success ends any bad state. Reading the health never blocks and never calls the
 * provider.
 */
public class ChatClientHealthTracker implements CallObserver {

	private final PassiveHealthSettings settings;

	private final Clock clock;

	private final Map<String, ClientCalls> clients = new ConcurrentHashMap<>();

	/**
	 * What each client's calls are followed by: one per client, holding no state of a
	 * call.
	 */
	private final Map<String, Call> followers = new ConcurrentHashMap<>();

	/**
	 * A tracker judging by {@code settings}.
	 * @param clock the clock of the window and of the times shown
	 */
	public ChatClientHealthTracker(PassiveHealthSettings settings, Clock clock) {
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public Call start(CallStart call, ContextView context) {
		return this.followers.computeIfAbsent(call.clientName(), ClientCallFollower::new);
	}

	/** Records that a call of that client completed. */
	public void onSuccess(String clientName) {
		record(clientName, CallOutcome.SUCCESS, null);
	}

	/**
	 * Records that a call of that client failed; a cancelled call is reported neither
	 * way, and a call this application refused itself is not recorded.
	 */
	public void onFailure(String clientName, Throwable error) {
		CallOutcome outcome = CallOutcome.of(error);
		if (outcome != CallOutcome.REJECTED_LOCALLY) {
			record(clientName, outcome, error);
		}
	}

	private void record(String clientName, CallOutcome outcome, @Nullable Throwable error) {
		calls(clientName).record(this.clock.instant(), outcome, error);
	}

	/** The health of the client of that name, from the calls it made so far. */
	public Health health(String clientName, ChatClientTarget target) {
		return health(clientName, target, Map.of());
	}

	/**
	 * The health of the client of that name, with {@code extraDetails} added to its
	 * details.
	 */
	public Health health(String clientName, ChatClientTarget target, Map<String, Object> extraDetails) {
		return calls(clientName).health(this.clock.instant(), target, extraDetails);
	}

	/**
	 * When a call of that client last ended in a way that says something about the
	 * provider, or {@code null}.
	 */
	public @Nullable Instant lastEvidence(String clientName) {
		ClientCalls calls = this.clients.get(clientName);
		return (calls != null) ? calls.lastEvidenceTime() : null;
	}

	/** The clock of the window. */
	public Clock clock() {
		return this.clock;
	}

	private ClientCalls calls(String clientName) {
		return this.clients.computeIfAbsent(clientName, (name) -> new ClientCalls(this.settings));
	}

	/** Tells the tracker how a client's calls end; a cancelled call says nothing. */
	private final class ClientCallFollower implements Call {

		private final String clientName;

		ClientCallFollower(String clientName) {
			this.clientName = clientName;
		}

		@Override
		public void succeeded(@Nullable ChatResponse response) {
			onSuccess(this.clientName);
		}

		@Override
		public void failed(Throwable error) {
			onFailure(this.clientName, error);
		}

	}

}
