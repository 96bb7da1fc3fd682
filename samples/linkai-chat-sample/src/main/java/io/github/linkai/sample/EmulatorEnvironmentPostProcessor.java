package io.github.linkai.sample;

import java.time.Duration;
import java.util.Map;

import io.github.linkai.spring.test.ProviderStub;
import org.apache.commons.logging.Log;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * When no {@code linkai.api-key} is configured, starts the test kit's
 * {@link ProviderStub} (an embedded emulator of the providers' APIs, LinkAI's among them)
 * and points the starter at it ({@code linkai.api-key} and {@code linkai.base-url}), so
 * that the sample runs with no key and no network. The emulator becomes the
 * {@value #BEAN_NAME} bean and stops when the application context closes. Runs after the
 * configuration files and the environment have been read, so a key set anywhere (for
 * instance the {@code LINKAI_API_KEY} environment variable) turns the emulator off.
 * During the build's AOT processing it sets the same two properties without starting the
 * emulator.
 */
class EmulatorEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String BEAN_NAME = "providerEmulator";

	static final String PROPERTY_SOURCE_NAME = "linkaiEmulator";

	private static final String API_KEY = "linkai.api-key";

	private static final String BASE_URL = "linkai.base-url";

	// Long enough for a person to see the answer arrive piece by piece, short enough not
	// to bore them.
	private static final Duration CHUNK_DELAY = Duration.ofMillis(40);

	private final Log logger;

	private final ConfigurableBootstrapContext bootstrapContext;

	EmulatorEnvironmentPostProcessor(DeferredLogFactory logFactory, ConfigurableBootstrapContext bootstrapContext) {
		this.logger = logFactory.getLog(EmulatorEnvironmentPostProcessor.class);
		this.bootstrapContext = bootstrapContext;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (Binder.get(environment).bind(API_KEY, String.class).map(StringUtils::hasText).orElse(false)) {
			return;
		}
		if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			// The build's AOT processing only decides which beans exist (a key makes the
			// default client) and
			// calls nothing: the same properties, no server.
			environment.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
						Map.of(API_KEY, ProviderStub.DEFAULT_API_KEY, BASE_URL, "http://127.0.0.1")));
			return;
		}
		ProviderStub emulator = ProviderStub.builder().chunkDelay(CHUNK_DELAY).start();
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of(API_KEY, emulator.apiKey(), BASE_URL, emulator.baseUrl())));
		this.bootstrapContext.addCloseListener((event) -> register(emulator, event.getApplicationContext()));
		this.logger.info("No linkai.api-key is set: using the embedded LinkAI emulator at " + emulator.baseUrl()
				+ " (canned answers, no network). Set the LINKAI_API_KEY environment variable to talk to LinkAI.");
	}

	private static void register(ProviderStub emulator, ConfigurableApplicationContext context) {
		DefaultSingletonBeanRegistry beanFactory = (DefaultSingletonBeanRegistry) context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, emulator);
		// An instance registered as is is not destroyed with the context unless it is
		// also registered as
		// disposable; this way it also stops when the context fails to refresh.
		beanFactory.registerDisposableBean(BEAN_NAME, emulator::close);
	}

}
