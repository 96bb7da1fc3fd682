package io.github.linkai.sample.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.core.util.Separators.Spacing;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every emulated API does on the wire: read a JSON body, write a JSON reply, write a server-sent event
 * stream whose events arrive one by one.
 */
final class EmulatorHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// The providers' documents show their JSON as Python's json.dumps writes it, {"a": 1, "b": [2, 3]}:
	// the emulator writes the same bytes, so a client meets the documented spacing.
	private static final ObjectWriter WRITER = JSON.writer()
		.with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
			.withObjectNameValueSpacing(Spacing.AFTER)
			.withObjectEntrySpacing(Spacing.AFTER)
			.withArrayElementSpacing(Spacing.AFTER)
			.withObjectEmptySeparator("")
			.withArrayEmptySeparator(""))
			.withObjectIndenter(null)
			.withArrayIndenter(null));

	private EmulatorHttp() {
	}

	/** A new, empty JSON object; fields keep the order they are put in. */
	static ObjectNode object() {
		return JSON.createObjectNode();
	}

	/** The request body as text; empty when there is none. */
	static Mono<String> body(HttpServerRequest request) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("");
	}

	/** The request body as a JSON object, or a 400 rejection. */
	static ObjectNode parseObject(String body) {
		JsonNode node;
		try {
			node = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new Rejection(400, "Invalid request: the body is not valid JSON");
		}
		if (node instanceof ObjectNode object) {
			return object;
		}
		throw new Rejection(400, "Invalid request: the body must be a JSON object");
	}

	/** Writes a JSON value as the provider's documents show it. */
	static String write(JsonNode node) {
		return WRITER.writeValueAsString(node);
	}

	/** Sends a complete JSON reply. */
	static Mono<Void> json(HttpServerResponse response, int status, JsonNode body) {
		return response.status(status)
			.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.sendString(Mono.just(write(body)), StandardCharsets.UTF_8)
			.then();
	}

	/**
	 * Sends a server-sent event stream of {@code data:} events, each followed by a blank line, pausing
	 * {@code delay} before each so that a person watching sees the answer arrive.
	 */
	static Mono<Void> events(HttpServerResponse response, List<String> data, Duration delay) {
		Flux<String> events = Flux.fromIterable(data).map((item) -> "data: " + item + "\n\n");
		if (!delay.isZero()) {
			events = events.delayElements(delay);
		}
		return response.status(200)
			.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
			.header(HttpHeaderNames.CACHE_CONTROL, "no-cache")
			.sendString(events, StandardCharsets.UTF_8)
			.then();
	}

}
