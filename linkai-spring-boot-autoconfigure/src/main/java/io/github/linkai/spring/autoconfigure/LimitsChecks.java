package io.github.linkai.spring.autoconfigure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.linkai.spring.client.admission.PriceTable;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The startup checks of fallback chains, prices, budgets and the limits' store: each
 * failure names the property that holds the mistake.
 */
final class LimitsChecks {

	private static final String PRICING = ClientPropertiesBinder.PREFIX + ".pricing";

	private LimitsChecks() {
	}

	/** {@code linkai.limits.redis.*}. */
	static void checkStore(LinkAiProperties top) {
		top.getLimits().validateStore((setting, value, reason) -> {
			throw new InvalidConfigurationPropertyValueException(ClientPropertiesBinder.PREFIX + "." + setting, value,
					reason);
		});
	}

	/** The price table of {@code linkai.pricing}: every price set and not negative. */
	static PriceTable prices(LinkAiProperties top) {
		Map<String, PriceTable.Price> prices = new LinkedHashMap<>();
		Set<String> lowerCase = new HashSet<>();
		top.getPricing().forEach((model, price) -> {
			BigDecimal input = price(model, "input", price.getInput());
			BigDecimal output = price(model, "output", price.getOutput());
			BigDecimal cached = (price.getCachedInput() != null) ? price(model, "cached-input", price.getCachedInput())
					: null;
			if (!lowerCase.add(model.toLowerCase(Locale.ROOT))) {
				throw new InvalidConfigurationPropertyValueException(pricing(model), null,
						"Another model of the same name but for case is priced too; names are looked up "
								+ "without regard to case");
			}
			prices.put(model, new PriceTable.Price(input, cached, output));
		});
		return PriceTable.of(prices);
	}

	private static BigDecimal price(String model, String field, @Nullable BigDecimal value) {
		if (value == null) {
			throw new InvalidConfigurationPropertyValueException(pricing(model) + "." + field, null,
					"Must be set: the price of a million " + field.replace('-', ' ') + " tokens");
		}
		if (value.signum() < 0) {
			throw new InvalidConfigurationPropertyValueException(pricing(model) + "." + field, value,
					"Must not be negative");
		}
		return value;
	}

	private static String pricing(String model) {
		String dotted = PRICING + "." + model;
		return ConfigurationPropertyName.isValid(dotted) ? dotted : PRICING + "[" + model + "]";
	}

	/** A cost budget needs a price for the client's model. */
	static void checkBudgets(List<ConfiguredClient<?>> clients, PriceTable prices) {
		for (ConfiguredClient<?> client : clients) {
			BigDecimal cost = client.properties().getBudget().getCost();
			if (cost == null) {
				continue;
			}
			String model = client.defaults().model();
			if (model == null) {
				client.problems()
					.reject("budget.cost", cost, "A cost budget needs the client's model to price: set "
							+ client.property("model") + " and its price in " + PRICING);
			}
			else if (prices.price(model) == null) {
				client.problems()
					.reject("budget.cost", cost, "No price for the client's model '" + model + "': set "
							+ pricing(model) + ".input and .output");
			}
		}
	}

	/**
	 * Each client a chain names is another configured client, named once, and the chains
	 * form no cycle. Memory chat is never a link of a chain.
	 */
	static void checkFallbacks(List<ConfiguredClient<?>> clients) {
		Map<String, ConfiguredClient<?>> byName = new LinkedHashMap<>();
		clients.forEach((client) -> byName.put(client.name(), client));
		Map<String, List<String>> chains = new LinkedHashMap<>();
		for (ConfiguredClient<?> client : clients) {
			List<String> chain = new ArrayList<>();
			for (String entry : client.properties().getFallback()) {
				String target = (entry != null) ? entry.strip() : "";
				reject(client, target, checkEntry(client, target, byName, chain));
				chain.add(target);
			}
			chains.put(client.name(), chain);
		}
		for (ConfiguredClient<?> client : clients) {
			List<String> cycle = cycle(client.name(), chains, new ArrayList<>());
			if (cycle != null) {
				throw new InvalidConfigurationPropertyValueException(client.property("fallback"),
						String.join(",", chains.get(client.name())),
						"The fallback chains form a cycle: " + String.join(" -> ", cycle));
			}
		}
	}

	private static @Nullable String checkEntry(ConfiguredClient<?> client, String target,
			Map<String, ConfiguredClient<?>> byName, List<String> chain) {
		if (target.isEmpty()) {
			return "Holds a blank client name";
		}
		if (target.equals(client.name())) {
			return "Names the client itself: a fallback is another client";
		}
		if (chain.contains(target)) {
			return "Names '" + target + "' twice";
		}
		if (byName.containsKey(target)) {
			return null;
		}
		String memoryOf = memoryClient(target, byName);
		if (memoryOf != null) {
			return "'" + target + "' is a memory chat client: memory chat keeps its conversation on one server, "
					+ "so it never falls back and is never a fallback; name the client ('" + memoryOf
					+ "') to fall back to its chat";
		}
		return "Unknown client '" + target + "'; configured: " + byName.keySet();
	}

	private static void reject(ConfiguredClient<?> client, String target, @Nullable String reason) {
		if (reason != null) {
			throw new InvalidConfigurationPropertyValueException(client.property("fallback"), target, reason);
		}
	}

	/** The client whose memory chat {@code name} names, or {@code null}. */
	private static @Nullable String memoryClient(String name, Map<String, ConfiguredClient<?>> byName) {
		for (ConfiguredClient<?> client : byName.values()) {
			String base = client.name();
			if (client.provider().hasMemoryChat() && (name.equalsIgnoreCase(base + ".memory")
					|| name.equalsIgnoreCase(base + "-memory") || name.equalsIgnoreCase(base + "Memory")
					|| name.equalsIgnoreCase(base + "MemoryChatClient") || name.equalsIgnoreCase(base + "/memory"))) {
				return base;
			}
		}
		return null;
	}

	private static @Nullable List<String> cycle(String name, Map<String, List<String>> chains, List<String> path) {
		if (path.contains(name)) {
			List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
			cycle.add(name);
			return cycle;
		}
		path.add(name);
		for (String next : chains.getOrDefault(name, List.of())) {
			List<String> cycle = cycle(next, chains, path);
			if (cycle != null) {
				return cycle;
			}
		}
		path.remove(path.size() - 1);
		return null;
	}

}
