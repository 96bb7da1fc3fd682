package io.github.linkai.spring.limits;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.linkai.spring.client.error.FailureKind;
import io.github.linkai.spring.client.fallback.FallbackListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.util.context.ContextView;

/**
 * The limits' and the fallback chains' meters, tagged by client
 * ({@code linkai.client.name}): {@code linkai.client.fallbacks} ({@code from},
 * {@code to}, {@code reason}), {@code linkai.client.limit.waits} ({@code limit}),
 * {@code linkai.client.limit.rejections} ({@code reason}), the gauges
 * {@code linkai.client.budget.remaining} (millionths of cost or tokens, by {@code unit}),
 * {@code linkai.client.breaker.state} (1 for the current {@code state}, 0 for the others)
 * and {@code linkai.client.keys.parked}; and the shared store's
 * {@code linkai.limits.store.outages}, {@code linkai.limits.store.decisions}
 * ({@code mode}) and {@code linkai.limits.store.dropped}. No meter is ever tagged with a
 * key.
 */
public class LimitsMeters implements LimitsListener, FallbackListener {

	private static final String CLIENT = "linkai.client.name";

	private static final String[] STATES = { "CLOSED", "OPEN", "HALF_OPEN" };

	private final MeterRegistry registry;

	private final Set<String> gauged = ConcurrentHashMap.newKeySet();

	public LimitsMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onFallback(String from, String to, FailureKind reason, ContextView context) {
		Counter.builder("linkai.client.fallbacks")
			.description("Calls a client of a fallback chain passed on to the next")
			.tags("from", from, "to", to, "reason", reason.tagValue())
			.register(this.registry)
			.increment();
	}

	@Override
	public void waited(String clientName, String limit, Duration waited) {
		Timer.builder("linkai.client.limit.waits")
			.description("Waits of calls for a place in flight or a request of the request rate")
			.tags(CLIENT, clientName, "limit", limit)
			.register(this.registry)
			.record(waited);
	}

	@Override
	public void rejected(String clientName, String reason) {
		Counter.builder("linkai.client.limit.rejections")
			.description("Calls refused before they were sent")
			.tags(CLIENT, clientName, "reason", reason)
			.register(this.registry)
			.increment();
	}

	@Override
	public void storeOutage() {
		this.registry.counter("linkai.limits.store.outages").increment();
	}

	@Override
	public void storeDecision(String mode) {
		this.registry.counter("linkai.limits.store.decisions", "mode", mode).increment();
	}

	@Override
	public void storeDropped() {
		this.registry.counter("linkai.limits.store.dropped").increment();
	}

	@Override
	public void gatesMade(Limits limits) {
		for (String client : limits.clientNames()) {
			if (!this.gauged.add(client)) {
				continue;
			}
			Gauge.builder("linkai.client.budget.remaining", limits, (all) -> remaining(all, client))
				.description("What is left of the client's budget for the current period")
				.tags(CLIENT, client, "unit", unit(limits, client))
				.register(this.registry);
			Gauge.builder("linkai.client.keys.parked", limits, (all) -> all.parkedKeys(client))
				.description("Keys of the client's pool resting after a rejection or exhausted credit")
				.tag(CLIENT, client)
				.register(this.registry);
			if (limits.breakerState(client) != null) {
				for (String state : STATES) {
					Gauge
						.builder("linkai.client.breaker.state", limits,
								(all) -> state.equals(all.breakerState(client)) ? 1 : 0)
						.description("The client's circuit breaker: 1 for its state")
						.tags(CLIENT, client, "state", state.toLowerCase(Locale.ROOT))
						.register(this.registry);
				}
			}
		}
	}

	private static double remaining(Limits limits, String client) {
		Long remaining = limits.budgetRemaining(client);
		return (remaining != null) ? remaining : Double.NaN;
	}

	private static String unit(Limits limits, String client) {
		Object budget = limits.details(client).get("budget");
		return (budget instanceof java.util.Map<?, ?> details && details.get("unit") instanceof String unit) ? unit
				: "none";
	}

}
