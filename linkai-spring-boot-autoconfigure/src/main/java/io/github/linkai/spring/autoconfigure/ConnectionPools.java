package io.github.linkai.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.DisposableBean;

/**
 * The clients' Reactor Netty connection pools, sized explicitly and closed with the application context.
 */
class ConnectionPools implements DisposableBean {

	static final int DEFAULT_MAX_CONNECTIONS = 500;

	static final Duration DEFAULT_PENDING_ACQUIRE_TIMEOUT = Duration.ofSeconds(45);

	static final Duration DEFAULT_MAX_IDLE_TIME = Duration.ofSeconds(30);

	private final List<ConnectionProvider> pools = new CopyOnWriteArrayList<>();

	ConnectionProvider create(String clientName, LinkAiClientProperties.Pool properties) {
		int maxConnections = (properties.getMaxConnections() != null) ? properties.getMaxConnections()
				: DEFAULT_MAX_CONNECTIONS;
		ConnectionProvider pool = ConnectionProvider.builder("linkai-" + clientName)
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(2 * maxConnections)
			.pendingAcquireTimeout((properties.getPendingAcquireTimeout() != null)
					? properties.getPendingAcquireTimeout() : DEFAULT_PENDING_ACQUIRE_TIMEOUT)
			.maxIdleTime((properties.getMaxIdleTime() != null) ? properties.getMaxIdleTime() : DEFAULT_MAX_IDLE_TIME)
			.build();
		this.pools.add(pool);
		return pool;
	}

	@Override
	public void destroy() {
		this.pools.forEach(ConnectionProvider::dispose);
		this.pools.clear();
	}

}
