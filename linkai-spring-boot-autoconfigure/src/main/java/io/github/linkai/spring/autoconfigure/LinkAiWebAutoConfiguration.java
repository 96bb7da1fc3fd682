package io.github.linkai.spring.autoconfigure;

import io.github.linkai.spring.client.error.ChatClientException;
import io.github.linkai.spring.web.ChatClientExceptionHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Answers a {@link ChatClientException} that reaches a controller with an RFC 9457
 * problem detail, in a Spring MVC or a WebFlux application (one {@code @ControllerAdvice}
 * serves both: each stack resolves it for its annotated controllers). On by default,
 * unlike Boot's {@code spring.mvc.problemdetails.enabled} and
 * {@code spring.webflux.problemdetails.enabled} (which cover Spring's own exceptions and
 * are independent of this): without it the caller gets a bare 500 for a provider's 429 or
 * 503. Off with {@code linkai.web.problem-details.enabled=false}; a
 * {@link ChatClientExceptionHandler} bean of the application's own replaces it.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "linkai.web.problem-details.enabled", matchIfMissing = true)
public final class LinkAiWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChatClientExceptionHandler linkAiChatClientExceptionHandler() {
		return new ChatClientExceptionHandler();
	}

}
