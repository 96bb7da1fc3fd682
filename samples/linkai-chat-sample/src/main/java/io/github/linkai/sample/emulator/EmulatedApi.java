package io.github.linkai.sample.emulator;

import reactor.netty.http.server.HttpServerRoutes;

/**
 * One provider's API as the {@link ProviderEmulator} serves it: its routes, request checks and reply
 * formats. Adding a provider to the emulator is one implementation of this interface.
 */
public interface EmulatedApi {

	/** The provider's name, e.g. {@code linkai}. */
	String provider();

	/** Adds this API's endpoints to the emulator's routes; paths must not clash with other providers'. */
	void register(HttpServerRoutes routes);

}
