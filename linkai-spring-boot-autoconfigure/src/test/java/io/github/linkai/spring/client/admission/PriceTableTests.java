package io.github.linkai.spring.client.admission;

import java.math.BigDecimal;
import java.util.Map;

import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.admission.PriceTable.Price;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Prices per million tokens, and what a call cost. */
class PriceTableTests {

	private static final PriceTable PRICES = PriceTable
		.of(Map.of("deepseek-chat", new Price(new BigDecimal("2.0"), new BigDecimal("0.5"), new BigDecimal("8.0")),
				"LinkAI-4o-mini", new Price(new BigDecimal("1.2"), null, new BigDecimal("4.8"))));

	@Test
	void modelsAreLookedUpWithoutRegardToCase() {
		assertThat(PRICES.price("linkai-4o-MINI")).isNotNull();
		assertThat(PRICES.price("gpt-4o")).isNull();
		assertThat(PRICES.price(null)).isNull();
	}

	@Test
	void aCallCostsItsTokensAtTheModelsPrice() {
		// 1000 x 2.0 + 500 x 8.0 = 6000 per million
		assertThat(PRICES.cost(null, "deepseek-chat", null, Usage.of(1000, 500, null))).isEqualByComparingTo("0.006");
	}

	@Test
	void cachedInputTokensCostTheCachedPriceOrElseTheInputPrice() {
		Price deepseek = PRICES.price("deepseek-chat");
		// 600 x 2.0 + 400 x 0.5 + 100 x 8.0 = 2200 per million
		assertThat(deepseek.cost(1000, 400, 100)).isEqualByComparingTo("0.0022");
		Price linkai = PRICES.price("LinkAI-4o-mini");
		assertThat(linkai.cost(1000, 400, 0)).isEqualByComparingTo("0.0012");
	}

	@Test
	void aCallsCachedInputTokensFromItsUsageCostTheCachedPrice() {
		// DeepSeek's prompt_cache_hit_tokens, OpenAI's cached_tokens: 600 x 2.0 + 400 x
		// 0.5
		// + 100 x 8.0 = 2200 per million
		assertThat(PRICES.cost(null, "deepseek-chat", null, Usage.of(1000, 100, 1100, 400, null)))
			.isEqualByComparingTo("0.0022");
	}

	@Test
	void theProvidersOwnCostWins() {
		assertThat(PRICES.cost(new BigDecimal("0.42"), "deepseek-chat", null, Usage.of(1000, 500, null)))
			.isEqualByComparingTo("0.42");
	}

	@Test
	void theAnsweredModelIsPricedFirstThenTheRequestedOne() {
		assertThat(PRICES.cost(null, "deepseek-chat-v3", "deepseek-chat", Usage.of(1_000_000, 0, null)))
			.isEqualByComparingTo("2");
		assertThat(PRICES.cost(null, "unknown", "also-unknown", Usage.of(1, 1, null))).isNull();
		assertThat(PRICES.cost(null, "deepseek-chat", null, null)).isNull();
		assertThat(PRICES.cost(null, "deepseek-chat", null, new Usage(null, null, 10))).isNull();
	}

	@Test
	void aNegativePriceIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Price(new BigDecimal("-1"), null, BigDecimal.ONE))
			.withMessageContaining("input price must not be negative");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Price(BigDecimal.ONE, new BigDecimal("-0.1"), BigDecimal.ONE))
			.withMessageContaining("cached-input");
	}

	@Test
	void twoNamesThatDifferOnlyInCaseAreRejected() {
		Price price = new Price(BigDecimal.ONE, null, BigDecimal.ONE);
		assertThatIllegalArgumentException().isThrownBy(() -> PriceTable.of(Map.of("a", price, "A", price)));
	}

}
