package io.github.linkai.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import io.github.linkai.spring.test.ProviderStub;
import io.github.linkai.spring.test.StubAnswer;
import io.github.linkai.spring.test.StubRequest;
import io.github.linkai.spring.test.StubRequests;
import io.github.linkai.spring.test.StubToolCall;
import org.apache.commons.logging.Log;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;

/**
 * When no credential is configured ({@code linkai.api-key} nor any
 * {@code linkai.clients.<name>.api-key}), starts the test kit's {@link ProviderStub} on a
 * free loopback port, scripts the {@link DemoFault}s and a model that uses the demo's
 * {@link CityTime} tool (with its reasoning) into it, adds the clients of
 * {@code stub-clients.properties}, and points them at the stub with its
 * {@link ProviderStub#connectionDetails() LinkAiConnectionDetails}: the demo runs with no
 * key and no network. The stub becomes the {@value #BEAN_NAME} bean, its connection
 * details the {@value #CONNECTION_DETAILS_BEAN_NAME} bean, and the stub stops with the
 * application context. {@value #CHUNK_DELAY_PROPERTY} (40 ms by default) sets the pause
 * before each streamed piece of its answers. A key set anywhere (e.g. the
 * {@code LINKAI_API_KEY} environment variable) leaves the configuration alone and the
 * stub off. The stub's clients come after every other property source, so that
 * {@code --linkai.clients.search.jijyun.search=false} still changes them.
 */
class StubEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String BEAN_NAME = "providerStub";

	static final String CONNECTION_DETAILS_BEAN_NAME = "providerStubConnectionDetails";

	private static final String CLIENTS = "stub-clients.properties";

	/** The pause before each streamed piece of the stub's answers. */
	static final String CHUNK_DELAY_PROPERTY = "linkai-demo.stub.chunk-delay";

	// Long enough for a person to see the answer arrive piece by piece, short enough not
	// to bore them.
	private static final Duration CHUNK_DELAY = Duration.ofMillis(40);

	private final Log logger;

	private final ConfigurableBootstrapContext bootstrapContext;

	StubEnvironmentPostProcessor(DeferredLogFactory logFactory, ConfigurableBootstrapContext bootstrapContext) {
		this.logger = logFactory.getLog(StubEnvironmentPostProcessor.class);
		this.bootstrapContext = bootstrapContext;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (hasCredential(Binder.get(environment))) {
			return;
		}
		Duration chunkDelay = Binder.get(environment).bind(CHUNK_DELAY_PROPERTY, Duration.class).orElse(CHUNK_DELAY);
		ProviderStub stub = ProviderStub.builder().chunkDelay(chunkDelay).start();
		// first: a fault's marker, scripted after it, takes precedence
		stub.on(StubRequests.hasTools()).answerWith((request) -> toolAnswer(request).withChunkDelay(chunkDelay));
		for (DemoFault fault : DemoFault.values()) {
			stub.on(fault.matcher()).answer(fault.answer());
		}
		clients().forEach(environment.getPropertySources()::addLast);
		this.bootstrapContext.addCloseListener((event) -> register(stub, event.getApplicationContext()));
		this.logger.info("No linkai.api-key is set: the clients talk to the test kit's provider stub at "
				+ stub.baseUrl() + " (canned answers, no network). Set LINKAI_API_KEY to talk to LinkAI.");
	}

	/**
	 * What the stub's model answers when it may call the demo's tool: a call for the
	 * first city it knows in the question, then, once the result is in, an answer that
	 * quotes it; each after a little reasoning, in the question's language.
	 */
	static StubAnswer toolAnswer(StubRequest request) {
		boolean chinese = request.content() != null && request.content()
			.codePoints()
			.anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
		if (StubRequests.lastMessageRole("tool").test(request)) {
			return StubAnswer.echo()
				.withReasoning(
						chinese ? "工具已经给出了当地时间,照实转述即可。" : "The tool gave the local time; I pass it on as it is.");
		}
		String city = CityTime.cityIn(request.content());
		if (city == null) {
			return StubAnswer.echo()
				.withReasoning(
						chinese ? "问题里没有我认识的城市,不需要调用工具。" : "The question names no city I know, so no tool is needed.");
		}
		return StubAnswer.toolCalls(StubToolCall.of(CityTime.DEFINITION.name(), "{\"city\":\"" + city + "\"}"))
			.withReasoning(chinese ? "用户想知道" + city + "现在几点,调用 current_time 查一下。"
					: "The user asks for the time in " + city + ": I call current_time.");
	}

	private static boolean hasCredential(Binder binder) {
		if (hasText(binder, "linkai.api-key")) {
			return true;
		}
		return binder.bind("linkai.clients", Bindable.mapOf(String.class, Object.class))
			.map((clients) -> clients.keySet()
				.stream()
				.anyMatch((name) -> hasText(binder, "linkai.clients." + name + ".api-key")))
			.orElse(false);
	}

	private static boolean hasText(Binder binder, String name) {
		return binder.bind(name, String.class).map(StringUtils::hasText).orElse(false);
	}

	/** The clients, in the file's order: the page lists them so. */
	private static List<PropertySource<?>> clients() {
		try {
			return new PropertiesPropertySourceLoader().load("linkaiDemoStubClients", new ClassPathResource(CLIENTS));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The demo's " + CLIENTS + " could not be read", ex);
		}
	}

	private static void register(ProviderStub stub, ConfigurableApplicationContext context) {
		DefaultSingletonBeanRegistry beanFactory = (DefaultSingletonBeanRegistry) context.getBeanFactory();
		// there before the auto-configuration looks for one: it takes the place of the
		// properties' connections
		beanFactory.registerSingleton(CONNECTION_DETAILS_BEAN_NAME, stub.connectionDetails());
		beanFactory.registerSingleton(BEAN_NAME, stub);
		// A singleton registered as an instance is destroyed with the context only if
		// also registered as
		// disposable; this way the stub also stops when the context fails to refresh.
		beanFactory.registerDisposableBean(BEAN_NAME, stub::close);
	}

}
