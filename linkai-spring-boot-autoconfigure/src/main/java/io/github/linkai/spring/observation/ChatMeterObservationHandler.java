package io.github.linkai.spring.observation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.observation.ChatObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Records what the observation's own timer ({@code gen_ai.client.operation.duration},
 * made by Micrometer's meter handler) does not: token usage (input and output, and their
 * cached-input and reasoning parts, as the convention names them), time to first chunk
 * and between chunks, open streams, chunks per stream, retries and reported cost.
 * Histograms use the bucket boundaries the conventions advise.
 */
public class ChatMeterObservationHandler implements ObservationHandler<ChatObservationContext> {

	/** The conventions' advice for durations: 0.01 s doubling to 81.92 s. */
	static final double[] DURATION_BUCKETS = { 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48,
			40.96, 81.92 };

	/**
	 * {@link #DURATION_BUCKETS} as durations, made once: a timer is looked up on every
	 * call.
	 */
	private static final Duration[] DURATION_SLOS = seconds(DURATION_BUCKETS);

	private final MeterRegistry registry;

	private final ChatObservationConvention convention;

	private final TokenUsageMeters tokens;

	private final Map<Tags, AtomicInteger> activeStreams = new ConcurrentHashMap<>();

	public ChatMeterObservationHandler(MeterRegistry registry, ChatObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
		this.tokens = new TokenUsageMeters(registry, convention);
	}

	/**
	 * Gives the observation's timer ({@code gen_ai.client.operation.duration} unless
	 * renamed) the advised buckets; Micrometer's meter handler creates that timer, so
	 * only a filter can shape it.
	 */
	public static MeterFilter durationBuckets(ChatObservationConvention convention) {
		return new MeterFilter() {
			@Override
			public DistributionStatisticConfig configure(io.micrometer.core.instrument.Meter.Id id,
					DistributionStatisticConfig config) {
				if (!id.getName().equals(convention.getName())) {
					return config;
				}
				// a timer's buckets are in its base unit, nanoseconds
				double[] nanos = new double[DURATION_BUCKETS.length];
				for (int i = 0; i < nanos.length; i++) {
					nanos[i] = DURATION_BUCKETS[i] * 1e9;
				}
				return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
			}
		};
	}

	/**
	 * Drops the counter Micrometer's meter handler makes of the retry event
	 * ({@code <name>.<event>}, tagged as at the call's start):
	 * {@code linkai.client.retries} counts the same retries, with the outcome.
	 */
	public static MeterFilter retryEventCounter(ChatObservationConvention convention) {
		return MeterFilter.deny((id) -> id.getType() == io.micrometer.core.instrument.Meter.Type.COUNTER
				&& id.getName().equals(convention.getName() + "." + convention.getRetryEventName()));
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatObservationContext;
	}

	@Override
	public void onStart(ChatObservationContext context) {
		if (!context.isStream()) {
			return;
		}
		Tags streamTags = streamTags(context);
		activeStreams(streamTags).incrementAndGet();
		// resolved once per stream, so each chunk costs one record
		Timer gaps = timer(this.convention.getTimePerOutputChunkName(), "Time between two chunks of a stream",
				tags(context, false));
		context.setChunkGapRecorder((nanos) -> gaps.record(nanos, TimeUnit.NANOSECONDS));
	}

	@Override
	public void onStop(ChatObservationContext context) {
		Tags tags = tags(context, true);
		Usage usage = context.getUsage();
		if (usage != null) {
			this.tokens.record(tags, usage, context.getError() != null);
		}
		if (context.getRetries() > 0) {
			Counter.builder(this.convention.getRetriesName())
				.description("Attempts made again after a failed one")
				.tags(tags)
				.register(this.registry)
				.increment(context.getRetries());
		}
		if (context.getCost() != null) {
			Counter.builder(this.convention.getCostName())
				.description("Cost the provider reported for its calls, in its own unit")
				.tags(tags)
				.register(this.registry)
				.increment(context.getCost().doubleValue());
		}
		if (context.isStream()) {
			activeStreams(streamTags(context)).decrementAndGet();
			context.setChunkGapRecorder(null);
			DistributionSummary.builder(this.convention.getStreamChunksName())
				.description("Chunks a stream handed over")
				.tags(tags)
				.register(this.registry)
				.record(context.getChunks());
			long firstChunk = context.getTimeToFirstChunkNanos();
			if (firstChunk >= 0) {
				timer(this.convention.getTimeToFirstChunkName(), "Time from the request to the first chunk",
						tags(context, false))
					.record(firstChunk, TimeUnit.NANOSECONDS);
			}
		}
	}

	private Timer timer(String name, String description, Tags tags) {
		return Timer.builder(name)
			.description(description)
			.tags(tags)
			.serviceLevelObjectives(DURATION_SLOS)
			.register(this.registry);
	}

	private AtomicInteger activeStreams(Tags tags) {
		return this.activeStreams.computeIfAbsent(tags, (key) -> {
			AtomicInteger count = new AtomicInteger();
			Gauge.builder(this.convention.getActiveStreamsName(), count, AtomicInteger::get)
				.description("Streams open now")
				.tags(key)
				.register(this.registry);
			return count;
		});
	}

	/**
	 * The observation's low-cardinality tags; without the outcome ones for what is known
	 * before the end.
	 */
	private Tags tags(ChatObservationContext context, boolean withOutcome) {
		// collected first: Tags.and copies and sorts the tags so far on every call
		List<Tag> tags = new ArrayList<>(12);
		for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
			if (withOutcome || !isOutcome(keyValue.getKey())) {
				tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
			}
		}
		return Tags.of(tags);
	}

	private static boolean isOutcome(String key) {
		return LowCardinalityKeyNames.ERROR_TYPE.asString().equals(key)
				|| LowCardinalityKeyNames.RESPONSE_MODEL.asString().equals(key);
	}

	private static Tags streamTags(ChatObservationContext context) {
		return Tags.of(LowCardinalityKeyNames.PROVIDER_NAME.asString(), context.getProvider(),
				LowCardinalityKeyNames.CLIENT_NAME.asString(), context.getClientName());
	}

	private static Duration[] seconds(double[] buckets) {
		Duration[] durations = new Duration[buckets.length];
		for (int i = 0; i < buckets.length; i++) {
			durations[i] = Duration.ofNanos((long) (buckets[i] * 1_000_000_000L));
		}
		return durations;
	}

}
