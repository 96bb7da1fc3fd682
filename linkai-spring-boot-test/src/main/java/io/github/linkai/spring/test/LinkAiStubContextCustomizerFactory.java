package io.github.linkai.spring.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Adds a {@link ProviderStub} and connection details pointing at it to the context of a
 * test class annotated with {@link LinkAiStub}, the way Spring Boot's
 * {@code @ServiceConnection} adds a container's connection details. Registered in
 * {@code META-INF/spring.factories}.
 */
class LinkAiStubContextCustomizerFactory implements ContextCustomizerFactory {

	/** The stub's bean name. */
	static final String STUB_BEAN = "linkAiProviderStub";

	/** The connection details' bean name. */
	static final String CONNECTION_DETAILS_BEAN = "linkAiProviderStubConnectionDetails";

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, LinkAiStub.class) ? new Customizer() : null;
	}

	/**
	 * Registers the two beans; every instance is equal, so test classes with the
	 * annotation share a context.
	 */
	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
				throw new IllegalStateException("@LinkAiStub needs a context whose bean factory is a "
						+ "BeanDefinitionRegistry, not " + beanFactory.getClass().getName());
			}
			// the stub is AutoCloseable: the context closes it when it closes
			registry.registerBeanDefinition(STUB_BEAN, new RootBeanDefinition(ProviderStub.class, ProviderStub::start));
			RootBeanDefinition details = new RootBeanDefinition(ProviderStubConnectionDetails.class,
					() -> new ProviderStubConnectionDetails(beanFactory.getBean(STUB_BEAN, ProviderStub.class)));
			// in the test, the stub wins over connection details the application defines
			// (a vault's)
			details.setPrimary(true);
			registry.registerBeanDefinition(CONNECTION_DETAILS_BEAN, details);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
