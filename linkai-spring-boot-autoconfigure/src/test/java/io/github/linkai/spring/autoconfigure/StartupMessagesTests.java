package io.github.linkai.spring.autoconfigure;

import java.util.Map;

import io.github.linkai.spring.client.spi.ChatProviders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.support.SystemEnvironmentPropertySourceEnvironmentPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What startup says about each client's credential: where it came from (never the value),
 * the variable to fix when it is empty, and a LinkAI key that names another app than
 * {@code app-code}.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupMessagesTests {

	private static final String KEY = "Link_tOCJYmHxxm55eA1xs";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class));

	@Test
	void theStartupLineSaysWhichPropertyGaveTheCredentialAndNeverTheCredential(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("linkai.api-key=" + KEY, "linkai.clients.eng.provider=openai",
					"linkai.clients.eng.api-key=sk-0123456789abcdef",
					"linkai.clients.eng.base-url=http://localhost:1/v1", "linkai.clients.eng.model=m")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Chat client 'default': provider linkai", "credential from linkai.api-key")
			.contains("Chat client 'eng': provider openai", "credential from linkai.clients.eng.api-key")
			.doesNotContain(KEY)
			.doesNotContain("sk-0123456789abcdef");
	}

	@Test
	void aCredentialFromTheEnvironmentIsNamedByItsVariable() {
		StandardEnvironment environment = environment(Map.of("LINKAI_API_KEY", KEY));

		ConfiguredClient<?> client = ClientPropertiesBinder
			.of(environment, ChatProviders.load(getClass().getClassLoader()))
			.bindAll()
			.clients()
			.get(0);

		assertThat(client.credentialSource()).isEqualTo("the environment variable LINKAI_API_KEY");
	}

	@Test
	void anEmptyVariableFailsStartupNamingTheVariable() {
		StandardEnvironment environment = environment(Map.of("LINKAI_API_KEY", ""));
		ConfiguredClient<?> client = ClientPropertiesBinder
			.of(environment, ChatProviders.load(getClass().getClassLoader()))
			.bindAll()
			.clients()
			.get(0);

		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> ClientConnections.fromProperties(client))
			.withMessageContaining("the environment variable LINKAI_API_KEY is empty");
	}

	@Test
	void aPlaceholderSaysWhichVariableItReads() {
		StandardEnvironment environment = environment(Map.of());
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application.properties",
					Map.of("linkai.api-key", "${MY_LINKAI_KEY}", "MY_LINKAI_KEY", KEY)));
		ConfiguredClient<?> client = ClientPropertiesBinder
			.of(environment, ChatProviders.load(getClass().getClassLoader()))
			.bindAll()
			.clients()
			.get(0);

		assertThat(client.credentialSource())
			.isEqualTo("linkai.api-key in application.properties (from ${MY_LINKAI_KEY})");
	}

	@Test
	void aKeyThatNamesAnotherAppThanAppCodeIsWarnedAboutWithoutTheKey(CapturedOutput output) {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY + "-APP1", "linkai.app-code=APP2")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Chat client 'default': its API key looks like LinkAI's key-appcode form")
			.contains("app-code APP2")
			.doesNotContain(KEY);
	}

	@Test
	void aKeyThatNamesTheSameAppAsAppCodeIsNotWarnedAbout(CapturedOutput output) {
		this.contextRunner.withPropertyValues("linkai.api-key=" + KEY + "-APP1", "linkai.app-code=APP1")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("key-appcode");
	}

	/**
	 * An environment whose variables are {@code variables}, with their origins, as an
	 * application's has.
	 */
	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		new SystemEnvironmentPropertySourceEnvironmentPostProcessor().postProcessEnvironment(environment,
				new SpringApplication());
		return environment;
	}

}
