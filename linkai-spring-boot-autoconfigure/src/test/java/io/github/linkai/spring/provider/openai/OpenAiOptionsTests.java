package io.github.linkai.spring.provider.openai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.spi.Validation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * {@link OpenAiOptions}: merging over the client's, copies, and the rules checked for a
 * request and defaults.
 */
class OpenAiOptionsTests {

	private final Validation validation = new Validation("openai", "test");

	@Test
	void unsetValuesComeFromTheDefaultsAndSetOnesWin() {
		OpenAiOptions defaults = new OpenAiOptions(0.1, 0.2, 1, List.of("END"), "u-default", null);
		OpenAiOptions own = new OpenAiOptions(null, 1.5, null, null, "u-own", null);

		assertThat(own.orElse(defaults)).isEqualTo(new OpenAiOptions(0.1, 1.5, 1, List.of("END"), "u-own", null));
		assertThat(OpenAiOptions.none().orElse(defaults)).isEqualTo(defaults);
		assertThat(defaults.orElse(OpenAiOptions.none())).isEqualTo(defaults);
	}

	@Test
	void reasoningSettingsComeFromTheDefaultsAndSetOnesWin() {
		OpenAiOptions defaults = OpenAiOptions.builder().reasoningEffort("high").replayReasoning(false).build();

		assertThat(OpenAiOptions.builder().reasoningEffort("max").build().orElse(defaults))
			.isEqualTo(OpenAiOptions.builder().reasoningEffort("max").replayReasoning(false).build());
		assertThat(defaults.toString()).endsWith(", reasoningEffort=high, replayReasoning=false]");
	}

	@Test
	void extraBodyMapsAreMergedTheRequestsKeysWinning() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("enable_search", true);
		defaults.put("top_k", 5);
		OpenAiOptions merged = OpenAiOptions.builder()
			.extraBody("top_k", 20)
			.extraBody("response_format", Map.of("type", "json_object"))
			.build()
			.orElse(new OpenAiOptions(null, null, null, null, null, defaults));

		assertThat(merged.extraBody()).containsExactly(entry("enable_search", true), entry("top_k", 20),
				entry("response_format", Map.of("type", "json_object")));
	}

	@Test
	void extraBodyOnOneSideOnlyIsKept() {
		OpenAiOptions withExtra = OpenAiOptions.builder().extraBody("enable_search", true).build();

		assertThat(withExtra.orElse(OpenAiOptions.none()).extraBody()).containsExactly(entry("enable_search", true));
		assertThat(OpenAiOptions.none().orElse(withExtra).extraBody()).containsExactly(entry("enable_search", true));
	}

	@Test
	void emptyStopListIsKeptOverTheDefaults() {
		OpenAiOptions own = new OpenAiOptions(null, null, null, List.of(), null, null);

		assertThat(own.orElse(OpenAiOptions.builder().stop("END").build()).stop()).isEmpty();
	}

	@Test
	void listAndMapAreUnmodifiableCopiesKeepingOrderAndNullValues() {
		List<String> stop = new ArrayList<>(List.of("a"));
		Map<String, Object> extra = new HashMap<>();
		extra.put("search_options", null);
		OpenAiOptions options = new OpenAiOptions(null, null, null, stop, null, extra);
		stop.add("b");
		extra.put("top_k", 1);

		assertThat(options.stop()).containsExactly("a").isUnmodifiable();
		assertThat(options.extraBody()).containsExactly(entry("search_options", null)).isUnmodifiable();
	}

	@Test
	void builderSetsEveryField() {
		OpenAiOptions options = OpenAiOptions.builder()
			.frequencyPenalty(0.5)
			.presencePenalty(-0.5)
			.seed(7)
			.stop("x", "y")
			.user("u-1")
			.extraBody("enable_search", false)
			.build();

		assertThat(options)
			.isEqualTo(new OpenAiOptions(0.5, -0.5, 7, List.of("x", "y"), "u-1", Map.of("enable_search", false)));
		assertThat(options.provider()).isEqualTo("openai");
	}

	@Test
	void toStringShowsNeitherTheEndUserNorTheExtraBodyValues() {
		OpenAiOptions options = OpenAiOptions.builder().seed(7).user("end-user-42").extraBody("metadata", "张三").build();

		assertThat(options.toString()).isEqualTo("OpenAiOptions[frequencyPenalty=null, presencePenalty=null, seed=7, "
				+ "stop=null, user=<set>, extraBody=[metadata]]");
	}

	@Test
	void validOptionsPass() {
		OpenAiMapping.validate(new OpenAiOptions(-2.0, 2.0, Integer.MIN_VALUE, List.of("a", "b", "c", "d"), "u",
				Map.of("enable_search", true, "response_format", Map.of("type", "text"))), this.validation);
		OpenAiMapping.validate(OpenAiOptions.none(), this.validation);
	}

	@Test
	void everyLibraryFieldIsRejectedAsAnExtraBodyField() {
		for (String field : OpenAiMapping.LIBRARY_FIELDS) {
			assertThatExceptionOfType(ChatRequestValidationException.class).isThrownBy(
					() -> OpenAiMapping.validate(OpenAiOptions.builder().extraBody(field, 1).build(), this.validation))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("extraBody." + field));
		}
		assertThat(OpenAiMapping.LIBRARY_FIELDS).contains("model", "messages", "stream", "stream_options", "top_p");
	}

	@Test
	void penaltiesOutsideTheirRangeAreRejected() {
		assertThatExceptionOfType(ChatRequestValidationException.class).isThrownBy(
				() -> OpenAiMapping.validate(OpenAiOptions.builder().frequencyPenalty(-2.1).build(), this.validation))
			.withMessageContaining("frequencyPenalty")
			.withMessageContaining("[-2, 2]");
		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(() -> OpenAiMapping.validate(OpenAiOptions.builder().presencePenalty(Double.NaN).build(),
					this.validation))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("presencePenalty"));
	}

	@Test
	void moreThanFourStopSequencesAreRejected() {
		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(() -> OpenAiMapping.validate(OpenAiOptions.builder().stop("1", "2", "3", "4", "5").build(),
					this.validation))
			.withMessageContaining("at most 4");
	}

}
