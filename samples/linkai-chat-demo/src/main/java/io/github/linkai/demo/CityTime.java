package io.github.linkai.demo;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.linkai.spring.client.JsonSchema;
import io.github.linkai.spring.client.ToolArgumentsException;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.ToolDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The demo's one local tool, {@code current_time}: the current local time in a city the
 * demo knows (a few Chinese and world cities, in Chinese or English). What a real
 * application's tool would be in a few lines: its definition for the model, and running a
 * call the model asked for.
 */
final class CityTime {

	/** The tool as the model sees it. */
	static final ToolDefinition DEFINITION = ToolDefinition
		.of("current_time", "The current local time in a city, e.g. Shanghai, 北京, Tokyo, London or New York", JsonSchema
			.parse("""
					{"type": "object",
					 "properties": {"city": {"type": "string", "description": "The city's name, in English or Chinese"}},
					 "required": ["city"], "additionalProperties": false}"""));

	private static final Map<String, ZoneId> CITIES = cities();

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (zzz)",
			Locale.ENGLISH);

	private final Clock clock;

	CityTime(Clock clock) {
		this.clock = clock;
	}

	private static Map<String, ZoneId> cities() {
		Map<String, ZoneId> cities = new LinkedHashMap<>();
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		for (String name : new String[] { "Shanghai", "上海", "Beijing", "北京", "Hangzhou", "杭州", "Shenzhen", "深圳" }) {
			cities.put(name, shanghai);
		}
		cities.put("Hong Kong", ZoneId.of("Asia/Hong_Kong"));
		cities.put("香港", ZoneId.of("Asia/Hong_Kong"));
		cities.put("Tokyo", ZoneId.of("Asia/Tokyo"));
		cities.put("东京", ZoneId.of("Asia/Tokyo"));
		cities.put("London", ZoneId.of("Europe/London"));
		cities.put("伦敦", ZoneId.of("Europe/London"));
		cities.put("New York", ZoneId.of("America/New_York"));
		cities.put("纽约", ZoneId.of("America/New_York"));
		return cities;
	}

	/** Runs a call: the time, or what went wrong, as the text the model gets back. */
	String run(ToolCall call) {
		String city;
		try {
			city = call.arguments(Arguments.class).city();
		}
		catch (ToolArgumentsException ex) {
			return "error: the arguments are not {\"city\": \"...\"}";
		}
		ZoneId zone = (city != null) ? zone(city) : null;
		if (zone == null) {
			return "error: unknown city; known: " + String.join(", ", CITIES.keySet());
		}
		return city + ": " + ZonedDateTime.now(this.clock.withZone(zone)).format(FORMAT);
	}

	private static @Nullable ZoneId zone(String city) {
		for (Map.Entry<String, ZoneId> known : CITIES.entrySet()) {
			if (known.getKey().equalsIgnoreCase(city.strip())) {
				return known.getValue();
			}
		}
		return null;
	}

	/** The first city the demo knows that a text names, or {@code null}. */
	static @Nullable String cityIn(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String lower = text.toLowerCase(Locale.ROOT);
		for (String city : CITIES.keySet()) {
			if (lower.contains(city.toLowerCase(Locale.ROOT))) {
				return city;
			}
		}
		return null;
	}

	/**
	 * The tool's arguments.
	 *
	 * @param city the city's name
	 */
	record Arguments(@Nullable String city) {
	}

}
