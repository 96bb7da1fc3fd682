package io.github.linkai.spring.observation;

import java.util.List;
import java.util.Map;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.Usage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names each release of the GenAI conventions gives the meters, and the token
 * counters of the development names summing what calls spent, per kind of token.
 */
class GenAiSemanticConventionsTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private DefaultChatObservationConvention convention = new DefaultChatObservationConvention();

	@Test
	void theDefaultKeepsTheNamesOfV141() {
		DefaultChatObservationConvention convention = new DefaultChatObservationConvention();

		assertThat(convention.getSemanticConventions()).isEqualTo(GenAiSemanticConventions.V1_41);
		assertThat(convention.getName()).isEqualTo("gen_ai.client.operation.duration");
		assertThat(convention.getTimeToFirstChunkName()).isEqualTo("gen_ai.client.operation.time_to_first_chunk");
		assertThat(convention.getTimePerOutputChunkName()).isEqualTo("gen_ai.client.operation.time_per_output_chunk");
		assertThat(convention.getTokenUsageName()).isEqualTo("gen_ai.client.token.usage");
		assertThat(convention.getTokenTypeKey()).isEqualTo("gen_ai.token.type");
		assertThat(convention.getTokenCounterNames()).isNull();
	}

	@Test
	void theDevelopmentNamesAreThoseOfTheInferenceMetrics() {
		DefaultChatObservationConvention convention = new DefaultChatObservationConvention(
				GenAiSemanticConventions.LATEST_EXPERIMENTAL);

		assertThat(convention.getName()).isEqualTo("gen_ai.client.inference.duration");
		assertThat(convention.getTimeToFirstChunkName()).isEqualTo("gen_ai.client.inference.time_to_first_chunk");
		assertThat(convention.getTimePerOutputChunkName()).isEqualTo("gen_ai.client.inference.time_per_output_chunk");
		assertThat(convention.getTokenCounterNames()).isEqualTo(new TokenCounterNames(
				"gen_ai.client.inference.usage.input_tokens", "gen_ai.client.inference.usage.output_tokens",
				"gen_ai.client.inference.usage.cache_read.input_tokens",
				"gen_ai.client.inference.usage.reasoning.output_tokens",
				"gen_ai.client.inference.operation.input_tokens", "gen_ai.client.inference.operation.output_tokens",
				"gen_ai.token.modality", "unknown"));
		// the starter's own names do not move
		assertThat(convention.getStreamChunksName()).isEqualTo("linkai.client.stream.chunks");
		assertThat(convention.getCostName()).isEqualTo("linkai.client.cost");
	}

	@Test
	void countersSumEachKindOfTokenOverCallsAndHistogramsTakeEachCall() {
		handlers(GenAiSemanticConventions.LATEST_EXPERIMENTAL);

		call(Usage.of(100, 40, null, 20, 15), null);
		call(Usage.of(50, 10, null), null);

		assertThat(counter("gen_ai.client.inference.usage.input_tokens")).isEqualTo(150);
		assertThat(counter("gen_ai.client.inference.usage.output_tokens")).isEqualTo(50);
		assertThat(counter("gen_ai.client.inference.usage.cache_read.input_tokens")).isEqualTo(20);
		assertThat(counter("gen_ai.client.inference.usage.reasoning.output_tokens")).isEqualTo(15);
		Counter input = this.meters.get("gen_ai.client.inference.usage.input_tokens").counter();
		assertThat(input.getId().getTag("gen_ai.token.modality")).isEqualTo("unknown");
		assertThat(input.getId().getTag("gen_ai.provider.name")).isEqualTo("linkai");
		assertThat(input.getId().getTag("gen_ai.request.model")).isEqualTo("LinkAI-4o-mini");
		assertThat(input.getId().getTag("linkai.client.name")).isEqualTo("support");
		assertThat(input.getId().getTag("gen_ai.token.type")).isNull();
		assertThat(this.meters.get("gen_ai.client.inference.operation.input_tokens").summary().count()).isEqualTo(2);
		assertThat(this.meters.get("gen_ai.client.inference.operation.input_tokens").summary().totalAmount())
			.isEqualTo(150);
		assertThat(this.meters.get("gen_ai.client.inference.operation.output_tokens").summary().max()).isEqualTo(40);
		// percentiles across modalities would not add up, so the histograms have none
		assertThat(this.meters.get("gen_ai.client.inference.operation.output_tokens")
			.summary()
			.getId()
			.getTag("gen_ai.token.modality")).isNull();
		assertThat(this.meters.get("gen_ai.client.inference.duration").timer().count()).isEqualTo(2);
		assertThat(names()).noneMatch(
				(name) -> name.startsWith("gen_ai.client.token.usage") || name.startsWith("gen_ai.client.operation."));
	}

	@Test
	void aFailedCallsTokensAreCountedButLeftOutOfThePerCallHistograms() {
		handlers(GenAiSemanticConventions.LATEST_EXPERIMENTAL);

		call(Usage.of(30, 5, null), new IllegalStateException("cut"));

		assertThat(this.meters.get("gen_ai.client.inference.usage.input_tokens")
			.tag("error.type", "_OTHER")
			.counter()
			.count()).isEqualTo(30);
		assertThat(this.meters.find("gen_ai.client.inference.operation.input_tokens").summary()).isNull();
		assertThat(this.meters.find("gen_ai.client.inference.operation.output_tokens").summary()).isNull();
	}

	@Test
	void aStreamsChunkTimersTakeTheInferenceNames() {
		handlers(GenAiSemanticConventions.LATEST_EXPERIMENTAL);
		ChatObservationContext context = context(true);
		Observation observation = observation(context).start();
		context.chunk(new ChatChunk("你", null, null, null, null, List.of(), null, Map.of()));
		context.chunk(new ChatChunk("好", "stop", Usage.of(3, 2, null), null, null, List.of(), null, Map.of()));
		context.streamCompleted();
		observation.stop();

		assertThat(this.meters.get("gen_ai.client.inference.time_to_first_chunk").timer().count()).isOne();
		assertThat(this.meters.get("gen_ai.client.inference.time_per_output_chunk").timer().count()).isOne();
		assertThat(counter("gen_ai.client.inference.usage.output_tokens")).isEqualTo(2);
	}

	@Test
	void v141RecordsTheTokenTypesInOneHistogram() {
		handlers(GenAiSemanticConventions.V1_41);

		call(Usage.of(100, 40, null, 20, 15), null);

		for (Map.Entry<String, Integer> type : Map.of("input", 100, "output", 40, "cache_read", 20, "reasoning", 15)
			.entrySet()) {
			assertThat(this.meters.get("gen_ai.client.token.usage")
				.tag("gen_ai.token.type", type.getKey())
				.summary()
				.totalAmount()).as(type.getKey()).isEqualTo(type.getValue().doubleValue());
		}
		assertThat(names()).noneMatch((name) -> name.startsWith("gen_ai.client.inference."));
	}

	private void handlers(GenAiSemanticConventions conventions) {
		DefaultChatObservationConvention convention = new DefaultChatObservationConvention(conventions);
		this.observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(this.meters))
			.observationHandler(new ChatMeterObservationHandler(this.meters, convention));
		this.convention = convention;
	}

	private void call(Usage usage, @Nullable Throwable error) {
		ChatObservationContext context = context(false);
		Observation observation = observation(context).start();
		context.response(new ChatResponse("linkai", "support", "LinkAI-4o-mini", "好", "stop", usage, null, null,
				List.of(), null, Map.of()));
		if (error != null) {
			observation.error(error);
		}
		observation.stop();
	}

	private ChatObservationContext context(boolean stream) {
		return new ChatObservationContext("linkai", "support", "LinkAI-4o-mini", "api.link-ai.tech", 443, stream);
	}

	private Observation observation(ChatObservationContext context) {
		return ChatObservationDocumentation.CHAT.observation(this.convention, this.convention, () -> context,
				this.observations);
	}

	private double counter(String name) {
		return this.meters.get(name).counters().stream().mapToDouble(Counter::count).sum();
	}

	private List<String> names() {
		return this.meters.getMeters().stream().map((meter) -> meter.getId().getName()).toList();
	}

}
