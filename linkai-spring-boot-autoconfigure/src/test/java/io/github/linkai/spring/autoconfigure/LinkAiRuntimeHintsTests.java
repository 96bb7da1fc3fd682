package io.github.linkai.spring.autoconfigure;

import io.github.linkai.spring.client.spi.ChatProvider;
import io.github.linkai.spring.client.spi.ChatProviders;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a native image gets from the starter's hints: every provider, its wire records and
 * settings, the properties.
 */
class LinkAiRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	LinkAiRuntimeHintsTests() {
		new LinkAiRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void providersAreFoundByTheServiceLoader() {
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/services/" + ChatProvider.class.getName()))
			.accepts(this.hints);
		assertThat(ChatProviders.load(getClass().getClassLoader()).all()).isNotEmpty()
			.allSatisfy((provider) -> assertThat(RuntimeHintsPredicates.reflection()
				.onType(provider.getClass())
				.withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).accepts(this.hints));
	}

	@Test
	void wireRecordsAndSettingsOfEveryProviderAreHinted() {
		for (ChatProvider<?> provider : ChatProviders.load(getClass().getClassLoader()).all()) {
			assertThat(provider.wireTypes()).as(provider.id()).isNotEmpty();
			for (Class<?> wireType : provider.wireTypes()) {
				assertThat(RuntimeHintsPredicates.reflection().onType(wireType)).as(wireType.getName())
					.accepts(this.hints);
			}
			assertThat(RuntimeHintsPredicates.reflection().onType(provider.newSettings().getClass()))
				.as(provider.id() + " settings")
				.accepts(this.hints);
		}
	}

	@Test
	void propertiesBoundAtRunTimeAreHinted() {
		assertThat(RuntimeHintsPredicates.reflection().onType(LinkAiProperties.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(LinkAiClientProperties.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(LinkAiClientProperties.Pool.class)).accepts(this.hints);
	}

}
