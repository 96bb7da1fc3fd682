package io.github.linkai.spring.test;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;
import tools.jackson.databind.node.ObjectNode;

/**
 * One provider's API as the {@link ProviderStub} serves it: how it reads and checks a
 * request and how it writes replies, stream events and errors. What every API does alike
 * (recording, scripting, faults, framing) is the stub's. Adding a provider to the stub is
 * one implementation of this interface.
 */
interface ProviderApi {

	/**
	 * The API as a person calls it, for the stub's own answers: {@code LinkAI},
	 * {@code Lingma}...
	 */
	String displayName();

	/** The endpoints this API serves. */
	List<StubEndpoint> endpoints();

	/**
	 * Reads a request as it came, for the record: nothing is checked yet and nothing
	 * fails here.
	 * @param body the body's text
	 * @param apiKey the credential the stub accepts
	 */
	StubRequest read(StubEndpoint endpoint, HttpServerRequest request, String body, String apiKey);

	/**
	 * Checks a request as the provider does: its credential (401), its body (400).
	 * @throws Rejection with the status and message the provider's document gives
	 */
	void check(StubRequest request);

	/** The stub's own answer: it echoes the question. */
	Turn echo(StubRequest request);

	/** A scripted answer, with what the provider adds to it (a session id...). */
	Turn turn(StubRequest request, List<String> chunks);

	/** The complete reply to a request that does not stream. */
	ObjectNode reply(StubRequest request, Turn turn);

	/**
	 * The {@code data:} payloads of a stream, end marker included where the provider has
	 * one.
	 */
	List<String> events(StubRequest request, Turn turn);

	/**
	 * The provider's error body for a status.
	 * @param message the message to send, else the one the provider documents for that
	 * status
	 */
	ObjectNode error(int status, @Nullable String message);

	/** Forgets what the API remembers between requests (sessions). */
	default void reset() {
	}

}
