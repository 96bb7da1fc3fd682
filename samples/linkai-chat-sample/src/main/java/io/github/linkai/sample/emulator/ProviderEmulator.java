package io.github.linkai.sample.emulator;

import java.util.List;
import java.util.stream.Collectors;

import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An embedded HTTP server on 127.0.0.1 and a free port that emulates chat providers' APIs, so that an
 * application can run end to end with no API key and no network:
 *
 * <pre>{@code
 * try (ProviderEmulator emulator = ProviderEmulator.start(new LinkAiApi("Link_Demo", Duration.ofMillis(40)))) {
 *     // a LinkAI client with the key Link_Demo and the base URL emulator.baseUrl()
 * }
 * }</pre>
 *
 * Each provider is an {@link EmulatedApi}; their paths differ, so one emulator serves them all.
 */
public final class ProviderEmulator implements AutoCloseable {

	private static final String HOST = "127.0.0.1";

	private final DisposableServer server;

	private final List<EmulatedApi> apis;

	private ProviderEmulator(DisposableServer server, List<EmulatedApi> apis) {
		this.server = server;
		this.apis = apis;
	}

	/**
	 * Starts an emulator of the given APIs on a free port of 127.0.0.1; it serves until {@link #close()}.
	 * @param apis the provider APIs to serve, at least one
	 * @return the running emulator
	 */
	public static ProviderEmulator start(EmulatedApi... apis) {
		List<EmulatedApi> served = List.of(apis);
		if (served.isEmpty()) {
			throw new IllegalArgumentException("at least one API to emulate is required");
		}
		DisposableServer server = HttpServer.create()
			.host(HOST)
			.port(0)
			.route((routes) -> served.forEach((api) -> api.register(routes)))
			.bindNow();
		return new ProviderEmulator(server, served);
	}

	/** The port the emulator listens on. */
	public int port() {
		return this.server.port();
	}

	/** The base URL to configure a client with, {@code http://127.0.0.1:<port>}. */
	public String baseUrl() {
		return "http://" + HOST + ":" + port();
	}

	/** Stops the server; open connections are closed. */
	@Override
	public void close() {
		this.server.disposeNow();
	}

	@Override
	public String toString() {
		return "ProviderEmulator[" + baseUrl() + ", "
				+ this.apis.stream().map(EmulatedApi::provider).collect(Collectors.joining(", ")) + "]";
	}

}
