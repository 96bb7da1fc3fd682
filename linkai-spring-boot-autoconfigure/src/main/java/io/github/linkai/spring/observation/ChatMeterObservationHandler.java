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
import io.micrometer.common.KeyValues;
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
import org.jspecify.annotations.Nullable;

/**
 * Records what the observation's own timer ({@code gen_ai.client.operation.duration},
 * made by Micrometer's meter handler) does not: token usage, time to first chunk and
 * between chunks, open streams, chunks per stream, retries and reported cost. Histograms
 * use the bucket boundaries the conventions advise.
 */
public class ChatMeterObservationHandler implements ObservationHandler<ChatObservationContext> {

	/** The conventions' advice for durations: 0.01 s doubling to 81.92 s. */
	static final double[] DURATION_BUCKETS = { 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48,
			40.96, 81.92 };

	/** The conventions' advice for token counts: 1 quadrupling to 67108864. */
	static final double[] TOKEN_BUCKETS = { 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304,
			16777216, 67108864 };

	/**
	 * {@link #DURATION_BUCKETS} as durations, made once: a timer is looked up on every
	 * call.
	 */
	private static final Duration[] DURATION_SLOS = seconds(DURATION_BUCKETS);

	private final MeterRegistry registry;

	private final ChatObservationConvention convention;

	/** At most this many tag sets' meters are kept: tags are low-cardinality. */
	static final int CACHED_TAG_SETS = 1_000;

	private final Map<StreamKey, AtomicInteger> activeStreams = new ConcurrentHashMap<>();

	private final Map<KeyValues, Meters> meters = new ConcurrentHashMap<>();

	public ChatMeterObservationHandler(MeterRegistry registry, ChatObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
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
		activeStreams(context).incrementAndGet();
		// resolved once per stream, so each chunk costs one record
		Timer gaps = meters(context).chunkGaps();
		context.setChunkGapRecorder((nanos) -> gaps.record(nanos, TimeUnit.NANOSECONDS));
	}

	@Override
	public void onStop(ChatObservationContext context) {
		Meters meters = meters(context);
		Usage usage = context.getUsage();
		if (usage != null) {
			record(meters.inputTokens(), usage.inputTokens());
			record(meters.outputTokens(), usage.outputTokens());
		}
		if (context.getRetries() > 0) {
			meters.retries().increment(context.getRetries());
		}
		if (context.getCost() != null) {
			meters.cost().increment(context.getCost().doubleValue());
		}
		if (context.isStream()) {
			activeStreams(context).decrementAndGet();
			context.setChunkGapRecorder(null);
			meters.chunks().record(context.getChunks());
			long firstChunk = context.getTimeToFirstChunkNanos();
			if (firstChunk >= 0) {
				meters.firstChunk().record(firstChunk, TimeUnit.NANOSECONDS);
			}
		}
	}

	private static void record(DistributionSummary summary, @Nullable Integer count) {
		if (count != null) {
			summary.record(count);
		}
	}

	/**
	 * The meters of the observation's tags, found once per tag set rather than built and
	 * looked up in the registry on every start and stop. Past {@link #CACHED_TAG_SETS}
	 * tag sets they are looked up as before, uncached. As with the streams gauge, a meter
	 * removed from the registry is not registered again.
	 */
	private Meters meters(ChatObservationContext context) {
		KeyValues keyValues = context.getLowCardinalityKeyValues();
		Meters meters = this.meters.get(keyValues);
		if (meters != null) {
			return meters;
		}
		meters = new Meters(keyValues);
		if (this.meters.size() < CACHED_TAG_SETS) {
			Meters raced = this.meters.putIfAbsent(keyValues, meters);
			return (raced != null) ? raced : meters;
		}
		return meters;
	}

	private Timer timer(String name, String description, Tags tags) {
		return Timer.builder(name)
			.description(description)
			.tags(tags)
			.serviceLevelObjectives(DURATION_SLOS)
			.register(this.registry);
	}

	private AtomicInteger activeStreams(ChatObservationContext context) {
		return this.activeStreams.computeIfAbsent(new StreamKey(context.getProvider(), context.getClientName()),
				(key) -> {
					AtomicInteger count = new AtomicInteger();
					Gauge.builder(this.convention.getActiveStreamsName(), count, AtomicInteger::get)
						.description("Streams open now")
						.tags(Tags.of(LowCardinalityKeyNames.PROVIDER_NAME.asString(), key.provider(),
								LowCardinalityKeyNames.CLIENT_NAME.asString(), key.clientName()))
						.register(this.registry);
					return count;
				});
	}

