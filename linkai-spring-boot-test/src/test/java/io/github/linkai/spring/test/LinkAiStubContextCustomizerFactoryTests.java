package io.github.linkai.spring.test;

import java.net.ConnectException;
import java.net.Socket;
import java.util.List;

import io.github.linkai.spring.autoconfigure.LinkAiConnectionDetails;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

	@Test
	void theStubStartsWithTheContextAndStopsWhenItCloses() {
		ProviderStub stub;
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			this.factory.createContextCustomizer(Annotated.class, List.of()).customizeContext(context, null);
			context.refresh();
			stub = context.getBean(ProviderStub.class);
			assertThat(context.getBean(LinkAiConnectionDetails.class).getConnection("default", "linkai"))
				.isEqualTo(new LinkAiConnectionDetails.Connection(stub.baseUrl(), stub.apiKey()));
		}
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> new Socket("127.0.0.1", stub.port()).close());
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
