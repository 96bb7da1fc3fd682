package io.github.linkai.spring.observation;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/**
 * Each client's Reactor Netty connection pool as gauges, so that an operator sees the
 * pool fill up before calls are refused for want of a connection. Tagged
 * {@code linkai.client.name} (as the call meters are), {@code server.address} and
 * {@code server.port}:
 * <ul>
 * <li>{@code linkai.client.pool.connections.active}: connections in use (one per call in
 * flight or stream open)</li>
 * <li>{@code linkai.client.pool.connections.idle}: open connections waiting for a
 * call</li>
 * <li>{@code linkai.client.pool.connections.max}: the most the pool opens
 * ({@code pool.max-connections})</li>
 * <li>{@code linkai.client.pool.pending}: calls waiting for a connection</li>
 * <li>{@code linkai.client.pool.pending.max}: the most that may wait; one more is refused
 * at once</li>
 * </ul>
 * Reactor Netty registers a pool with the {@link #registrar(String) registrar} of its
 * client when it first connects to an address, and removes it when the pool is disposed.
 */
public final class ConnectionPoolMeters {

	private static final String PREFIX = "linkai.client.pool.";

	private final MeterRegistry registry;

	private final Map<String, List<Meter>> registered = new ConcurrentHashMap<>();

	public ConnectionPoolMeters(MeterRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
	}

	/** What publishes the pool of the client of that name. */
	public ConnectionProvider.MeterRegistrar registrar(String clientName) {
		return new ConnectionProvider.MeterRegistrar() {

			@Override
			public void registerMetrics(String poolName, String id, SocketAddress remoteAddress,
					ConnectionPoolMetrics metrics) {
				register(clientName, id, remoteAddress, metrics);
			}

			@Override
			public void deRegisterMetrics(String poolName, String id, SocketAddress remoteAddress) {
				List<Meter> meters = ConnectionPoolMeters.this.registered.remove(key(clientName, id, remoteAddress));
				if (meters != null) {
					meters.forEach(ConnectionPoolMeters.this.registry::remove);
				}
			}

		};
	}

	private void register(String clientName, String id, SocketAddress remoteAddress, ConnectionPoolMetrics metrics) {
		Tags tags = Tags.of("linkai.client.name", clientName).and(addressTags(remoteAddress));
		List<Meter> meters = List.of(
				gauge("connections.active", "Connections in use", tags, metrics, ConnectionPoolMetrics::acquiredSize),
				gauge("connections.idle", "Open connections waiting for a call", tags, metrics,
						ConnectionPoolMetrics::idleSize),
				gauge("connections.max", "The most connections the pool opens", tags, metrics,
						ConnectionPoolMetrics::maxAllocatedSize),
				gauge("pending", "Calls waiting for a connection", tags, metrics,
						ConnectionPoolMetrics::pendingAcquireSize),
				gauge("pending.max", "The most calls that may wait for a connection", tags, metrics,
						ConnectionPoolMetrics::maxPendingAcquireSize));
		this.registered.put(key(clientName, id, remoteAddress), meters);
	}

	private static String key(String clientName, String id, SocketAddress remoteAddress) {
		return clientName + " " + id + " " + remoteAddress;
	}

	private Gauge gauge(String name, String description, Tags tags, ConnectionPoolMetrics metrics,
			ToDoubleFunction<ConnectionPoolMetrics> value) {
		// held strongly: Reactor Netty hands over a view made for the registrar, which
		// nothing else holds
		return Gauge.builder(PREFIX + name, metrics, value)
			.description(description)
			.tags(tags)
			.strongReference(true)
			.register(this.registry);
	}

	private static Tags addressTags(SocketAddress address) {
		if (address instanceof InetSocketAddress inet) {
			return Tags.of("server.address", inet.getHostString(), "server.port", String.valueOf(inet.getPort()));
		}
		return Tags.of("server.address", String.valueOf(address), "server.port", "");
	}

}
