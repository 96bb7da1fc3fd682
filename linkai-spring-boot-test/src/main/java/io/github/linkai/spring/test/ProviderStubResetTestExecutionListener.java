package io.github.linkai.spring.test;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Resets the {@link ProviderStub} of a {@link LinkAiStub} test context before each test
 * method, so that no scripted answer, recorded request or memory chat session leaks from
 * one test into the next (test classes share a cached context). Registered in
 * {@code META-INF/spring.factories}.
 */
class ProviderStubResetTestExecutionListener implements TestExecutionListener, Ordered {

	@Override
	public int getOrder() {
		// as Boot's MockitoResetTestExecutionListener: late, after the context is
		// prepared
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			ApplicationContext context = testContext.getApplicationContext();
			if (context.containsBean(LinkAiStubContextCustomizerFactory.STUB_BEAN)) {
				context.getBean(LinkAiStubContextCustomizerFactory.STUB_BEAN, ProviderStub.class).reset();
			}
		}
	}

}
