package io.github.linkai.spring.client.spi;

import java.util.List;
import java.util.Set;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.error.StatusMapping;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * One provider endpoint's wire format. The shared exchange validates, sends, maps errors
 * and decodes; the mapping only translates, so it holds no I/O and is tested without
 * HTTP.
 *
 * @param <R> the record a complete (non-streamed) reply, and each stream event's
 * {@code data}, binds to: every provider's events have the shape of its replies
 */
public interface WireMapping<R> {

	/**
	 * The provider's name: {@code linkai}, {@code lingma}, {@code jijyun} or
	 * {@code openai}.
	 */
	String provider();

	/** The base URL requests are relative to, e.g. {@code https://api.link-ai.tech}. */
	String baseUrl();

	/**
	 * The neutral options this endpoint has a field for; a request setting another one is
	 * rejected.
	 */
	Set<ChatOption> supportedOptions();

	/**
	 * The request features beyond the neutral options this endpoint can send; a request
	 * using another is rejected. None by default.
	 */
	default Set<RequestFeature> supportedFeatures() {
		return Set.of();
	}

	/**
	 * What is wrong with a request that uses a feature this endpoint cannot send, after
	 * the field's name: by default {@code is not supported by <provider>}; an endpoint
	 * may say what to use instead.
	 */
	default String unsupported(RequestFeature feature) {
		return "is not supported by " + provider();
	}

	/**
	 * Whether the endpoint keeps a server-side session ({@link ChatRequest#sessionId()}
	 * is sent).
	 */
	default boolean supportsSessionId() {
		return false;
	}

	/**
	 * The documented ranges of the options, checked for every request and once, when the
	 * client is created, for the client's defaults.
	 */
	default void validateOptions(ChatOptions options, Validation validation) {
	}

	/**
	 * The provider-specific rules for the messages and provider options, checked after
	 * the shared ones.
	 */
	void validate(ChatRequest request, Validation validation);

	/** The HTTP request for a validated request with client defaults applied. */
	WireRequest toWire(ChatRequest request, boolean stream);

	/** The type a complete reply and each stream event's data bind to. */
	Class<R> replyType();

	/** The neutral response for a complete reply. */
	ChatResponse toResponse(R reply, ExchangeContext context);

	/**
	 * The error object of a complete reply, if the reply is one: a successful status with
	 * the provider's error body then fails instead of passing for an empty answer.
	 */
	default @Nullable StreamError replyError(R reply) {
		return null;
	}

	/** The error object inside a stream event, if the event is one. */
	default @Nullable StreamError streamError(R event) {
		return null;
	}

	/**
	 * The neutral chunk for a stream event, or {@code null} to skip an event that carries
	 * nothing.
	 */
	@Nullable ChatChunk toChunk(R event, ExchangeContext context);

	/**
	 * Whether this event marks the end of the stream (by default {@code data: [DONE]}).
	 */
	default boolean isEndOfStream(StreamEvent event) {
		return event.dataEquals("[DONE]");
	}

	/** How HTTP error statuses map to exceptions. */
	default StatusMapping statusMapping() {
		return StatusMapping.standard();
	}

	/** Credentials this mapping sends, which must never appear in a message. */
	List<String> secrets();

	/**
	 * Wraps the transport, for a credential that must travel in the URL: added at the
	 * connector, the value never reaches the exchange's URI, observations or exceptions.
	 */
	default ClientHttpConnector decorate(ClientHttpConnector connector) {
		return connector;
	}

	/**
	 * Wraps the transport to send another key of the client's pool instead of the
	 * mapping's own, as {@link #decorate(ClientHttpConnector)} sends its own.
	 * @throws UnsupportedOperationException if the provider's client takes one key only
	 */
	default ClientHttpConnector decorate(ClientHttpConnector connector, String credential) {
		throw new UnsupportedOperationException(provider() + " clients take one key, not a pool");
	}

	/**
	 * The forms of another key of the client's pool that must never appear in a message,
	 * as {@link #secrets()} gives the mapping's own.
	 */
	default List<String> secrets(String credential) {
		return List.of(credential);
	}

}
