package io.github.linkai.spring.autoconfigure;

import io.github.linkai.spring.limits.LimitsMeters;
import io.github.linkai.spring.observation.ChatCallObserver;
import io.github.linkai.spring.observation.ChatMeterObservationHandler;
import io.github.linkai.spring.observation.ChatObservationConvention;
import io.github.linkai.spring.observation.ConnectionPoolMeters;
import io.github.linkai.spring.observation.DefaultChatObservationConvention;
import io.github.linkai.spring.observation.FallbackObservationEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Observation of the chat calls: the convention holding every name (replace it with a
 * bean of your own), and, with a {@link MeterRegistry}, the meters the observation's
 * timer does not cover, the advised buckets for that timer and each client's connection
 * pool ({@link ConnectionPoolMeters}). Without Boot's {@link ObservationRegistry} the
 * clients are not observed and pay nothing.
 */
@AutoConfiguration(before = LinkAiAutoConfiguration.class,
		afterName = {
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(ObservationRegistry.class)
@EnableConfigurationProperties(LinkAiProperties.class)
public final class LinkAiObservationAutoConfiguration {

	/** The names of the conventions linkai.observations.semantic-conventions selects. */
	@Bean
	@ConditionalOnMissingBean
	ChatObservationConvention linkAiChatObservationConvention(LinkAiProperties properties) {
		return new DefaultChatObservationConvention(properties.getObservations().getSemanticConventions());
	}

	/**
	 * Observes every client's calls, when the application has an observation registry.
	 */
	@Bean
	@ConditionalOnBean(ObservationRegistry.class)
	@ConditionalOnMissingBean
	ChatCallObserver linkAiChatCallObserver(ObservationRegistry registry, ChatObservationConvention convention,
			LinkAiProperties properties) {
		return new ChatCallObserver(registry, convention, properties.getObservations().isIncludeContent());
	}

	/** Each fallback as an event of the caller's observation. */
	@Bean
	@ConditionalOnMissingBean
	FallbackObservationEvents linkAiFallbackObservationEvents() {
		return new FallbackObservationEvents();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ChatMeterObservationHandler linkAiChatMeterObservationHandler(MeterRegistry registry,
				ChatObservationConvention convention) {
			return new ChatMeterObservationHandler(registry, convention);
		}

		@Bean
		MeterFilter linkAiChatDurationBuckets(ChatObservationConvention convention) {
			return ChatMeterObservationHandler.durationBuckets(convention);
		}

		@Bean
		MeterFilter linkAiChatRetryEventCounter(ChatObservationConvention convention) {
			return ChatMeterObservationHandler.retryEventCounter(convention);
		}

		/** Fallbacks, limits, budgets, breakers and the shared store, counted. */
		@Bean
		@ConditionalOnMissingBean
		LimitsMeters linkAiLimitsMeters(MeterRegistry registry) {
			return new LimitsMeters(registry);
		}

		@Bean
		ClientPoolMeters linkAiClientPoolMeters(MeterRegistry registry) {
			return new ConnectionPoolMeters(registry)::registrar;
		}

	}

}
