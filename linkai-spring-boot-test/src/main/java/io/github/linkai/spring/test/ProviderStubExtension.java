package io.github.linkai.spring.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A {@link ProviderStub} for a JUnit 5 test class without a Spring context: it starts
 * before the class's first test, is reset before each test, stops after the last, and is
 * injected as a parameter of test and lifecycle methods. (In a Spring test, use
 * {@link LinkAiStub}.)
 *
 * <pre>{@code
 * &#64;ExtendWith(ProviderStubExtension.class)
 * class MyClientTests {
 *
 *

&#64;Test
 *     void retriesAfterA503(ProviderStub stub) {
 *         stub.enqueue(StubAnswer.status(503));
 *         // a client with base URL stub.baseUrl("linkai") and key stub.apiKey()
 *     }
 * }
 * }</pre>
 */
public class ProviderStubExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(ProviderStubExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getStore(NAMESPACE).put(ProviderStub.class, ProviderStub.start());
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		stub(context).reset();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		ProviderStub stub = context.getStore(NAMESPACE).remove(ProviderStub.class, ProviderStub.class);
		if (stub != null) {
			stub.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == ProviderStub.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return stub(extensionContext);
	}

	private static ProviderStub stub(ExtensionContext context) {
		ProviderStub stub = context.getStore(NAMESPACE).get(ProviderStub.class, ProviderStub.class);
		if (stub == null) {
			throw new IllegalStateException("No provider stub: register ProviderStubExtension on the test class");
		}
		return stub;
	}

}
