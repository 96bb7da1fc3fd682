package io.github.linkai.spring.web;

import io.github.linkai.spring.client.SearchSource;
import io.github.linkai.spring.client.Usage;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a native image gets for the event stream's data, whichever auto-configuration is
 * on.
 */
class ChatWebRuntimeHintsTests {

	@Test
	void eventDataAndWhatItHoldsAreHintedFromAotFactories() {
		RuntimeHints hints = new RuntimeHints();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));

		for (Class<?> type : new Class<?>[] { ChatChunkEvent.class, Usage.class, SearchSource.class }) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(hints);
		}
	}

}
