package io.github.linkai.spring.test;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link LinkAiStubContextCustomizerFactory}. */
class LinkAiStubContextCustomizerFactoryTests {

	private final LinkAiStubContextCustomizerFactory factory = new LinkAiStubContextCustomizerFactory();

	@Test
	void aTestClassWithoutTheAnnotationGetsNoStub() {
		assertThat(this.factory.createContextCustomizer(Plain.class, List.of())).isNull();
	}

	@Test
	void annotatedTestClassesShareOneCachedContext() {
		ContextCustomizer one = this.factory.createContextCustomizer(Annotated.class, List.of());
		ContextCustomizer other = this.factory.createContextCustomizer(Subclass.class, List.of());

		assertThat(one).isNotNull().isEqualTo(other).hasSameHashCodeAs(other);
	}

	@Test
	void aNestedTestClassInheritsTheAnnotation() {
		assertThat(this.factory.createContextCustomizer(Annotated.Inner.class, List.of())).isNotNull();
	}

	static class Plain {

	}

	@LinkAiStub
	static class Annotated {

		@Nested
		class Inner {

		}

	}

	static class Subclass extends Annotated {

	}

}
