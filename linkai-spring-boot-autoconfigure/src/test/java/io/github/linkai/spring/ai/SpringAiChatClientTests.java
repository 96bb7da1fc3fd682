package io.github.linkai.spring.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.linkai.spring.autoconfigure.LinkAiAutoConfiguration;
import io.github.linkai.spring.autoconfigure.LinkAiObservationAutoConfiguration;
import io.github.linkai.spring.autoconfigure.LinkAiSpringAiAutoConfiguration;
import io.github.linkai.spring.client.SearchSource;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.BlockingCallException;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.SimpleLoggerAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.tool.function.FunctionToolCallback;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Spring AI's {@code ChatClient} over every provider's chat model, on WireMock with the
 * API documents' replies and streams: calls, streams, an advisor chain, structured
 * output, memory chat's session, errors, observation.
 */
class SpringAiChatClientTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(LinkAiAutoConfiguration.class, LinkAiObservationAutoConfiguration.class,
						LinkAiSpringAiAutoConfiguration.class, HttpClientAutoConfiguration.class,
						ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withPropertyValues("linkai.retry.max-retries=0");

	@ParameterizedTest
	@EnumSource
	void callReturnsTheProvidersAnswer(Case provider) {
		wireMock.stubFor(post(urlPathEqualTo(provider.path)).willReturn(okJson(fixture(provider.reply))));
		run(provider, (model) -> {
			assertThat(ChatClient.create(model).prompt().user("你好").call().content()).isEqualTo(provider.answer);
			wireMock.verify(1, postRequestedFor(urlPathEqualTo(provider.path)).withRequestBody(containing("你好")));
		});
	}

	@ParameterizedTest
	@EnumSource
	void streamEmitsTheProvidersChunksOneByOne(Case provider) {
		wireMock.stubFor(post(urlPathEqualTo(provider.path)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(fixture(provider.stream))));
		run(provider, (model) -> {
			List<String> deltas = ChatClient.create(model).prompt().user("你好").stream().content().collectList().block();
			assertThat(deltas).containsExactlyElementsOf(provider.deltas);
		});
	}

	@Test
	void streamedChunksCarryTheFinishReasonAndUsageWhereTheProviderSendsThem() {
		Case provider = Case.LINKAI;
		wireMock.stubFor(post(urlPathEqualTo(provider.path)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(fixture(provider.stream))));
		run(provider, (model) -> {
			List<ChatResponse> responses = ChatClient.create(model)
				.prompt()
				.user("你好")
				.stream()
				.chatResponse()
				.collectList()
				.block();
			ChatResponse last = responses.get(responses.size() - 1);
			assertThat(last.getResult().getMetadata().getFinishReason()).isEqualTo("stop");
			assertThat(last.getMetadata().getUsage().getTotalTokens()).isEqualTo(15);
			assertThat(responses.get(0).getResult().getMetadata().getFinishReason()).isNull();
		});
	}

	@Test
	void answerCarriesUsageFinishReasonSourcesCostAndSessionInItsMetadata() {
		Case provider = Case.JIJYUN;
		wireMock.stubFor(post(urlPathEqualTo(provider.path)).willReturn(okJson(fixture(provider.reply))));
		run(provider, (model) -> {
			ChatResponse response = ChatClient.create(model).prompt().user("今天几号").call().chatResponse();
			assertThat(response.getMetadata().<BigDecimal>get(ClientChatModel.COST)).isEqualByComparingTo("0.001");
			assertThat(response.getMetadata().<List<SearchSource>>get(ClientChatModel.SOURCES)).hasSize(3)
				.first()
				.extracting(SearchSource::link)
				.isEqualTo("https://wannianli.tianqi.com/today");
			assertThat(response.getMetadata().<String>get(ClientChatModel.SESSION_ID))
				.isEqualTo("api_93527fda-6b49-4701-b688-6b9ac2346147");
			assertThat(response.getMetadata().<String>get(ClientChatModel.PROVIDER)).isEqualTo("jijyun");
		});
	}

	@Test
	void advisorsInTheChainSeeTheRequestAndTheAnswer() {
		Case provider = Case.LINKAI;
		wireMock.stubFor(post(urlPathEqualTo(provider.path)).willReturn(okJson(fixture(provider.reply))));
		List<String> seen = new ArrayList<>();
		CallAdvisor recording = new CallAdvisor() {

			@Override
			public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
				seen.add("user: " + request.prompt().getUserMessage().getText());
				ChatClientResponse response = chain.nextCall(request);
				seen.add("answer: " + response.chatResponse().getResult().getOutput().getText());
				return response;
			}

			@Override
			public String getName() {
				return "recording";
			}

			@Override
			public int getOrder() {
				return 0;
			}

		};
		run(provider, (model) -> {
			String answer = ChatClient.builder(model)
				.defaultAdvisors(new SimpleLoggerAdvisor(), recording)
				.defaultSystem("你是一个客服助手")
				.build()
				.prompt()
				.user("你好")
				.call()
				.content();
			assertThat(answer).isEqualTo(provider.answer);
			assertThat(seen).containsExactly("user: 你好", "answer: " + provider.answer);
			wireMock.verify(postRequestedFor(urlPathEqualTo(provider.path)).withRequestBody(equalToJson("""
					{"messages":[{"role":"system","content":"你是一个客服助手"},{"role":"user","content":"你好"}]}""")));
		});
	}

	@Test
	void structuredOutputReadsAJsonAnswerIntoARecord() {
		Case provider = Case.LINKAI;
		wireMock.stubFor(post(urlPathEqualTo(provider.path)).willReturn(okJson(fixture("structured-reply.json"))));
		run(provider, (model) -> {
			City city = ChatClient.create(model).prompt().user("浙江的省会是哪个城市?").call().entity(City.class);
			assertThat(city).isEqualTo(new City("杭州", "浙江", 12520000));
			// Spring AI asks for the format in the user message: the JSON schema reaches
			// the provider
			wireMock.verify(postRequestedFor(urlPathEqualTo(provider.path)).withRequestBody(containing("population")));
		});
	}

	@Test
	void memoryChatSendsOnlyTheQuestionInTheConversationOfSpringAisConversationId() {
		wireMock.stubFor(post(urlPathEqualTo("/v1/chat/memory/completions"))
			.willReturn(okJson(fixture("/io/github/linkai/spring/provider/linkai/memory-response.json"))));
		this.contextRunner.withPropertyValues(Case.LINKAI.properties()).run((context) -> {
			ChatModel memory = context.getBean("linkAiMemoryChatModel", ChatModel.class);
			ChatResponse response = ChatClient.builder(memory)
				.defaultAdvisors(new ConversationSessionAdvisor())
				.build()
				.prompt()
				.messages(new UserMessage("我叫小明"), new AssistantMessage("你好,小明"))
				.user("我叫什么名字?")
				.advisors((advisor) -> advisor.param(ChatMemory.CONVERSATION_ID, "u-42"))
				.call()
				.chatResponse();
			assertThat(response.getResult().getOutput().getText()).isEqualTo("你好啊!有什么我可以帮助你的吗?");
			assertThat(response.getMetadata().<String>get(ClientChatModel.SESSION_ID))
				.isEqualTo("123e4567-e89b-12d3-a456-426614174000");
			wireMock
				.verify(postRequestedFor(urlPathEqualTo("/v1/chat/memory/completions")).withRequestBody(equalToJson("""
						{"question":"我叫什么名字?","session_id":"u-42"}""")));
		});
	}

	@Test
	void memoryChatStreamsInTheSessionOfItsOptionsWhichWinsOverTheConversationId() {
		wireMock.stubFor(post(urlPathEqualTo("/v1/chat/memory/completions")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(fixture("/io/github/linkai/spring/provider/linkai/memory-stream.txt"))));
		this.contextRunner.withPropertyValues(Case.LINKAI.properties()).run((context) -> {
			ChatModel memory = context.getBean("linkAiMemoryChatModel", ChatModel.class);
			List<ChatResponse> responses = ChatClient.builder(memory)
				.defaultAdvisors(new ConversationSessionAdvisor())
				.build()
				.prompt()
				.user("你好")
				.options(ClientChatOptions.builder().sessionId("s-1"))
				.advisors((advisor) -> advisor.param(ChatMemory.CONVERSATION_ID, "u-42"))
				.stream()
				.chatResponse()
				.collectList()
				.block();
			assertThat(responses).hasSize(5)
				.allSatisfy((response) -> assertThat(response.getMetadata().<String>get(ClientChatModel.SESSION_ID))
					.isEqualTo("123e4567-e89b-12d3-a456-426614174000"));
			wireMock
				.verify(postRequestedFor(urlPathEqualTo("/v1/chat/memory/completions")).withRequestBody(equalToJson("""
						{"question":"你好","session_id":"s-1","stream":true}""")));
		});
	}

	@Test
	void aConversationIdOnAPlainChatModelIsATypedError() {
		run(Case.LINKAI,
				(model) -> assertThatExceptionOfType(ChatRequestValidationException.class)
					.isThrownBy(() -> ChatClient.builder(model)
						.defaultAdvisors(new ConversationSessionAdvisor())
						.build()
						.prompt()
						.user("你好")
						.advisors((advisor) -> advisor.param(ChatMemory.CONVERSATION_ID, "u-42"))
						.call()
						.content())
					.satisfies((ex) -> assertThat(ex.field()).isEqualTo("sessionId")));
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void providerErrorsReachTheCallerAsOurTypedExceptions() {
		Case provider = Case.LINKAI;
		wireMock.stubFor(post(urlPathEqualTo(provider.path)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(fixture("/io/github/linkai/spring/provider/linkai/error.json"))));
		run(provider, (model) -> {
			ChatClient chat = ChatClient.builder(model).defaultAdvisors(new SimpleLoggerAdvisor()).build();
			assertThatExceptionOfType(AuthenticationException.class)
				.isThrownBy(() -> chat.prompt().user("你好").call().content());
			assertThatExceptionOfType(AuthenticationException.class)
				.isThrownBy(() -> chat.prompt().user("你好").stream().content().blockLast());
		});
	}

	@Test
	void toolsAreRejectedBeforeAnythingIsSentByAProviderWithoutThem() {
		Case provider = Case.JIJYUN;
		run(provider, (model) -> {
			FunctionToolCallback<String, String> weather = FunctionToolCallback.builder("weather", (String city) -> "晴")
				.description("今天的天气")
				.inputType(String.class)
				.build();
			assertThatExceptionOfType(ChatRequestValidationException.class)
				.isThrownBy(
						() -> ChatClient.create(model).prompt().user("杭州天气如何?").toolCallbacks(weather).call().content())
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("tools"))
				.withMessageContaining("jijyun/default");
			wireMock.verify(0, anyRequestedFor(anyUrl()));
		});
	}

	@Test
	void aBlockingCallOnAnEventLoopThreadFailsAtOnceSayingWhatToUse() {
		Case provider = Case.LINKAI;
		run(provider, (model) -> {
			Throwable error = Mono.fromCallable(() -> ChatClient.create(model).prompt().user("你好").call().content())
				.subscribeOn(Schedulers.parallel())
				.then(Mono.<Throwable>empty())
				.onErrorResume(Mono::just)
				.block();
			assertThat(error).isInstanceOf(BlockingCallException.class)
				.hasMessageContaining("use chatReactive() or stream() there");
			wireMock.verify(0, anyRequestedFor(anyUrl()));
		});
	}

	@Test
	void oneObservationPerCallOrStreamAndItIsOursInsideSpringAis() {
		Case provider = Case.LINKAI;
		wireMock.stubFor(post(urlPathEqualTo(provider.path)).willReturn(okJson(fixture(provider.reply))));
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.contextRunner.withPropertyValues(provider.properties())
			.withBean(TestObservationRegistry.class, () -> observations)
			.run((context) -> {
				ChatModel model = context.getBean(ChatModel.class);
				ChatClient.create(model, observations).prompt().user("你好").call().content();
				assertThat(observations).hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation.duration", 1)
					.hasNumberOfObservationsWithNameEqualTo("spring.ai.chat.client", 1)
					.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 0);
				assertThat(observations).hasObservationWithNameEqualTo("gen_ai.client.operation.duration")
					.that()
					.hasParentObservationContextMatching((parent) -> parent.getName().startsWith("spring.ai."));
				observations.clear();
				wireMock.stubFor(post(urlPathEqualTo(provider.path)).willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "text/event-stream")
					.withBody(fixture(provider.stream))));
				ChatClient.create(model, observations).prompt().user("你好").stream().content().blockLast();
				assertThat(observations).hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation.duration", 1)
					.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 0)
					.hasObservationWithNameEqualTo("gen_ai.client.operation.duration")
					.that()
					.hasParentObservationContextMatching((parent) -> parent.getName().startsWith("spring.ai."));
			});
	}

	private void run(Case provider, Consumer<ChatModel> test) {
		this.contextRunner.withPropertyValues(provider.properties()).run((context) -> test.accept(plainModel(context)));
	}

	private static ChatModel plainModel(ApplicationContext context) {
		return context.getBean(ChatModel.class);
	}

	private static String fixture(String name) {
		try (InputStream in = SpringAiChatClientTests.class.getResourceAsStream(name)) {
			assertThat(in).as("fixture %s", name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record City(String city, String province, long population) {
	}

	/**
	 * Each provider's default client on WireMock, with the documents' reply and stream,
	 * and the stream's non-empty deltas: Spring AI's {@code content()} leaves out the
	 * empty text of a final chunk.
	 */
	enum Case {

		LINKAI("linkai", "/v1/chat/completions", "linkai/chat-response.json", "你好,请问有什么可以帮助您的吗?",
				"linkai/chat-stream.txt", List.of("你好!", "我能", "为你", "做些什么?"), "linkai.api-key=Link_key"),

		LINGMA("lingma", "/oapi/v1/lingma/organizations/ORG1/model/chat", "lingma/reply.json",
				"通义灵码是阿里云推出的智能编码助手,可以在 IDE 中续写代码、解释代码和回答研发问题。", "lingma/stream.txt", List.of("通义灵码", "是智能", "编码助手。"),
				"linkai.api-key=pt-token", "linkai.lingma.organization-id=ORG1"),

		JIJYUN("jijyun", "/v1/openapi/chat", "jijyun/reply.json", "根据提供的搜索结果,今天的日期是2023年8月16日[1]。", "jijyun/stream.sse",
				List.of("根据提供的搜索结果,", "今天的日期是2023年8月16日[1]。"), "linkai.api-key=jjy-key", "linkai.jijyun.ibot-id=BOT1"),

		OPENAI("openai", "/chat/completions", "openai/reply.json", "你好!有什么可以帮你的吗?", "openai/stream.sse",
				List.of("你好", "!"), "linkai.api-key=sk-key", "linkai.model=deepseek-chat");

		private final String path;

		private final String reply;

		private final String answer;

		private final String stream;

		private final List<String> deltas;

		private final List<String> properties;

		Case(String provider, String path, String reply, String answer, String stream, List<String> deltas,
				String... properties) {
			this.path = path;
			this.reply = "/io/github/linkai/spring/provider/" + reply;
			this.answer = answer;
			this.stream = "/io/github/linkai/spring/provider/" + stream;
			this.deltas = deltas;
			List<String> all = new ArrayList<>(List.of("linkai.provider=" + provider));
			all.addAll(List.of(properties));
			this.properties = all;
		}

		String[] properties() {
			List<String> all = new ArrayList<>(this.properties);
			all.add("linkai.base-url=" + wireMock.baseUrl());
			return all.toArray(String[]::new);
		}

	}

}
