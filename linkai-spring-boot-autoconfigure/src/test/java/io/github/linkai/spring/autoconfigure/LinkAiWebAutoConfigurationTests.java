package io.github.linkai.spring.autoconfigure;

import java.time.Duration;

import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.error.ChatClientException;
import io.github.linkai.spring.client.error.ErrorDetails;
import io.github.linkai.spring.client.error.RateLimitedException;
import io.github.linkai.spring.web.ChatClientExceptionHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.client.MockMvcWebTestClient;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LinkAiWebAutoConfiguration}: when the problem-detail advice exists (a
 * servlet or reactive web application, not turned off), that the application's own bean
 * or exception handling wins, and that its property is one the starter's strict binding
 * knows.
 */
class LinkAiWebAutoConfigurationTests {

	private final WebApplicationContextRunner servletRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiWebAutoConfiguration.class));

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiWebAutoConfiguration.class));

	@Test
	void servletApplicationShouldGetTheAdvice() {
		this.servletRunner.run((context) -> assertThat(context).hasSingleBean(ChatClientExceptionHandler.class));
	}

	@Test
	void reactiveApplicationShouldGetTheAdvice() {
		this.reactiveRunner.run((context) -> assertThat(context).hasSingleBean(ChatClientExceptionHandler.class));
	}

	@Test
	void applicationThatIsNotAWebApplicationShouldNotGetTheAdvice() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LinkAiWebAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ChatClientExceptionHandler.class));
	}

	@Test
	void adviceShouldBeOffWhenThePropertyTurnsItOff() {
		this.servletRunner.withPropertyValues("linkai.web.problem-details.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ChatClientExceptionHandler.class));
		this.reactiveRunner.withPropertyValues("linkai.web.problem-details.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ChatClientExceptionHandler.class));
	}

	@Test
	void adviceShouldBackOffFromTheApplicationsOwnBean() {
		this.servletRunner.withUserConfiguration(OwnHandlerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ChatClientExceptionHandler.class);
			assertThat(context.getBean(ChatClientExceptionHandler.class))
				.isSameAs(context.getBean(OwnHandlerConfiguration.class).handler);
		});
	}

	@Test
	void propertyShouldBeKnownToTheClientsStrictBinding() {
		ApplicationContextRunner clients = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					LinkAiWebAutoConfiguration.class))
			.withPropertyValues("linkai.api-key=Link_tOCJYmHxxm55eA1xs");
		clients.withPropertyValues("linkai.web.problem-details.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ChatClientRegistry.class));
		clients.withPropertyValues("linkai.web.problem-detail.enabled=false")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("linkai.web.problem-detail.enabled"));
	}

	@Test
	void springMvcShouldAnswerWithTheProblemDetail() {
		servletMvc().withUserConfiguration(ThrowingController.class)
			.run((context) -> mvc(context).get()
				.uri("/throw")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
				.expectHeader()
				.valueEquals("Retry-After", "7")
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("tag:linkai.github.io,2026:chat-problem:rate-limited")
				.jsonPath("$.instance")
				.isEqualTo("/throw"));
	}

	@Test
	void applicationsOwnAdviceShouldWinInSpringMvc() {
		servletMvc().withUserConfiguration(ThrowingController.class, OwnAdvice.class)
			.run((context) -> mvc(context).get()
				.uri("/throw")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.I_AM_A_TEAPOT));
	}

	@Test
	void applicationsOwnAdviceShouldWinInWebFlux() {
		webFlux().withUserConfiguration(ThrowingController.class, OwnAdvice.class)
			.run((context) -> webFlux(context).get()
				.uri("/throw")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.I_AM_A_TEAPOT));
	}

	@Test
	void controllersOwnExceptionHandlerShouldWin() {
		servletMvc().withUserConfiguration(HandlingController.class)
			.run((context) -> mvc(context).get()
				.uri("/throw")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.I_AM_A_TEAPOT));
		webFlux().withUserConfiguration(HandlingController.class)
			.run((context) -> webFlux(context).get()
				.uri("/throw")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.I_AM_A_TEAPOT));
	}

	@Test
	void turnedOffTheExceptionIsNotAnsweredByTheStarter() {
		webFlux().withUserConfiguration(ThrowingController.class)
			.withPropertyValues("linkai.web.problem-details.enabled=false")
			.run((context) -> webFlux(context).get()
				.uri("/throw")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR));
	}

	private WebApplicationContextRunner servletMvc() {
		return this.servletRunner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class));
	}

	private ReactiveWebApplicationContextRunner webFlux() {
		return this.reactiveRunner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				CodecsAutoConfiguration.class, WebFluxAutoConfiguration.class));
	}

	private static WebTestClient mvc(WebApplicationContext context) {
		return MockMvcWebTestClient.bindToApplicationContext(context).build();
	}

	private static WebTestClient webFlux(ApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context).build();
	}

	private static ChatClientException rateLimited() {
		return new RateLimitedException(new ErrorDetails("linkai", "default", 429, null, null, Duration.ofSeconds(7)),
				"rate limited");
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHandlerConfiguration {

		final ChatClientExceptionHandler handler = new ChatClientExceptionHandler();

		@Bean
		ChatClientExceptionHandler ownChatClientExceptionHandler() {
			return this.handler;
		}

	}

	@RestController
	static class ThrowingController {

		@GetMapping("/throw")
		String fail() {
			throw rateLimited();
		}

	}

	/**
	 * An application's own advice, without an order: it still comes before the starter's.
	 */
	@ControllerAdvice
	static class OwnAdvice {

		@ExceptionHandler
		ResponseEntity<String> handle(ChatClientException error) {
			return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).body("own");
		}

	}

	@RestController
	@Import(OwnAdvice.class)
	static class HandlingController {

		@GetMapping("/throw")
		String fail() {
			throw rateLimited();
		}

		@ExceptionHandler
		ResponseEntity<String> handle(RateLimitedException error) {
			return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).body("controller");
		}

	}

}
