package io.github.linkai.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The application the starter's rows run in: nothing but auto-configuration, as a user's
 * application with the starter gets it. Observation is Boot's own (an
 * {@code ObservationRegistry} with its meter handler on a {@code SimpleMeterRegistry}) or
 * excluded.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class BenchApplication {

	private static final String OBSERVATION = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration,"
			+ "org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration";

	private static final String LINKAI = "io.github.linkai.spring.autoconfigure.LinkAiAutoConfiguration,"
			+ "io.github.linkai.spring.autoconfigure.LinkAiObservationAutoConfiguration,"
			+ "io.github.linkai.spring.autoconfigure.LinkAiHealthContributorAutoConfiguration";

	/**
	 * Starts it.
	 * @param stubUrl the stub's base URL, ending in {@code /}
	 * @param observed whether Boot's observation is on
	 * @param linkai whether the starter's auto-configuration runs (off only to time what
	 * it adds)
	 */
	static ConfigurableApplicationContext start(String stubUrl, boolean observed, boolean linkai) {
		List<String> properties = new ArrayList<>(List.of("linkai.api-key=bench-key",
				"linkai.base-url=" + stubUrl + "linkai", "linkai.pool.max-connections=6000",
				"linkai.clients.held.base-url=" + stubUrl + "linkai-hold", "linkai.clients.held.idle-timeout=30m",
				"spring.main.banner-mode=off", "spring.main.log-startup-info=false", "logging.level.root=warn",
				// Spring AI logs every cancelled stream at ERROR, which the held streams
				// all are
				"logging.level.org.springframework.ai=off", "logging.level.reactor.core.publisher.Operators=off"));
		List<String> excluded = new ArrayList<>();
		if (!observed) {
			excluded.add(OBSERVATION);
		}
		if (!linkai) {
			excluded.add(LINKAI);
		}
		if (!excluded.isEmpty()) {
			properties.add("spring.autoconfigure.exclude=" + String.join(",", excluded));
		}
		return new SpringApplicationBuilder(BenchApplication.class).web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run();
	}

}
