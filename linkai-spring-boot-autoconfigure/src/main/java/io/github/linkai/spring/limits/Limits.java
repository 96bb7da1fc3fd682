package io.github.linkai.spring.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.github.linkai.spring.client.admission.CallGate;
import io.github.linkai.spring.client.admission.PriceTable;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The limits of every client of an application: one gate per client, over one store (this
 * instance's memory, or Redis shared by every instance). With a shared store, each
 * instance writes an open breaker or a resting key when it happens and reads the others'
 * every sync interval (one read for all clients): no round trip per call. Also what the
 * meters and the health details read: each client's breaker, keys and budget.
 */
public final class Limits implements AutoCloseable {

	private final LimitStore store;

	private final Context context;

	private final Map<String, LimitsCallGate> gates = new ConcurrentHashMap<>();

	private volatile @Nullable Disposable sync;

	Limits(LimitStore store, Context context) {
		this.store = store;
		this.context = context;
	}

	/** Limits kept in this instance's memory. */
	public static Limits inMemory(Context context) {
		return new Limits(new MemoryLimitStore(context.clock(), context.scheduler()), context);
	}

	/**
	 * The gate of a client, made once; {@link CallGate#NONE} for a client without limits,
	 * budget, breaker or key pool.
	 */
	public CallGate gate(ClientLimits client) {
		if (!client.isLimited()) {
			return CallGate.NONE;
		}
		return this.gates.computeIfAbsent(client.clientName(),
				(name) -> new LimitsCallGate(client, this.store, this.context.prices(), this.context.clock(),
						this.context.scheduler(), this.context.listener(), this.context.keyPrefix()));
	}

	/** Tells the listener that the clients' gates are made. */
	public void gatesMade() {
		this.context.listener().gatesMade(this);
	}

	/** The names of the clients with a gate. */
	public List<String> clientNames() {
		return List.copyOf(this.gates.keySet());
	}

	/** Whether the limits are shared by every instance. */
	public boolean isShared() {
		return this.store.isShared();
	}

	/**
	 * Whether the store of the limits can be reached now: for a shared one, connected and
	 * not taken as unavailable.
	 */
	public boolean isStoreAvailable() {
		return this.store.isAvailable();
	}

	/** The state of a client's breaker, {@code null} when it has none. */
	public @Nullable String breakerState(String clientName) {
		LimitsCallGate gate = this.gates.get(clientName);
		ClientBreaker breaker = (gate != null) ? gate.breaker() : null;
		return (breaker != null) ? breaker.state().name() : null;
	}

	/** What is left of a client's budget in its unit, {@code null} when not known. */
	public @Nullable Long budgetRemaining(String clientName) {
		LimitsCallGate gate = this.gates.get(clientName);
		return (gate != null) ? gate.budget().remaining() : null;
	}

	/** How many of a client's keys are parked. */
	public int parkedKeys(String clientName) {
		LimitsCallGate gate = this.gates.get(clientName);
		return (gate != null) ? gate.keys().parked() : 0;
	}

	/**
	 * A client's breaker, keys (by position, never by value) and budget, as health shows
	 * them; empty for a client without a gate.
	 */
	public Map<String, Object> details(String clientName) {
		LimitsCallGate gate = this.gates.get(clientName);
		if (gate == null) {
			return Map.of();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		ClientBreaker breaker = gate.breaker();
		if (breaker != null) {
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("state", breaker.state().name());
			if (breaker.state() == CircuitBreaker.State.OPEN && breaker.openUntil() != null) {
				state.put("retryAt", Objects.requireNonNull(breaker.openUntil()).toString());
			}
			details.put("breaker", state);
		}
		if (gate.keys().size() > 1) {
			List<Map<String, Object>> keys = new ArrayList<>();
			for (KeyRing.KeyState key : gate.keys().states()) {
				Map<String, Object> state = new LinkedHashMap<>();
				state.put("position", key.position());
				state.put("state", key.state());
				if (key.reason() != null) {
					state.put("reason", key.reason());
					state.put("until", String.valueOf(key.until()));
				}
				keys.add(state);
			}
			details.put("keys", keys);
		}
		ClientBudget budget = gate.budget();
		if (budget.limit() > 0) {
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("unit", (budget.settings.getCost() != null) ? "micros" : "tokens");
			state.put("limit", budget.limit());
			if (budget.period() != null) {
				state.put("period", budget.period());
			}
			if (budget.remaining() != null) {
				state.put("remaining", budget.remaining());
			}
			details.put("budget", state);
		}
		return details;
	}

	/**
	 * Starts reading the states other instances shared, every {@code interval}; nothing
	 * to do with a store of this instance alone.
	 */
	public synchronized void startSync(Duration interval) {
		if (!this.store.isShared() || this.sync != null) {
			return;
		}
		this.sync = Flux.interval(interval, interval, this.context.scheduler())
			.onBackpressureDrop()
			.concatMap((tick) -> syncOnce().onErrorComplete(), 1)
			.subscribe();
	}

	/** Reads the states other instances shared, once, and applies them. */
	Mono<Void> syncOnce() {
		List<LimitsCallGate> gates = List.copyOf(this.gates.values());
		List<String> keys = new ArrayList<>();
		gates.forEach((gate) -> keys.addAll(gate.shared().all()));
		if (keys.isEmpty()) {
			return Mono.empty();
		}
		return this.store.get(keys).doOnNext((values) -> gates.forEach((gate) -> gate.applyShared(values))).then();
	}

	@Override
	public synchronized void close() {
		Disposable sync = this.sync;
		if (sync != null) {
			sync.dispose();
			this.sync = null;
		}
		if (this.store instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// closing the store's own connection: nothing left to do
			}
		}
	}

	/**
	 * What every client's gate shares.
	 *
	 * @param prices the price table
	 * @param clock the clock of rates, budgets and breakers
	 * @param scheduler where waits are timed
	 * @param listener told what the limits did
	 * @param keyPrefix the first part of every shared key
	 */
	public record Context(PriceTable prices, Clock clock, Scheduler scheduler, LimitsListener listener,
			String keyPrefix) {

		public Context {
			Objects.requireNonNull(prices, "prices must not be null");
			Objects.requireNonNull(clock, "clock must not be null");
			Objects.requireNonNull(scheduler, "scheduler must not be null");
			Objects.requireNonNull(listener, "listener must not be null");
			Objects.requireNonNull(keyPrefix, "keyPrefix must not be null");
		}

	}

}
