package io.github.linkai.spring.client.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.observation.ChatObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

/**
 * Everything the exchange path needs to know about one client besides its provider's wire
 * format. It is built once per client (from properties, in a Boot application) and read
 * on every call, so a new per-client concern is one field here and a few lines in
 * {@link ChatExchange}.
 *
 * @param name the client's configured name (the top-level one's is {@code "default"})
 * @param defaults the default options of the client's calls; a request's own values win
 * @param maxEventBytes the largest stream event (and line) accepted
 * @param maxErrorBodyBytes how much of an error response's body is read for its message
 * @param firstEventTimeout the longest wait for a stream's first data event
 * @param idleTimeout the longest wait between two data events of a stream (comments and
 * keep-alives do not count)
 * @param deadline the longest a whole call or stream may take, retries included
 * @param retry when failed attempts are made again
 * @param clock the clock for {@code Retry-After} dates
 * @param scheduler where backoffs and timeouts wait (a virtual-time one in tests)
 * @param observationRegistry where calls are observed; {@link ObservationRegistry#NOOP}
 * costs nothing
 * @param observationConvention the names of the observation, {@code null} for the default
 * ones
 * @param recordContent whether prompts and answers are added to the observation (span
 * attributes {@code gen_ai.input.messages} and {@code gen_ai.output.messages}): off by
 * default, they are personal data
 * @param listener told how each call ended, {@code null} for none
 */
public record ClientSettings(String name, ChatOptions defaults, int maxEventBytes, int maxErrorBodyBytes,
		Duration firstEventTimeout, Duration idleTimeout, Duration deadline, RetryPolicy retry, Clock clock,
		Scheduler scheduler, ObservationRegistry observationRegistry,
		@Nullable ChatObservationConvention observationConvention, boolean recordContent,
		@Nullable CallListener listener) {

	/**
	 * 8 MiB: LinkAI documents image, video and file output, which may come as one event.
	 */
	public static final int DEFAULT_MAX_EVENT_BYTES = 8 * 1024 * 1024;

	/** 64 KiB of an error body is plenty for its message; the rest is not read. */
	public static final int DEFAULT_MAX_ERROR_BODY_BYTES = 64 * 1024;

	public ClientSettings {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(defaults, "defaults must not be null");
		Objects.requireNonNull(firstEventTimeout, "firstEventTimeout must not be null");
		Objects.requireNonNull(idleTimeout, "idleTimeout must not be null");
		Objects.requireNonNull(deadline, "deadline must not be null");
		Objects.requireNonNull(retry, "retry must not be null");
		Objects.requireNonNull(clock, "clock must not be null");
		Objects.requireNonNull(scheduler, "scheduler must not be null");
		Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
		if (maxEventBytes < 1 || maxErrorBodyBytes < 1) {
			throw new IllegalArgumentException("size limits must be positive");
		}
		for (Duration timeout : new Duration[] { firstEventTimeout, idleTimeout, deadline }) {
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("timeouts must be positive but one was " + timeout);
			}
		}
	}

	/** Settings for a client of that name with every default: see {@link Builder}. */
	public static ClientSettings of(String name) {
		return builder(name).build();
	}

	/** A builder with every default. */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/** A builder holding these settings, to derive changed ones. */
	public Builder toBuilder() {
		Builder builder = new Builder(this.name);
		builder.defaults = this.defaults;
		builder.maxEventBytes = this.maxEventBytes;
		builder.maxErrorBodyBytes = this.maxErrorBodyBytes;
		builder.firstEventTimeout = this.firstEventTimeout;
		builder.idleTimeout = this.idleTimeout;
		builder.deadline = this.deadline;
		builder.retry = this.retry;
		builder.clock = this.clock;
		builder.scheduler = this.scheduler;
		builder.observationRegistry = this.observationRegistry;
		builder.observationConvention = this.observationConvention;
		builder.recordContent = this.recordContent;
		builder.listener = this.listener;
		return builder;
	}

	/**
	 * Builds {@link ClientSettings}. Defaults: no default options, events up to 8 MiB, 64
	 * KiB of an error body, 120 s to the first event, 60 s between events, a 10 min
	 * deadline, {@link RetryPolicy#defaults()}, the system clock, a timer wheel (Netty's,
	 * firing on Reactor's parallel scheduler), not observed, no listener.
	 */
	public static final class Builder {

		private final String name;

		private ChatOptions defaults = ChatOptions.none();

		private int maxEventBytes = DEFAULT_MAX_EVENT_BYTES;

		private int maxErrorBodyBytes = DEFAULT_MAX_ERROR_BODY_BYTES;

		private Duration firstEventTimeout = Duration.ofMinutes(2);

		private Duration idleTimeout = Duration.ofSeconds(60);

		private Duration deadline = Duration.ofMinutes(10);

		private RetryPolicy retry = RetryPolicy.defaults();

		private Clock clock = Clock.systemUTC();

		private Scheduler scheduler = TimerWheelScheduler.INSTANCE;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable ChatObservationConvention observationConvention;

		private boolean recordContent;

		private @Nullable CallListener listener;

		private Builder(String name) {
			this.name = Objects.requireNonNull(name, "name must not be null");
		}

		public Builder defaults(ChatOptions defaults) {
			this.defaults = defaults;
			return this;
		}

		public Builder maxEventBytes(int maxEventBytes) {
			this.maxEventBytes = maxEventBytes;
			return this;
		}

		public Builder maxErrorBodyBytes(int maxErrorBodyBytes) {
			this.maxErrorBodyBytes = maxErrorBodyBytes;
			return this;
		}

		public Builder firstEventTimeout(Duration firstEventTimeout) {
			this.firstEventTimeout = firstEventTimeout;
			return this;
		}

		public Builder idleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
			return this;
		}

		public Builder deadline(Duration deadline) {
			this.deadline = deadline;
			return this;
		}

		public Builder retry(RetryPolicy retry) {
			this.retry = retry;
			return this;
		}

		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		public Builder scheduler(Scheduler scheduler) {
			this.scheduler = scheduler;
			return this;
		}

		/**
		 * Observes the calls in {@code registry} with {@code convention} ({@code null}
		 * for the default names).
		 */
		public Builder observation(ObservationRegistry registry, @Nullable ChatObservationConvention convention) {
			this.observationRegistry = registry;
			this.observationConvention = convention;
			return this;
		}

		public Builder recordContent(boolean recordContent) {
			this.recordContent = recordContent;
			return this;
		}

		public Builder listener(@Nullable CallListener listener) {
			this.listener = listener;
			return this;
		}

		public ClientSettings build() {
			return new ClientSettings(this.name, this.defaults, this.maxEventBytes, this.maxErrorBodyBytes,
					this.firstEventTimeout, this.idleTimeout, this.deadline, this.retry, this.clock, this.scheduler,
					this.observationRegistry, this.observationConvention, this.recordContent, this.listener);
		}

	}

}
