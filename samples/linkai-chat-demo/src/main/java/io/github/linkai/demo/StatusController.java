package io.github.linkai.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.linkai.spring.client.ChatClientRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures of the page's status panel, from the meters the starter records for every
 * call (what an operator would chart from {@code /actuator/prometheus}). The clients'
 * health comes from {@code /actuator/health} itself.
 */
@RestController
@RequestMapping("/api")
class StatusController {

	/** The tag that names the configured client on every meter of the starter. */
	private static final String CLIENT_TAG = "linkai.client.name";

	private final ChatClientRegistry clients;

	private final @Nullable MeterRegistry meters;

	StatusController(ChatClientRegistry clients, ObjectProvider<MeterRegistry> meters) {
		this.clients = clients;
		this.meters = meters.getIfAvailable();
	}

	/** Each configured client's figures, in configuration order. */
	@GetMapping("/status")
	List<ClientFigures> status() {
		return this.clients.names().stream().map(this::figures).toList();
	}

	private ClientFigures figures(String name) {
		MeterRegistry meters = this.meters;
		if (meters == null) {
			return new ClientFigures(name, 0, 0, 0, null, 0, 0, null);
		}
		long calls = 0;
		long failures = 0;
		for (Timer timer : search(meters, "gen_ai.client.operation.duration", name).timers()) {
			calls += timer.count();
			String error = timer.getId().getTag("error.type");
			// a stream the reader cancelled did not fail
			if (!"none".equals(error) && !"cancelled".equals(error)) {
				failures += timer.count();
			}
		}
		long firstChunks = 0;
		double firstChunkNanos = 0;
		for (Timer timer : search(meters, "gen_ai.client.operation.time_to_first_chunk", name).timers()) {
			firstChunks += timer.count();
			firstChunkNanos += timer.totalTime(TimeUnit.NANOSECONDS);
		}
		Long firstChunkMillis = (firstChunks > 0) ? Math.round(firstChunkNanos / firstChunks / 1_000_000) : null;
		double cost = sum(search(meters, "linkai.client.cost", name));
		return new ClientFigures(name, calls, failures, (long) sum(search(meters, "linkai.client.retries", name)),
				firstChunkMillis, tokens(meters, name, "input"), tokens(meters, name, "output"),
				(cost > 0) ? BigDecimal.valueOf(cost).stripTrailingZeros() : null);
	}

	private static long tokens(MeterRegistry meters, String name, String type) {
		return Math.round(search(meters, "gen_ai.client.token.usage", name).tag("gen_ai.token.type", type)
			.summaries()
			.stream()
			.mapToDouble(DistributionSummary::totalAmount)
			.sum());
	}

	private static double sum(Search search) {
		return search.counters().stream().mapToDouble(Counter::count).sum();
	}

	private static Search search(MeterRegistry meters, String meter, String client) {
		return meters.find(meter).tag(CLIENT_TAG, client);
	}

}
