package io.github.linkai.spring.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.linkai.spring.client.http.TimerWheelScheduler;
import org.jspecify.annotations.Nullable;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.DisposableBean;

/**
 * What the clients of one application context hold at run time and give back when it
 * closes: their Reactor Netty connection pools, sized explicitly (and published as
 * meters, with Micrometer), and a lease on the shared timer wheel (whose thread stops
 * with the last context that holds one).
 */
class ClientResources implements DisposableBean {

	private final List<ConnectionProvider> pools = new CopyOnWriteArrayList<>();

	private final TimerWheelScheduler timer = TimerWheelScheduler.lease();

	private final @Nullable ClientPoolMeters meters;

	/**
	 * Resources whose pools {@code meters} publishes.
	 * @param meters what publishes each pool, {@code null} for nothing
	 */
	ClientResources(@Nullable ClientPoolMeters meters) {
		this.meters = meters;
	}

	/** The timer of the clients' waits: deadlines, timeouts, backoffs. */
	TimerWheelScheduler timer() {
		return this.timer;
	}

	/** A connection pool of its own for the client of that name. */
	ConnectionProvider pool(String clientName, LinkAiClientProperties.Pool properties) {
		ConnectionProvider.Builder pool = ConnectionProvider.builder("linkai-" + clientName)
			.maxConnections(properties.getMaxConnections())
			.pendingAcquireMaxCount(2 * properties.getMaxConnections())
			.pendingAcquireTimeout(properties.getPendingAcquireTimeout())
			.maxIdleTime(properties.getMaxIdleTime())
			// without it an idle connection is only closed when it is next acquired,
			// which may be never
			.evictInBackground(properties.getMaxIdleTime());
		ClientPoolMeters meters = this.meters;
		if (meters != null) {
			pool.metrics(true, () -> meters.registrar(clientName));
		}
		ConnectionProvider built = pool.build();
		this.pools.add(built);
		return built;
	}

	@Override
	public void destroy() {
		this.pools.forEach(ConnectionProvider::dispose);
		this.pools.clear();
		this.timer.dispose();
	}

}