	/**
	 * The observation's low-cardinality tags; without the outcome ones for what is known
	 * before the end.
	 */
	private static Tags tags(KeyValues keyValues, boolean withOutcome) {
		// collected first: Tags.and copies and sorts the tags so far on every call
		List<Tag> tags = new ArrayList<>(12);
		for (KeyValue keyValue : keyValues) {
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

	private static Duration[] seconds(double[] buckets) {
		Duration[] durations = new Duration[buckets.length];
		for (int i = 0; i < buckets.length; i++) {
			durations[i] = Duration.ofNanos((long) (buckets[i] * 1_000_000_000L));
		}
		return durations;
	}

	/** The streams gauge's tags. */
	private record StreamKey(String provider, String clientName) {
	}

	/**
	 * One tag set's meters, each registered when first recorded to (a meter appears when
	 * it has something to show, as before). Racing threads may register one twice: the
	 * registry hands both the same meter.
	 */
	private final class Meters {

		private final Tags tags;

		private final Tags startTags;

		private volatile @Nullable Timer chunkGaps;

		private volatile @Nullable Timer firstChunk;

		private volatile @Nullable DistributionSummary chunks;

		private volatile @Nullable DistributionSummary inputTokens;

		private volatile @Nullable DistributionSummary outputTokens;

		private volatile @Nullable Counter retries;

		private volatile @Nullable Counter cost;

		Meters(KeyValues keyValues) {
			this.tags = tags(keyValues, true);
			this.startTags = tags(keyValues, false);
		}

		Timer chunkGaps() {
			Timer timer = this.chunkGaps;
			if (timer == null) {
				timer = timer(ChatMeterObservationHandler.this.convention.getTimePerOutputChunkName(),
						"Time between two chunks of a stream", this.startTags);
				this.chunkGaps = timer;
			}
			return timer;
		}

		Timer firstChunk() {
			Timer timer = this.firstChunk;
			if (timer == null) {
				timer = timer(ChatMeterObservationHandler.this.convention.getTimeToFirstChunkName(),
						"Time from the request to the first chunk", this.startTags);
				this.firstChunk = timer;
			}
			return timer;
		}

		DistributionSummary chunks() {
			DistributionSummary summary = this.chunks;
			if (summary == null) {
				summary = DistributionSummary.builder(ChatMeterObservationHandler.this.convention.getStreamChunksName())
					.description("Chunks a stream handed over")
					.tags(this.tags)
					.register(ChatMeterObservationHandler.this.registry);
				this.chunks = summary;
			}
			return summary;
		}

		DistributionSummary inputTokens() {
			DistributionSummary summary = this.inputTokens;
			if (summary == null) {
				summary = tokens("input");
				this.inputTokens = summary;
			}
			return summary;
		}

		DistributionSummary outputTokens() {
			DistributionSummary summary = this.outputTokens;
			if (summary == null) {
				summary = tokens("output");
				this.outputTokens = summary;
			}
			return summary;
		}

		Counter retries() {
			Counter counter = this.retries;
			if (counter == null) {
				counter = Counter.builder(ChatMeterObservationHandler.this.convention.getRetriesName())
					.description("Attempts made again after a failed one")
					.tags(this.tags)
					.register(ChatMeterObservationHandler.this.registry);
				this.retries = counter;
			}
			return counter;
		}

		Counter cost() {
			Counter counter = this.cost;
			if (counter == null) {
				counter = Counter.builder(ChatMeterObservationHandler.this.convention.getCostName())
					.description("Cost the provider reported for its calls, in its own unit")
					.tags(this.tags)
					.register(ChatMeterObservationHandler.this.registry);
				this.cost = counter;
			}
			return counter;
		}

		private DistributionSummary tokens(String type) {
			// no base unit: the conventions' "{token}" is an annotation, and Prometheus
			// would append it to the name
			ChatObservationConvention convention = ChatMeterObservationHandler.this.convention;
			return DistributionSummary.builder(convention.getTokenUsageName())
				.description("Tokens used, as the provider reported them ({token})")
				.tags(this.tags.and(convention.getTokenTypeKey(), type))
				.serviceLevelObjectives(TOKEN_BUCKETS)
				.register(ChatMeterObservationHandler.this.registry);
		}

	}

}
