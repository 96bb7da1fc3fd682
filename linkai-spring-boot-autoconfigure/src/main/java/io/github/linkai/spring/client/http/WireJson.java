package io.github.linkai.spring.client.http;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for provider wire records. The library's own, not the host application's: a host's
 * global Jackson settings (naming strategy, inclusion, failing on unknown fields) must not change what is
 * sent to a provider or break reading a reply that gained a field.
 */
public final class WireJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private WireJson() {
	}

	/**
	 * Where a parse failed ({@code line 1, column 12}), without the parser's message, which quotes the offending
	 * input.
	 */
	public static String describeLocation(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		return (location != null) ? "line " + location.getLineNr() + ", column " + location.getColumnNr()
				: "an unknown position";
	}

	/** The shared, thread-safe mapper. */
	public static JsonMapper mapper() {
		return MAPPER;
	}

}
