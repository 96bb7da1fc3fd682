package io.github.linkai.spring.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.DisposableBean;

/**
 * The clients' Reactor Netty connection pools, sized explicitly and closed with the
 * application context.
 */
class ConnectionPools implements DisposableBean {

	private final List<ConnectionProvider> pools = new CopyOnWriteArrayList<>();

	ConnectionProvider create(String clientName, LinkAiClientProperties.Pool properties) {
		ConnectionProvider pool = ConnectionProvider.builder("linkai-" + clientName)
			.maxConnections(properties.getMaxConnections())
			.pendingAcquireMaxCount(2 * properties.getMaxConnections())
			.pendingAcquireTimeout(properties.getPendingAcquireTimeout())
			.maxIdleTime(properties.getMaxIdleTime())
			// without it an idle connection is only closed when it is next acquired,
			// which may be never
			.evictInBackground(properties.getMaxIdleTime())
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
