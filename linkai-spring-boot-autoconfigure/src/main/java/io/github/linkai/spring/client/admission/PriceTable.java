package io.github.linkai.spring.client.admission;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.github.linkai.spring.client.Usage;
import org.jspecify.annotations.Nullable;

/**
 * What tokens cost, per model (looked up without regard to case), in one currency of the
 * application's choice: prices per million input, cached input and output tokens.
 * Immutable.
 */
public final class PriceTable {

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private static final PriceTable EMPTY = new PriceTable(Map.of());

	private final Map<String, Price> byModel;

	private PriceTable(Map<String, Price> byModel) {
		TreeMap<String, Price> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		byModel.forEach((model, price) -> {
			Objects.requireNonNull(model, "model must not be null");
			Objects.requireNonNull(price, "price must not be null");
			if (sorted.put(model, price) != null) {
				throw new IllegalArgumentException("Model '" + model + "' is priced twice (names differ only in case)");
			}
		});
		this.byModel = sorted;
	}

	/** A table of the given prices, by model. */
	public static PriceTable of(Map<String, Price> byModel) {
		return byModel.isEmpty() ? EMPTY : new PriceTable(byModel);
	}

	/** A table without prices. */
	public static PriceTable empty() {
		return EMPTY;
	}

	/** The price of {@code model}, or {@code null} when it is not priced. */
	public @Nullable Price price(@Nullable String model) {
		return (model != null) ? this.byModel.get(model.strip()) : null;
	}

	/** Whether the table has no price. */
	public boolean isEmpty() {
		return this.byModel.isEmpty();
	}

	/**
	 * What a call cost: the provider's own figure when it reports one (Jijyun's
	 * {@code total_cost}), else {@code usage} at the price of the model the provider
	 * reported, else of the model requested; {@code null} when neither is priced or the
	 * usage says too little.
	 * @param reported the provider's own cost, if any
	 * @param answeredModel the model the answer names, if any
	 * @param requestedModel the model requested, if known
	 * @param usage the answer's usage, if reported
	 */
	public @Nullable BigDecimal cost(@Nullable BigDecimal reported, @Nullable String answeredModel,
			@Nullable String requestedModel, @Nullable Usage usage) {
		if (reported != null) {
			return reported;
		}
		if (usage == null) {
			return null;
		}
		Price price = price(answeredModel);
		if (price == null) {
			price = price(requestedModel);
		}
		return (price != null) ? price.cost(usage.inputTokens(), usage.cachedInputTokens(), usage.outputTokens())
				: null;
	}

	@Override
	public String toString() {
		return "PriceTable" + this.byModel;
	}

	/**
	 * The prices of one model, per million tokens.
	 *
	 * @param input an input token
	 * @param cachedInput an input token the provider served from its cache (DeepSeek's
	 * cache hits, OpenAI's cached tokens); the input price when not set
	 * @param output an output token
	 */
	public record Price(BigDecimal input, @Nullable BigDecimal cachedInput, BigDecimal output) {

		public Price {
			nonNegative("input", input);
			if (cachedInput != null) {
				nonNegative("cached-input", cachedInput);
			}
			nonNegative("output", output);
		}

		private static void nonNegative(String name, @Nullable BigDecimal price) {
			if (price == null || price.signum() < 0) {
				throw new IllegalArgumentException(name + " price must not be negative but was " + price);
			}
		}

		/**
		 * What the tokens cost, {@code null} when neither input nor output is known.
		 * @param inputTokens input tokens, cached ones included
		 * @param cachedInputTokens those of the input tokens served from the cache
		 * @param outputTokens output tokens
		 */
		public @Nullable BigDecimal cost(@Nullable Integer inputTokens, @Nullable Integer cachedInputTokens,
				@Nullable Integer outputTokens) {
			if (inputTokens == null && outputTokens == null) {
				return null;
			}
			long input = (inputTokens != null) ? inputTokens : 0;
			long cached = (cachedInputTokens != null) ? Math.min(cachedInputTokens, input) : 0;
			long output = (outputTokens != null) ? outputTokens : 0;
			BigDecimal cachedPrice = (this.cachedInput != null) ? this.cachedInput : this.input;
			BigDecimal total = this.input.multiply(BigDecimal.valueOf(input - cached))
				.add(cachedPrice.multiply(BigDecimal.valueOf(cached)))
				.add(this.output.multiply(BigDecimal.valueOf(output)));
			return total.divide(MILLION, MathContext.DECIMAL64).stripTrailingZeros();
		}

	}

}
