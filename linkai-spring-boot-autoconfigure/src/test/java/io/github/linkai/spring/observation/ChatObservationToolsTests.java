package io.github.linkai.spring.observation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.provider.openai.OpenAi;
import io.github.linkai.spring.provider.openai.OpenAiSettings;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tool calls and reasoning observed: the finish reason {@code tool_calls}, the cached
 * input and reasoning output tokens as span attributes and as token types of the usage
 * meter, usage a stream reports twice counted once, and the opt-in content with the
 * reasoning and the calls.
 */
class ChatObservationToolsTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	@BeforeEach
	void handlers() {
		this.observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(this.meters))
			.observationHandler(new ChatMeterObservationHandler(this.meters, new DefaultChatObservationConvention()));
	}

	@Test
	void aReasoningToolCallStreamRecordsItsFinishReasonAndTokenParts() {
		wm.stubFor(post("/v1/chat/completions").willReturn(eventStream("deepseek-thinking-tool-call-stream.sse")));

		client(false).stream("上海几点?").blockLast();

		TestObservationRegistryAssert.assertThat(this.observations)
			.hasObservationWithNameEqualTo("gen_ai.client.operation.duration")
			.that()
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "tool_calls")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "312")
			.hasHighCardinalityKeyValue("gen_ai.usage.cache_read.input_tokens", "256")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "58")
			.hasHighCardinalityKeyValue("gen_ai.usage.reasoning.output_tokens", "31");
		assertThat(tokens("input").totalAmount()).isEqualTo(312);
		assertThat(tokens("cache_read").totalAmount()).isEqualTo(256);
		assertThat(tokens("output").totalAmount()).isEqualTo(58);
		assertThat(tokens("reasoning").totalAmount()).isEqualTo(31);
	}

	@Test
	void usageAStreamReportsTwiceIsCountedOnce() {
		wm.stubFor(post("/v1/chat/completions").willReturn(eventStream("kimi-tool-call-stream.sse")));

		client(false).stream("上海几点?").blockLast();

		assertThat(tokens("input").count()).isOne();
		assertThat(tokens("input").totalAmount()).isEqualTo(120);
		assertThat(tokens("cache_read").totalAmount()).isEqualTo(96);
		assertThat(this.meters.find("gen_ai.client.token.usage").tag("gen_ai.token.type", "reasoning").summary())
			.isNull();
	}

	@Test
	void recordedContentHoldsTheReasoningTheToolCallsAndTheToolResults() {
		wm.stubFor(post("/v1/chat/completions").willReturn(eventStream("deepseek-thinking-tool-call-stream.sse")));

		client(true)
			.stream(ChatRequest.builder()
				.user("上海几点?")
				.message(ChatMessage.assistant(null, java.util.List.of(new ToolCall("call_0", "current_time", "{}"))))
				.toolResult("call_0", "14:05")
				.build())
			.blockLast();

		TestObservationRegistryAssert.assertThat(this.observations)
			.hasObservationWithNameEqualTo("gen_ai.client.operation.duration")
			.that()
			.hasHighCardinalityKeyValue("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\","
					+ "\"content\":\"上海几点?\"}]},{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\","
					+ "\"id\":\"call_0\",\"name\":\"current_time\",\"arguments\":\"{}\"}]},{\"role\":\"tool\","
					+ "\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_0\",\"response\":\"14:05\"}]}]")
			.hasHighCardinalityKeyValue("gen_ai.output.messages", "[{\"role\":\"assistant\",\"parts\":["
					+ "{\"type\":\"reasoning\",\"content\":\"用户问上海现在几点，需要调用 current_time。\"},"
					+ "{\"type\":\"tool_call\",\"id\":\"call_00_Hc5wHxbFGaPv9N1mT2Vb8xQq\",\"name\":\"current_time\","
					+ "\"arguments\":\"{\\\"city\\\": \\\"上海\\\"}\"}],\"finish_reason\":\"tool_calls\"}]");
	}

	@Test
	void aCompleteToolCallAnswerRecordsItsFinishReason() {
		wm.stubFor(post("/v1/chat/completions").willReturn(okJson(fixture("openai-tool-call-reply.json"))));

		client(false).chat("上海和东京几点?");

		TestObservationRegistryAssert.assertThat(this.observations)
			.hasObservationWithNameEqualTo("gen_ai.client.operation.duration")
			.that()
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "tool_calls")
			.hasHighCardinalityKeyValue("gen_ai.usage.cache_read.input_tokens", "1024")
			.hasHighCardinalityKeyValue("gen_ai.usage.reasoning.output_tokens", "0");
	}

	private DistributionSummary tokens(String type) {
		return this.meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", type).summary();
	}

	private ChatClient client(boolean recordContent) {
		return OpenAi.chatClient(OpenAiSettings.of("sk-key", wm.baseUrl() + "/v1"),
				new HttpChatClientFactory(new ReactorClientHttpConnector(),
						ClientSettings.builder("assistant")
							.defaults(new ChatOptions("deepseek-v4-flash", null, null, null))
							.observer(new ChatCallObserver(this.observations, null, recordContent))
							.build()));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder eventStream(String fixture) {
		return aResponse().withHeader("Content-Type", "text/event-stream").withBody(fixture(fixture));
	}

	private static String fixture(String name) {
		try (InputStream in = ChatObservationToolsTests.class
			.getResourceAsStream("/io/github/linkai/spring/provider/openai/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
