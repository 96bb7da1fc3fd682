package io.github.linkai.spring.autoconfigure;

import reactor.netty.resources.ConnectionProvider;

/**
 * What publishes a client's Reactor Netty connection pool, when Micrometer is there to
 * publish it to: the observation auto-configuration's bean, which {@link ClientResources}
 * asks for each pool it makes. A type of Reactor Netty's in its signature only, so that
 * the pools are built the same with Micrometer absent.
 */
@FunctionalInterface
interface ClientPoolMeters {

	/** The registrar of the pool of the client of that name. */
	ConnectionProvider.MeterRegistrar registrar(String clientName);

}
