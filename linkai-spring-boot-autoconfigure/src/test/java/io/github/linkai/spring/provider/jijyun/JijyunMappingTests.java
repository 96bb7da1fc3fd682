package io.github.linkai.spring.provider.jijyun;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.spi.ExchangeContext;
import io.github.linkai.spring.provider.jijyun.JijyunWire.Cost;
import io.github.linkai.spring.provider.jijyun.JijyunWire.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The Jijyun wire mapping, without HTTP. */
class JijyunMappingTests {

	private final JijyunMapping mapping = new JijyunMapping(
			new JijyunSettings("key-123456", Jijyun.DEFAULT_BASE_URL, JijyunOptions.none()));

	private final ExchangeContext context = new ExchangeContext("jijyun", "test", ChatRequest.of("你好"));

	@ParameterizedTest
	@CsvSource({ "0.7, 0.7", "1.0, 1", "0.0, 0", "-0.0, 0", "2, 2", "1.25, 1.25", "100.0, 100", "0.1, 0.1",
			"1e-7, 0.0000001", "0.30000000000000004, 0.30000000000000004" })
	void writesTemperatureAsTheShortestDecimalString(double temperature, String sent) {
		assertThat(JijyunMapping.temperature(temperature)).isEqualTo(sent);
	}

	@Test
	void anEventWithUsageIsTheFinalChunk() {
		ChatChunk chunk = this.mapping
			.toChunk(new Reply("", "m-1", null, new Cost(new BigDecimal("0.001"), null), null, null), this.context);
		assertThat(chunk).isNotNull();
		assertThat(chunk.isLast()).isTrue();
		assertThat(chunk.cost()).isEqualTo(new BigDecimal("0.001"));
	}

	@Test
	void anEventWithoutUsageIsNotFinal() {
		ChatChunk chunk = this.mapping.toChunk(new Reply("你", "m-1", null, null, null, null), this.context);
		assertThat(chunk).isNotNull();
		assertThat(chunk.isLast()).isFalse();
		assertThat(chunk.delta()).isEqualTo("你");
	}

	@Test
	void anEventThatCarriesNothingIsSkipped() {
		assertThat(this.mapping.toChunk(new Reply(null, null, null, null, null, Map.of()), this.context)).isNull();
	}

	@Test
	void nullSourceEntriesAreSkipped() {
		ChatChunk chunk = this.mapping.toChunk(new Reply("你", null,
				Arrays.asList(null, new JijyunWire.Source("https://example.com", null, "例子")), null, null, null),
				this.context);
		assertThat(chunk.sources()).singleElement().satisfies((source) -> assertThat(source.title()).isEqualTo("例子"));
	}

	@Test
	void knowsTheKeyInBothItsForms() {
		JijyunMapping withSymbols = new JijyunMapping(
				new JijyunSettings("k+y/Z=9", Jijyun.DEFAULT_BASE_URL, JijyunOptions.none()));
		assertThat(withSymbols.secrets()).containsExactly("k+y/Z=9", "k%2By%2FZ%3D9");
		assertThat(this.mapping.secrets()).containsExactly("key-123456");
	}

}
