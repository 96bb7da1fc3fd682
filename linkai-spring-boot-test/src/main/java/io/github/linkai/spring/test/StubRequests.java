package io.github.linkai.spring.test;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Request matchers for {@link ProviderStub#on(Predicate)}; combine them with
 * {@link Predicate#and}: {@code on(provider("lingma").and(contentContains("慢")))}.
 */
public final class StubRequests {

	private StubRequests() {
	}

	/** Every request. */
	public static Predicate<StubRequest> any() {
		return (request) -> true;
	}

	/**
	 * Requests to this provider's endpoints ({@code linkai}, {@code lingma},
	 * {@code jijyun}, {@code openai}).
	 */
	public static Predicate<StubRequest> provider(String provider) {
		Objects.requireNonNull(provider, "provider must not be null");
		return (request) -> request.provider().equals(provider);
	}

	/** Requests to this endpoint. */
	public static Predicate<StubRequest> endpoint(StubEndpoint endpoint) {
		Objects.requireNonNull(endpoint, "endpoint must not be null");
		return (request) -> request.endpoint() == endpoint;
	}

	/**
	 * Requests whose {@link StubRequest#content() content} (the question asked) contains
	 * this text.
	 */
	public static Predicate<StubRequest> contentContains(String text) {
		Objects.requireNonNull(text, "text must not be null");
		return (request) -> request.content() != null && request.content().contains(text);
	}

	/** Requests that ask for a stream. */
	public static Predicate<StubRequest> streaming() {
		return StubRequest::stream;
	}

	/** Requests that offer the model tools ({@code tools} not empty). */
	public static Predicate<StubRequest> hasTools() {
		return (request) -> !request.toolNames().isEmpty();
	}

	/**
	 * Requests whose last message has this role: {@code tool} for a request that sends
	 * tool results back.
	 */
	public static Predicate<StubRequest> lastMessageRole(String role) {
		Objects.requireNonNull(role, "role must not be null");
		return (request) -> role.equals(request.lastMessageRole());
	}

}
