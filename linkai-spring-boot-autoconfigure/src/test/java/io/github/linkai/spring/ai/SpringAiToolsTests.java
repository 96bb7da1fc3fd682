package io.github.linkai.spring.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.linkai.spring.autoconfigure.LinkAiAutoConfiguration;
import io.github.linkai.spring.autoconfigure.LinkAiSpringAiAutoConfiguration;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.spi.WireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.client.AdvisorParams;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Spring AI's tool loop, reasoning and native structured output over our chat models, end
 * to end on WireMock: {@code ChatClient} runs {@code @Tool} methods on the calls the
 * answer asks for (whole, from a reply, or merged from a stream's fragments in the shapes
 * the compatible servers send them), sends the assistant turn and the results back, and
 * returns the final answer; reasoning travels in the assistant message's metadata.
 */
class SpringAiToolsTests {

	private static final String OPENAI_PATH = "/chat/completions";

	private static final String LINKAI_PATH = "/v1/chat/completions";

	private static final String FIXTURES = "/io/github/linkai/spring/provider/";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class, LinkAiSpringAiAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class))
		.withPropertyValues("linkai.retry.max-retries=0");

	private final TimeTools tools = new TimeTools();

	@Test
	void callRunsTheToolsAndSendsTheTurnAndTheResultsBackOnOpenAi() {
		firstTurn(OPENAI_PATH, okJson(fixture("openai/openai-tool-call-reply.json")));
		finalTurn(OPENAI_PATH, okJson(fixture("openai/reply.json")));
		openAi((model) -> {
			String answer = ChatClient.create(model).prompt().user("上海和东京几点?").tools(this.tools).call().content();

			assertThat(answer).isEqualTo("你好!有什么可以帮你的吗?");
			assertThat(this.tools.cities).containsExactly("上海", "东京");
			List<LoggedRequest> requests = requests();
			assertThat(requests).hasSize(2);
			JsonNode first = body(requests.get(0));
			assertThat(first.at("/tools/0/function/name").asString()).isEqualTo("current_time");
			assertThat(first.at("/tools/0/function/parameters/properties/city/type").asString()).isEqualTo("string");
			JsonNode messages = body(requests.get(1)).get("messages");
			assertThat(messages.get(1).get("content").isNull()).isTrue();
			assertThat(messages.get(1).at("/tool_calls/0/id").asString()).isEqualTo("call_Vq3mJ8n2kP0aTz7L");
			assertThat(messages.get(1).at("/tool_calls/1/function/arguments").asString())
				.isEqualTo("{\"city\":\"东京\"}");
			assertThat(messages.get(2).get("role").asString()).isEqualTo("tool");
			assertThat(messages.get(2).get("tool_call_id").asString()).isEqualTo("call_Vq3mJ8n2kP0aTz7L");
			assertThat(messages.get(2).get("content").asString()).isEqualTo("\"上海 14:05\"");
			assertThat(messages.get(3).get("tool_call_id").asString()).isEqualTo("call_Xk2pW9r4mN1bQs6D");
		});
	}

	@Test
	void callRunsTheToolsOnLinkAi() {
		firstTurn(LINKAI_PATH, okJson("""
				{"choices":[{"index":0,"message":{"role":"assistant","content":null,"reasoning_content":"先查时间",
				 "tool_calls":[{"id":"call_3f2b7c","type":"function","function":{"name":"current_time",
				 "arguments":"{\\"city\\":\\"上海\\"}"}}]},"finish_reason":"tool_calls"}],"session_id":null}"""));
		finalTurn(LINKAI_PATH, okJson(fixture("linkai/chat-response.json")));
		linkAi((model) -> {
			String answer = ChatClient.create(model).prompt().user("上海几点?").tools(this.tools).call().content();

			assertThat(answer).isEqualTo("你好,请问有什么可以帮助您的吗?");
			assertThat(this.tools.cities).containsExactly("上海");
			JsonNode messages = body(requests().get(1)).get("messages");
			assertThat(messages.get(1).get("reasoning_content").asString()).isEqualTo("先查时间");
			assertThat(messages.get(2).get("tool_call_id").asString()).isEqualTo("call_3f2b7c");
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "openai-tool-call-stream.sse", "openai-parallel-interleaved-stream.sse",
			"qwen-repeated-id-name-null-stream.sse", "glm-tool-call-stream.sse", "missing-id-stream.sse",
			"kimi-tool-call-stream.sse", "deepseek-thinking-tool-call-stream.sse" })
	void streamRunsTheToolsOnceOnCallsMergedFromTheirFragments(String fixture) {
		firstTurn(OPENAI_PATH, eventStream(fixture("openai/" + fixture)));
		finalTurn(OPENAI_PATH, eventStream(fixture("openai/stream.sse")));
		openAi((model) -> {
			List<String> content = ChatClient.create(model)
				.prompt()
				.user("上海几点?")
				.tools(this.tools)
				.stream()
				.content()
				.collectList()
				.block();

			assertThat(String.join("", content)).endsWith("你好!").doesNotContain("current_time").doesNotContain("用户");
			assertThat(this.tools.cities).isNotEmpty().allMatch((city) -> city.equals("上海") || city.equals("东京"));
			assertThat(this.tools.cities).doesNotHaveDuplicates();
			JsonNode messages = body(requests().get(1)).get("messages");
			JsonNode assistant = messages.get(1);
			assertThat(assistant.get("tool_calls")).hasSize(this.tools.cities.size());
			assertThat(assistant.at("/tool_calls/0/id").asString()).isNotBlank();
			assertThat(messages.get(2).get("tool_call_id").asString())
				.isEqualTo(assistant.at("/tool_calls/0/id").asString());
		});
	}

	@Test
	void streamRunsTheToolsOnLinkAi() {
		firstTurn(LINKAI_PATH, eventStream(fixture("linkai/tool-call-stream.sse")));
		finalTurn(LINKAI_PATH, eventStream(fixture("linkai/chat-stream.txt")));
		linkAi((model) -> {
			String content = String.join("",
					ChatClient.create(model)
						.prompt()
						.user("上海几点?")
						.tools(this.tools)
						.stream()
						.content()
						.collectList()
						.block());

			assertThat(content).isEqualTo("你好!我能为你做些什么?");
			assertThat(this.tools.cities).containsExactly("上海");
			assertThat(body(requests().get(1)).at("/messages/1/reasoning_content").asString()).isEqualTo("需要先查时间");
		});
	}

	@Test
	void reasoningIsInTheMetadataWholeOnACallAndCumulativeInAStream() {
		wireMock.stubFor(post(urlPathEqualTo(OPENAI_PATH))
			.willReturn(okJson(fixture("openai/deepseek-thinking-tool-call-reply.json"))));
		openAi((model) -> {
			AssistantMessage message = model.call(new Prompt("上海几点?")).getResult().getOutput();
			assertThat(message.getMetadata()).containsEntry(ClientChatModel.REASONING_CONTENT,
					"用户问上海现在几点，需要调用 current_time。");
			assertThat(message.getToolCalls()).extracting(AssistantMessage.ToolCall::name)
				.containsExactly("current_time");
		});
		wireMock.resetAll();
		wireMock.stubFor(post(urlPathEqualTo(OPENAI_PATH))
			.willReturn(eventStream(fixture("openai/deepseek-thinking-tool-call-stream.sse"))));
		openAi((model) -> {
			List<ChatResponse> responses = model.stream(new Prompt("上海几点?")).collectList().block();
			List<Object> reasoning = new ArrayList<>();
			List<Object> deltas = new ArrayList<>();
			responses.forEach((response) -> {
				AssistantMessage message = response.getResult().getOutput();
				if (message.getMetadata().containsKey(ClientChatModel.REASONING_CONTENT)) {
					reasoning.add(message.getMetadata().get(ClientChatModel.REASONING_CONTENT));
					deltas.add(message.getMetadata().get(ClientChatModel.REASONING_DELTA));
				}
				assertThat(message.getText()).doesNotContain("用户");
			});
			assertThat(reasoning).containsExactly("用户问上海", "用户问上海现在几点，需要调用 current_time。");
			assertThat(deltas).containsExactly("用户问上海", "现在几点，需要调用 current_time。");
			assertThat(responses).filteredOn((response) -> response.getResult().getOutput().hasToolCalls())
				.singleElement()
				.satisfies((response) -> assertThat(response.getResult().getOutput().getToolCalls()).singleElement()
					.satisfies((call) -> assertThat(call.arguments()).isEqualTo("{\"city\": \"上海\"}")));
			ChatResponse usage = responses.get(responses.size() - 1);
			assertThat(usage.getMetadata().getUsage().getCacheReadInputTokens()).isEqualTo(256L);
		});
	}

	@Test
	void entityUsesTheNativeJsonSchemaWhenAskedFor() {
		wireMock.stubFor(post(urlPathEqualTo(OPENAI_PATH)).willReturn(
				okJson("""
						{"choices":[{"index":0,"message":{"role":"assistant","content":"{\\"city\\":\\"上海\\",\\"time\\":\\"14:05\\"}"},
						 "finish_reason":"stop"}]}""")));
		openAi((model) -> {
			CityTime answer = ChatClient.create(model)
				.prompt()
				.user("上海几点?")
				.call()
				.entity(CityTime.class, (spec) -> spec.useProviderStructuredOutput());

			assertThat(answer).isEqualTo(new CityTime("上海", "14:05"));
			JsonNode body = body(requests().get(0));
			assertThat(body.at("/response_format/type").asString()).isEqualTo("json_schema");
			assertThat(body.at("/response_format/json_schema/name").asString()).isEqualTo("json_schema");
			assertThat(body.at("/response_format/json_schema/strict").booleanValue()).isTrue();
			assertThat(body.at("/response_format/json_schema/schema/properties/time/type").asString())
				.isEqualTo("string");
			assertThat(body.at("/messages/0/content").asString()).isEqualTo("上海几点?");
		});
	}

	@Test
	void entityWithTheNativeAdvisorParamAndPlainEntity() {
		wireMock.stubFor(post(urlPathEqualTo(OPENAI_PATH)).willReturn(
				okJson("""
						{"choices":[{"index":0,"message":{"role":"assistant","content":"{\\"city\\":\\"上海\\",\\"time\\":\\"14:05\\"}"},
						 "finish_reason":"stop"}]}""")));
		openAi((model) -> {
			ChatClient.builder(model)
				.defaultAdvisors(AdvisorParams.ENABLE_NATIVE_STRUCTURED_OUTPUT)
				.build()
				.prompt()
				.user("上海几点?")
				.call()
				.entity(CityTime.class);
			ChatClient.create(model).prompt().user("上海几点?").call().entity(CityTime.class);

			assertThat(body(requests().get(0)).has("response_format")).isTrue();
			JsonNode plain = body(requests().get(1));
			assertThat(plain.has("response_format")).isFalse();
			assertThat(plain.at("/messages/0/content").asString()).startsWith("上海几点?").contains("JSON");
		});
	}

	@Test
	void toolsOnAProviderWithoutThemAreRejectedBeforeAnythingIsSent() {
		this.contextRunner
			.withPropertyValues("linkai.provider=lingma", "linkai.api-key=pt-token",
					"linkai.lingma.organization-id=ORG1", "linkai.base-url=" + wireMock.baseUrl())
			.run((context) -> {
				ChatModel model = context.getBean(ChatModel.class);
				assertThatExceptionOfType(ChatRequestValidationException.class)
					.isThrownBy(() -> ChatClient.create(model).prompt().user("几点?").tools(this.tools).call().content())
					.satisfies((ex) -> assertThat(ex.field()).isEqualTo("tools"))
					.withMessageContaining("is not supported by lingma");
			});
		this.contextRunner
			.withPropertyValues("linkai.provider=linkai", "linkai.api-key=Link_key",
					"linkai.base-url=" + wireMock.baseUrl())
			.run((context) -> {
				ChatModel memory = ClientChatModel.ofMemory(context.getBean(MemoryChatClient.class));
				assertThatExceptionOfType(ChatRequestValidationException.class)
					.isThrownBy(() -> ChatClient.create(memory).prompt().user("几点?").tools(this.tools).call().content())
					.satisfies((ex) -> assertThat(ex.field()).isEqualTo("tools"))
					.withMessageContaining("linkai memory chat");
			});
		assertThat(requests()).isEmpty();
	}

	private void openAi(Consumer<ChatModel> test) {
		this.contextRunner
			.withPropertyValues("linkai.provider=openai", "linkai.api-key=sk-key", "linkai.model=deepseek-chat",
					"linkai.base-url=" + wireMock.baseUrl())
			.run((context) -> test.accept(context.getBean(ChatModel.class)));
	}

	private void linkAi(Consumer<ChatModel> test) {
		this.contextRunner
			.withPropertyValues("linkai.provider=linkai", "linkai.api-key=Link_key",
					"linkai.base-url=" + wireMock.baseUrl())
			.run((context) -> test.accept(context.getBean(ChatModel.class)));
	}

	/** The answer to a request that holds no tool result yet. */
	private static void firstTurn(String path,
			com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
		wireMock.stubFor(toolTurn(path).withRequestBody(notContaining("tool_call_id")).willReturn(response));
	}

	/** The answer to a request that holds the tool results. */
	private static void finalTurn(String path,
			com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
		wireMock.stubFor(toolTurn(path).withRequestBody(containing("tool_call_id")).willReturn(response));
	}

	private static MappingBuilder toolTurn(String path) {
		return post(urlPathEqualTo(path));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder eventStream(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
	}

	private static List<LoggedRequest> requests() {
		return wireMock.findAll(anyRequestedFor(anyUrl()));
	}

	private static JsonNode body(LoggedRequest request) {
		return WireJson.mapper().readTree(request.getBodyAsString());
	}

	private static String fixture(String name) {
		try (InputStream in = SpringAiToolsTests.class.getResourceAsStream(FIXTURES + name)) {
			assertThat(in).as("fixture %s", name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record CityTime(String city, String time) {
	}

	/** One local tool, as an application writes it; it records the cities asked for. */
	static final class TimeTools {

		final List<String> cities = new CopyOnWriteArrayList<>();

		@Tool(name = "current_time", description = "The current local time in a city")
		String currentTime(@ToolParam(description = "The city's name") String city) {
			this.cities.add(city);
			return city + ((city.equals("东京")) ? " 15:05" : " 14:05");
		}

	}

}
