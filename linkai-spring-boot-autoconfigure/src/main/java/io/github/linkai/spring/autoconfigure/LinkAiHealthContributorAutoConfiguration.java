package io.github.linkai.spring.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.fallback.FallbackChatClient;
import io.github.linkai.spring.health.ChatClientHealthIndicator;
import io.github.linkai.spring.health.ChatClientHealthTracker;
import io.github.linkai.spring.health.PassiveHealthSettings;
import io.github.linkai.spring.health.ProbeSettings;
import io.github.linkai.spring.limits.Limits;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code linkai} health contributor: one entry per configured client, named by the
 * client's name ({@code linkai/default}, {@code linkai/support}), judged from the
 * clients' real calls and, when {@code linkai.health.probe.enabled} is set, an occasional
 * probe call. Its details show the client's circuit breaker, its keys (by position) and
 * its budget, when it has them. Disabled with
 * {@code management.health.linkai.enabled=false}; absent without Spring Boot's health
 * module.
 *
 * <p>
 * Shaped as Boot's own health contributor auto-configurations are, but the composite is
 * built from the {@link ChatClientRegistry} rather than with
 * {@code CompositeReactiveHealthContributorConfiguration}: that one names entries by bean
 * name ({@code supportChatClient}), skips the named clients (they are not default
 * candidates), and turns a single client into a bare indicator, while
 * {@code linkai/<client>} should not change shape when a second client is added.
 *
 * <p>
 * The tracker is a {@link io.github.linkai.spring.client.http.CallObserver} bean, so the
 * registry hands it to every client when it creates them; it depends on nothing the
 * registry needs.
 */
@AutoConfiguration(after = LinkAiAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(ChatClientRegistry.class)
@ConditionalOnEnabledHealthIndicator("linkai")
public final class LinkAiHealthContributorAutoConfiguration {

	LinkAiHealthContributorAutoConfiguration() {
	}

	/**
	 * Uses the application's {@link Clock} bean, if it has exactly one (tests set time
	 * with it), else the system's.
	 */
	@Bean
	@ConditionalOnMissingBean
	ChatClientHealthTracker linkAiChatClientHealthTracker(LinkAiProperties properties, ObjectProvider<Clock> clock) {
		LinkAiProperties.Health health = properties.getHealth();
		check("window", health.getWindow(), positive(health.getWindow()), "Must be positive");
		check("failure-threshold", health.getFailureThreshold(), health.getFailureThreshold() >= 1,
				"Must be at least 1");
		return new ChatClientHealthTracker(new PassiveHealthSettings(health.getWindow(), health.getFailureThreshold()),
				clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean(name = { "linkaiHealthIndicator", "linkaiHealthContributor" })
	ReactiveHealthContributor linkaiHealthContributor(ChatClientRegistry registry, ChatClientHealthTracker tracker,
			LinkAiProperties properties, ObjectProvider<Limits> limits) {
		ProbeSettings probeSettings = probeSettings(properties.getHealth().getProbe());
		Limits clientLimits = limits.getIfAvailable();
		Map<String, ChatClientHealthIndicator> indicators = new LinkedHashMap<>();
		for (ChatClientRegistry.Registered client : registry.all()) {
			String name = client.chat().name();
			// a chain's health is its first client's: the probe asks that client alone
			ChatClient probed = (client.chat() instanceof FallbackChatClient chain) ? chain.primary() : client.chat();
			indicators.put(name, new ChatClientHealthIndicator(probed, client.target(), tracker, probeSettings,
					(clientLimits != null) ? () -> clientLimits.details(name) : Map::of));
		}
		return CompositeReactiveHealthContributor.fromMap(indicators);
	}

	/**
	 * The probe's settings, {@code null} when it is off (the default: every probe spends
	 * tokens).
	 */
	private static @Nullable ProbeSettings probeSettings(LinkAiProperties.Health.Probe probe) {
		if (!probe.isEnabled()) {
			return null;
		}
		check("probe.interval", probe.getInterval(), probe.getInterval() != null && !probe.getInterval().isNegative(),
				"Must not be negative");
		check("probe.timeout", probe.getTimeout(), positive(probe.getTimeout()), "Must be positive");
		check("probe.message", probe.getMessage(), probe.getMessage() != null && !probe.getMessage().isBlank(),
				"Must not be blank");
		return new ProbeSettings(probe.getInterval(), probe.getTimeout(), probe.getMessage());
	}

	private static boolean positive(@Nullable Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

	private static void check(String name, @Nullable Object value, boolean valid, String reason) {
		if (!valid) {
			throw new InvalidConfigurationPropertyValueException("linkai.health." + name, value, reason);
		}
	}

}
