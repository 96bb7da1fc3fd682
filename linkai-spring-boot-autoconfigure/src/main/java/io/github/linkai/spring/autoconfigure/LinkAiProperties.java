package io.github.linkai.spring.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.linkai.spring.limits.LimitStoreSettings;
import io.github.linkai.spring.observation.GenAiSemanticConventions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * {@code linkai.*}: the default client (created when {@code linkai.api-key} is set) and
 * the named clients under {@code linkai.clients.<name>.*}, which inherit unset values
 * from the top level.
 */
@ConfigurationProperties(prefix = "linkai")
public class LinkAiProperties extends LinkAiClientProperties {

	/**
	 * Named clients, each a bean qualified by its name (e.g. @Qualifier("support")
	 * ChatClient) and in the ChatClientRegistry. Unset values are inherited from the
	 * top-level linkai.* settings.
	 */
	private Map<String, LinkAiClientProperties> clients = new LinkedHashMap<>();

	/**
	 * What tokens cost, per model (looked up without regard to case; write a name with
	 * dots or capitals in brackets, e.g. "[LinkAI-4o-mini]"), in one currency of your
	 * choice: the basis of cost budgets and of linkai.client.cost. A provider that
	 * reports its own cost (Jijyun's total_cost) counts as reported.
	 */
	private Map<String, Price> pricing = new LinkedHashMap<>();

	/** Observation of the chat calls (metrics and spans). */
	private final Observations observations = new Observations();

	/**
	 * The clients' health, as the actuator's health endpoint shows it (linkai/<client
	 * name>).
	 */
	private final Health health = new Health();

	/**
	 * What a Spring MVC or WebFlux application answers its callers when a chat call
	 * fails.
	 */
	private final Web web = new Web();

	public LinkAiProperties() {
		super(new LimitStoreSettings());
	}

	/**
	 * The default client's limits, which named clients inherit, and where every client's
	 * limits are kept.
	 */
	@Override
	@NestedConfigurationProperty
	public LimitStoreSettings getLimits() {
		return (LimitStoreSettings) super.getLimits();
	}

	public Map<String, Price> getPricing() {
		return this.pricing;
	}

	public void setPricing(Map<String, Price> pricing) {
		this.pricing = pricing;
	}

	public Map<String, LinkAiClientProperties> getClients() {
		return this.clients;
	}

	public void setClients(Map<String, LinkAiClientProperties> clients) {
		this.clients = clients;
	}

	public Observations getObservations() {
		return this.observations;
	}

	public Health getHealth() {
		return this.health;
	}

	public Web getWeb() {
		return this.web;
	}

	/** Observation of the chat calls. */
	public static class Observations {

		/**
		 * Whether spans carry the prompt and the answer (gen_ai.input.messages,
		 * gen_ai.output.messages). They are your users' words, sent to your tracing
		 * backend in full: keep it off unless that is allowed.
		 */
		private boolean includeContent;

		/**
		 * Which names of the OpenTelemetry GenAI conventions the observation and meters
		 * use: v1-41, the last release, or latest-experimental, the unreleased names of
		 * the conventions' main branch (gen_ai.client.inference.*, token usage as one
		 * counter per kind of token), which may change again. Ignored when the
		 * application defines its own ChatObservationConvention.
		 */
		private GenAiSemanticConventions semanticConventions = GenAiSemanticConventions.V1_41;

		public boolean isIncludeContent() {
			return this.includeContent;
		}

		public void setIncludeContent(boolean includeContent) {
			this.includeContent = includeContent;
		}

		public GenAiSemanticConventions getSemanticConventions() {
			return this.semanticConventions;
		}

		public void setSemanticConventions(GenAiSemanticConventions semanticConventions) {
			this.semanticConventions = semanticConventions;
		}

	}

	/**
	 * The clients' health. Passive by default: judged from the calls the application
	 * makes, without a call of its own. Settings apply to every client.
	 */
	public static class Health {

		/**
		 * How far back calls count: failures older than this no longer make a client DOWN
		 * or OUT_OF_SERVICE.
		 */
		private Duration window = Duration.ofMinutes(5);

		/**
		 * Provider-side failures in a row (5xx, transport, timeout), all within the
		 * window, that make a client DOWN.
		 */
		private int failureThreshold = 3;

		/**
		 * The optional active probe: a real chat call when there is no recent evidence.
		 * It spends tokens.
		 */
		private final Probe probe = new Probe();

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public int getFailureThreshold() {
			return this.failureThreshold;
		}

		public void setFailureThreshold(int failureThreshold) {
			this.failureThreshold = failureThreshold;
		}

		public Probe getProbe() {
			return this.probe;
		}

		/** The optional active probe of each client. */
		public static class Probe {

			/**
			 * Whether a health check may call each client's provider when no call has
			 * ended within the interval. Each probe is a real chat call: it spends tokens
			 * (or credit) on every instance.
			 */
			private boolean enabled;

			/**
			 * The least time between a client's probes; health checks in between reuse
			 * the last result.
			 */
			private Duration interval = Duration.ofMinutes(1);

			/**
			 * How long a probe may take; a probe without an answer in time counts as a
			 * provider-side failure.
			 */
			private Duration timeout = Duration.ofSeconds(10);

			/** The user message a probe sends, with the client's default options. */
			private String message = "ping";

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public Duration getInterval() {
				return this.interval;
			}

			public void setInterval(Duration interval) {
				this.interval = interval;
			}

			public Duration getTimeout() {
				return this.timeout;
			}

			public void setTimeout(Duration timeout) {
				this.timeout = timeout;
			}

			public String getMessage() {
				return this.message;
			}

			public void setMessage(String message) {
				this.message = message;
			}

		}

	}

	/**
	 * What a Spring MVC or WebFlux application answers its callers when a chat call
	 * fails.
	 */
	public static class Web {

		/** Chat errors as RFC 9457 problem details. */
		private final ProblemDetails problemDetails = new ProblemDetails();

		public ProblemDetails getProblemDetails() {
			return this.problemDetails;
		}

		/** Chat errors as RFC 9457 problem details. */
		public static class ProblemDetails {

			/**
			 * Whether a ChatClientException reaching a controller is answered with a
			 * problem detail and the status of its kind (429, 502, 503, 504...) instead
			 * of a 500. The application's own exception handlers win either way.
			 */
			private boolean enabled = true;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

	}

	/** What a model's tokens cost, per million. */
	public static class Price {

		/** Price of a million input tokens. */
		private @Nullable BigDecimal input;

		/**
		 * Price of a million input tokens served from the provider's cache. Unset: the
		 * input price.
		 */
		private @Nullable BigDecimal cachedInput;

		/** Price of a million output tokens. */
		private @Nullable BigDecimal output;

		public @Nullable BigDecimal getInput() {
			return this.input;
		}

		public void setInput(@Nullable BigDecimal input) {
			this.input = input;
		}

		public @Nullable BigDecimal getCachedInput() {
			return this.cachedInput;
		}

		public void setCachedInput(@Nullable BigDecimal cachedInput) {
			this.cachedInput = cachedInput;
		}

		public @Nullable BigDecimal getOutput() {
			return this.output;
		}

		public void setOutput(@Nullable BigDecimal output) {
			this.output = output;
		}

	}

}
