package io.github.linkai.spring.test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.core.util.Separators.Spacing;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every stubbed API does on the wire: read a body, parse JSON, write JSON the way
 * the documents show it.
 */
final class StubHttp {

	/** What a credential is replaced with in recorded requests. */
	static final String MASK = "******";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// The providers' documents show their JSON as Python's json.dumps writes it, {"a": 1,
	// "b": [2, 3]}:
	// the stub writes the same bytes, so a client meets the documented spacing.
	private static final ObjectWriter WRITER = JSON.writer()
		.with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
			.withObjectNameValueSpacing(Spacing.AFTER)
			.withObjectEntrySpacing(Spacing.AFTER)
			.withArrayElementSpacing(Spacing.AFTER)
			.withObjectEmptySeparator("")
			.withArrayEmptySeparator("")).withObjectIndenter(null).withArrayIndenter(null));

	private StubHttp() {
	}

	/** A new, empty JSON object; fields keep the order they are put in. */
	static ObjectNode object() {
		return JSON.createObjectNode();
	}

	/** The request body as text; empty when there is none. */
	static Mono<String> body(HttpServerRequest request) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("");
	}

	/** The body as JSON, or a missing node when it is not JSON. */
	static JsonNode parse(String body) {
		try {
			return body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

	/** The body as a JSON object, or a 400 rejection. */
	static ObjectNode object(StubRequest request) {
		if (request.body() instanceof ObjectNode object) {
			return object;
		}
		throw new Rejection(400, request.body().isMissingNode() ? "Invalid request: the body is not valid JSON"
				: "Invalid request: the body must be a JSON object");
	}

	/** Writes a JSON value as the provider's documents show it. */
	static String write(JsonNode node) {
		return WRITER.writeValueAsString(node);
	}

	/** The request's path, without the query. */
	static String path(HttpServerRequest request) {
		return new QueryStringDecoder(request.uri()).path();
	}

	/**
	 * The query parameters, the first value of each, each value passed through
	 * {@code mask}.
	 */
	static Map<String, String> query(HttpServerRequest request, UnaryOperator<Map.Entry<String, String>> mask) {
		Map<String, String> query = new LinkedHashMap<>();
		new QueryStringDecoder(request.uri()).parameters().forEach((name, values) -> {
			String first = values.isEmpty() ? "" : values.get(0);
			query.put(name, mask.apply(Map.entry(name, first)).getValue());
		});
		return query;
	}

	/**
	 * The headers by lower-case name, a repeated one's values joined, {@code masked}
	 * headers' values replaced.
	 */
	static Map<String, String> headers(HttpServerRequest request, List<String> masked) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : request.requestHeaders().names()) {
			String lower = name.toLowerCase(Locale.ROOT);
			String value = String.join(", ", request.requestHeaders().getAll(name));
			headers.put(lower, masked.contains(lower) ? maskCredential(value) : value);
		}
		return headers;
	}

	/**
	 * {@code Bearer <key>} as {@code Bearer ******}, any other value as {@code ******}.
	 */
	private static String maskCredential(String value) {
		int space = value.indexOf(' ');
		return (space > 0) ? value.substring(0, space + 1) + MASK : MASK;
	}

}
