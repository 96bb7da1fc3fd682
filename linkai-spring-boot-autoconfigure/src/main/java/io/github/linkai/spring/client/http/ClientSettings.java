package io.github.linkai.spring.client.http;

import java.time.Clock;
import java.util.Objects;

import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.stream.EventStreamLines;
import io.github.linkai.spring.observation.ChatObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Everything the exchange path needs to know about one client besides its provider's wire format. It is
 * built once per client (from properties, in a Boot application) and read on every call, so a new
 * per-client concern is one field here and a few lines in {@link ChatExchange}.
 *
 * @param name the client's configured name ({@code default} for the top-level one)
 * @param defaults the default options of the client's calls; a request's own values win
 * @param maxEventBytes the largest stream event (and line) accepted
 * @param clock the clock for {@code Retry-After} dates
 * @param observationRegistry where calls are observed; {@link ObservationRegistry#NOOP} costs nothing
 * @param observationConvention the names of the observation, {@code null} for the default ones
 * @param recordContent whether prompts and answers are added to the observation (span attributes
 * {@code gen_ai.input.messages} and {@code gen_ai.output.messages}): off by default, they are personal data
 * @param listener told how each call ended, {@code null} for none
 */
public record ClientSettings(String name, ChatOptions defaults, int maxEventBytes, Clock clock,
		ObservationRegistry observationRegistry, @Nullable ChatObservationConvention observationConvention,
		boolean recordContent, @Nullable CallListener listener) {

	public ClientSettings {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(defaults, "defaults must not be null");
		Objects.requireNonNull(clock, "clock must not be null");
		Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
		if (maxEventBytes < 1) {
			throw new IllegalArgumentException("maxEventBytes must be positive but was " + maxEventBytes);
		}
	}

	/** Settings for a client of that name: no default options, the default limits, the system clock, unobserved. */
	public static ClientSettings of(String name) {
		return new ClientSettings(name, ChatOptions.none(), EventStreamLines.DEFAULT_MAX_EVENT_BYTES, Clock.systemUTC(),
				ObservationRegistry.NOOP, null, false, null);
	}

	/** A copy with other default options. */
	public ClientSettings withDefaults(ChatOptions defaults) {
		return new ClientSettings(this.name, defaults, this.maxEventBytes, this.clock, this.observationRegistry,
				this.observationConvention, this.recordContent, this.listener);
	}

	/** A copy with another event size limit. */
	public ClientSettings withMaxEventBytes(int maxEventBytes) {
		return new ClientSettings(this.name, this.defaults, maxEventBytes, this.clock, this.observationRegistry,
				this.observationConvention, this.recordContent, this.listener);
	}

	/** A copy with another clock. */
	public ClientSettings withClock(Clock clock) {
		return new ClientSettings(this.name, this.defaults, this.maxEventBytes, clock, this.observationRegistry,
				this.observationConvention, this.recordContent, this.listener);
	}

	/** A copy observed in {@code registry} with {@code convention} ({@code null} for the default names). */
	public ClientSettings withObservation(ObservationRegistry registry, @Nullable ChatObservationConvention convention,
			boolean recordContent) {
		return new ClientSettings(this.name, this.defaults, this.maxEventBytes, this.clock, registry, convention,
				recordContent, this.listener);
	}

	/** A copy that tells {@code listener} how each call ended. */
	public ClientSettings withListener(@Nullable CallListener listener) {
		return new ClientSettings(this.name, this.defaults, this.maxEventBytes, this.clock, this.observationRegistry,
				this.observationConvention, this.recordContent, listener);
	}

}
