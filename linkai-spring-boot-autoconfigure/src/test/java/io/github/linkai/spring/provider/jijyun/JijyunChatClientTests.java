package io.github.linkai.spring.provider.jijyun;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.ProviderOptions;
import io.github.linkai.spring.client.SearchSource;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.BadRequestException;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.error.ClientErrorException;
import io.github.linkai.spring.client.error.NotFoundException;
import io.github.linkai.spring.client.error.PermissionDeniedException;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.QuotaExceededException;
import io.github.linkai.spring.client.error.RateLimitedException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.error.ServerErrorException;
import io.github.linkai.spring.client.error.ServiceUnavailableException;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import io.github.linkai.spring.client.spi.WireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.linkai.spring.provider.jijyun.JijyunFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/** The Jijyun chat client against a WireMock stub of {@code POST /v1/openapi/chat}. */
class JijyunChatClientTests {

	private static final String API_KEY = "jjy-test-key-0123456789";

	private static final String PATH = "/v1/openapi/chat";

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private ChatClient client() {
		return client(JijyunOptions.none(), ChatOptions.none());
	}

	private ChatClient client(JijyunOptions jijyunDefaults, ChatOptions defaults) {
		return JijyunFixtures.client(API_KEY, "http://127.0.0.1:" + wm.getPort(), jijyunDefaults, defaults);
	}

	private void replyWithDocumentedExample() {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(fixture("reply.json"))));
	}

	private JsonNode sentBody() {
		List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlPathEqualTo(PATH)));
		assertThat(requests).hasSize(1);
		return WireJson.mapper().readTree(requests.get(0).getBodyAsString());
	}

	@Test
	void sendsEveryDocumentedFieldWithItsDocumentedJsonType() {
		replyWithDocumentedExample();
		Map<String, Object> contact = new LinkedHashMap<>();
		contact.put("name", "张三");
		contact.put("vip", true);
		contact.put("age", 30);
		JijyunOptions options = JijyunOptions.builder()
			.ibotId("jjyibotID_afb0ac23709645cbae2edc7d293b4165")
			.visitorId("visitor-42")
			.knowledge("knowledge-7")
			.search(true)
			.tools(List.of("search", "calendar"))
			.intention(List.of("查询日期"))
			.returnFormat("markdown")
			.fielditem(contact)
			.handlerType("fixed")
			.fixContent("请稍后再试")
			.build();
		client().chat(ChatRequest.builder()
			.system("你是一个日历助手")
			.user("今天是几号?")
			.model("gpt-4o-mini")
			.temperature(0.7)
			.maxTokens(512)
			.providerOptions(options)
			.build());
		JsonNode body = sentBody();
		assertThat(body).isEqualTo(WireJson.mapper().readTree(fixture("request-all-fields.json")));
		assertThat(body.get("max_tokens").isString()).isTrue();
		assertThat(body.get("temperature").isString()).isTrue();
		assertThat(body.get("search").isBoolean()).isTrue();
		assertThat(body.get("stream").isBoolean()).isTrue();
		assertThat(body.get("tools").isArray()).isTrue();
		assertThat(body.get("intention").isArray()).isTrue();
		assertThat(body.get("fielditem").isObject()).isTrue();
		wm.verify(postRequestedFor(urlPathEqualTo(PATH)).withHeader("Content-Type", equalTo("application/json")));
	}

	@Test
	void omitsEveryUnsetFieldAndSendsStreamFalseOnABlockingCall() {
		replyWithDocumentedExample();
		client().chat("你好");
		assertThat(sentBody()).isEqualTo(WireJson.mapper().readTree("{\"content\":\"你好\",\"stream\":false}"));
	}

	@Test
	void sendsAnIntegralTemperatureWithoutAFraction() {
		replyWithDocumentedExample();
		client().chat(ChatRequest.builder().user("你好").temperature(1.0).build());
		assertThat(sentBody().get("temperature").asString()).isEqualTo("1");
	}

	@Test
	void takesUnsetFieldsFromTheClientDefaultsFieldByField() {
		replyWithDocumentedExample();
		JijyunOptions defaults = JijyunOptions.builder()
			.ibotId("bot-default")
			.search(true)
			.tools(List.of("search"))
			.system("默认背景")
			.build();
		ChatClient client = client(defaults, new ChatOptions(null, 0.2, null, 256));
		client.chat(ChatRequest.builder()
			.user("你好")
			.temperature(0.5)
			.providerOptions(JijyunOptions.builder().ibotId("bot-request").tools(List.of()).build())
			.build());
		JsonNode body = sentBody();
		assertThat(body.get("ibotID").asString()).isEqualTo("bot-request");
		assertThat(body.get("search").asBoolean()).isTrue();
		assertThat(body.get("tools").isArray()).isTrue();
		assertThat(body.get("tools").isEmpty()).isTrue();
		assertThat(body.get("system").asString()).isEqualTo("默认背景");
		assertThat(body.get("temperature").asString()).isEqualTo("0.5");
		assertThat(body.get("max_tokens").asString()).isEqualTo("256");
	}

	@Test
	void aSystemMessageReplacesTheClientsDefaultSystem() {
		replyWithDocumentedExample();
		client(JijyunOptions.builder().system("默认背景").build(), ChatOptions.none())
			.chat(ChatRequest.builder().system("你是一个日历助手").user("你好").build());
		assertThat(sentBody().get("system").asString()).isEqualTo("你是一个日历助手");
	}

	@Test
	void aRequestsOwnSystemOptionIsSentWhenThereIsNoSystemMessage() {
		replyWithDocumentedExample();
		client(JijyunOptions.builder().system("默认背景").build(), ChatOptions.none()).chat(ChatRequest.builder()
			.user("你好")
			.providerOptions(JijyunOptions.builder().system("请求背景").build())
			.build());
		assertThat(sentBody().get("system").asString()).isEqualTo("请求背景");
	}

	@Test
	void sendsTheModelAsChatModeAndReportsItAsTheResponseModel() {
		replyWithDocumentedExample();
		ChatResponse response = client(JijyunOptions.builder().chatMode("default-mode").build(), ChatOptions.none())
			.chat(ChatRequest.builder().user("你好").model("request-model").build());
		assertThat(sentBody().get("chatMode").asString()).isEqualTo("request-model");
		assertThat(response.model()).isEqualTo("request-model");
	}

	@Test
	void sendsTheClientsDefaultModelAsChatMode() {
		replyWithDocumentedExample();
		client(JijyunOptions.none(), new ChatOptions("default-model", null, null, null)).chat("你好");
		assertThat(sentBody().get("chatMode").asString()).isEqualTo("default-model");
	}

	@Test
	void aRequestsOwnChatModeBeatsTheClientsDefaultModel() {
		replyWithDocumentedExample();
		client(JijyunOptions.none(), new ChatOptions("default-model", null, null, null)).chat(ChatRequest.builder()
			.user("你好")
			.providerOptions(JijyunOptions.builder().chatMode("request-mode").build())
			.build());
		assertThat(sentBody().get("chatMode").asString()).isEqualTo("request-mode");
	}

	@Test
	void mapsTheDocumentedReplyFully() {
		replyWithDocumentedExample();
		ChatResponse response = client().chat(ChatRequest.of("今天是几号?"));
		assertThat(response.provider()).isEqualTo("jijyun");
		assertThat(response.clientName()).isEqualTo("test");
		assertThat(response.content()).isEqualTo("根据提供的搜索结果,今天的日期是2023年8月16日[1]。");
		assertThat(response.sources()).hasSize(3);
		assertThat(response.sources().get(0)).isEqualTo(
				new SearchSource("https://wannianli.tianqi.com/today",
						"今天是<b>2023年8月13日 星期日</b> 第34周. 今天是农历2023年7月27日 六月廿七. 2023年. 8月. 本年查询. 本月节日表. "
								+ "万年历首页. 第几周. 08月14日 - 08月20日.",
						"【<b>今天</b>是农历几月几日】<b>今天</b>是什么日子_<b>今天</b>农历多少 ..."));
		assertThat(response.sources().get(1).link())
			.isEqualTo("https://zhidao.baidu.com/question/201223789760702205.html");
		assertThat(response.sources().get(1).title()).isEqualTo("请问。歌词”写信<b>告诉我</b>,<b>今天</b>海是什么颜色”,这是哪首歌曲 ...");
		assertThat(response.sources().get(2))
			.isEqualTo(new SearchSource("https://zhuanlan.zhihu.com/p/385596882",
					"要在Excel 中输入<b>今天的日期</b>,请使用TODAY 函数。 要输入当前<b>日期</b>和时间,请使用 NOW 功能。 "
							+ "要将当前<b>日期</b>和时间作为静态值输入,请使用键盘快捷键。",
					"Excel<b>日期</b>和时间-<b>TODAY</b> 函数获取<b>今天的日期</b> - 知乎"));
		assertThat(response.cost()).isEqualTo(new BigDecimal("0.001"));
		assertThat(response.sessionId()).isEqualTo("api_93527fda-6b49-4701-b688-6b9ac2346147");
		assertThat(response.providerFields())
			.containsExactly(entry("msgKey", "api_93527fda-6b49-4701-b688-6b9ac2346147"), entry("visitorId", null));
		assertThat(response.usage()).isNull();
		assertThat(response.finishReason()).isNull();
		assertThat(response.model()).isNull();
	}

	@Test
	void readsAReplyWithoutUsage() {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"desc\":\"你好\",\"visitorId\":\"v-1\"}")));
		ChatResponse response = client().chat(ChatRequest.of("你好"));
		assertThat(response.content()).isEqualTo("你好");
		assertThat(response.cost()).isNull();
		assertThat(response.sources()).isEmpty();
		assertThat(response.providerFields()).containsExactly(entry("msgKey", null), entry("visitorId", "v-1"));
	}

	@Test
	void keepsFieldsTheDocumentDoesNotShow() {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"desc\":\"你好\",\"msgKey\":\"m-1\","
				+ "\"traceId\":\"t-1\",\"usage\":{\"total_cost\":0.002,\"total_tokens\":12}}")));
		ChatResponse response = client().chat(ChatRequest.of("你好"));
		assertThat(response.cost()).isEqualTo(new BigDecimal("0.002"));
		assertThat(response.providerFields()).containsEntry("traceId", "t-1")
			.containsEntry("usage", Map.of("total_tokens", 12))
			.containsEntry("msgKey", "m-1");
	}

	@Test
	void streamsDeltasUntilTheEventCarryingUsage() {
		wm.stubFor(post(urlPathEqualTo(PATH))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(fixture("stream.sse"))));
		List<ChatChunk> chunks = client().stream(ChatRequest.of("今天是几号?")).collectList().block();
		assertThat(chunks).hasSize(3);
		assertThat(chunks).extracting(ChatChunk::delta).containsExactly("根据提供的搜索结果,", "今天的日期是2023年8月16日[1]。", "");
		assertThat(chunks).extracting(ChatChunk::finishReason).containsExactly(null, null, "stop");
		assertThat(chunks).extracting(ChatChunk::clientName).containsOnly(client().name());
		assertThat(chunks).extracting(ChatChunk::provider).containsOnly("jijyun");
		ChatChunk last = chunks.get(2);
		assertThat(last.cost()).isEqualTo(new BigDecimal("0.001"));
		assertThat(last.sources()).extracting(SearchSource::link).containsExactly("https://wannianli.tianqi.com/today");
		assertThat(chunks).allSatisfy((chunk) -> assertThat(chunk.providerFields())
			.containsExactly(entry("msgKey", "api_93527fda-6b49-4701-b688-6b9ac2346147"), entry("visitorId", null)));
		assertThat(sentBody().get("stream").asBoolean()).isTrue();
		wm.verify(postRequestedFor(urlPathEqualTo(PATH)).withHeader("Accept", equalTo("text/event-stream")));
	}

	@Test
	void aStreamEndsAtDone() {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(
				aResponse().withHeader("Content-Type", "text/event-stream").withBody(fixture("stream-done.sse"))));
		List<ChatChunk> chunks = client().stream(ChatRequest.of("今天是几号?")).collectList().block();
		assertThat(chunks).extracting(ChatChunk::delta).containsExactly("根据提供的搜索结果,", "今天的日期是2023年8月16日[1]。");
		assertThat(chunks).allSatisfy((chunk) -> assertThat(chunk.cost()).isNull());
	}

	@Test
	void aStreamThatClosesBeforeUsageOrDoneIsTruncated() {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(
				aResponse().withHeader("Content-Type", "text/event-stream").withBody(fixture("stream-truncated.sse"))));
		assertThatExceptionOfType(StreamTruncatedException.class)
			.isThrownBy(() -> client().stream(ChatRequest.of("今天是几号?")).collectList().block())
			.satisfies((ex) -> assertThat(ex.chunksReceived()).isEqualTo(2));
	}

	@Test
	void aJsonReplyToAStreamRequestIsOneFinalChunk() {
		replyWithDocumentedExample();
		List<ChatChunk> chunks = client().stream(ChatRequest.of("今天是几号?")).collectList().block();
		assertThat(chunks).singleElement().satisfies((chunk) -> {
			assertThat(chunk.delta()).isEqualTo("根据提供的搜索结果,今天的日期是2023年8月16日[1]。");
			assertThat(chunk.clientName()).isEqualTo(client().name());
			assertThat(chunk.provider()).isEqualTo("jijyun");
			assertThat(chunk.isLast()).isTrue();
			assertThat(chunk.sources()).hasSize(3);
			assertThat(chunk.cost()).isEqualTo(new BigDecimal("0.001"));
			assertThat(chunk.providerFields()).containsEntry("msgKey", "api_93527fda-6b49-4701-b688-6b9ac2346147");
			assertThat(chunk.sessionId()).isEqualTo("api_93527fda-6b49-4701-b688-6b9ac2346147");
		});
	}

	@Test
	void errorObjectSentWithASuccessfulStatusIsAnErrorNotAnEmptyAnswer() {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"code\": 401, \"msg\": \"apiKey无效\"}")));

		assertThatExceptionOfType(ProviderApiException.class).isThrownBy(() -> client().chat("你好"))
			.satisfies((error) -> {
				assertThat(error.statusCode()).isEqualTo(200);
				assertThat(error.errorType()).isEqualTo("401");
				assertThat(error.errorMessage()).isEqualTo("apiKey无效");
			});
	}

	@Test
	void emptyReplyIsAnErrorNotAnEmptyAnswer() {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{}")));

		assertThatExceptionOfType(ResponseDecodingException.class).isThrownBy(() -> client().chat("你好"))
			.withMessageContaining("no desc");
	}

	static Stream<Arguments> statuses() {
		return Stream.of(Arguments.of(401, AuthenticationException.class),
				Arguments.of(402, QuotaExceededException.class), Arguments.of(400, BadRequestException.class),
				Arguments.of(403, PermissionDeniedException.class), Arguments.of(404, NotFoundException.class),
				Arguments.of(418, ClientErrorException.class), Arguments.of(429, RateLimitedException.class),
				Arguments.of(500, ServerErrorException.class), Arguments.of(503, ServiceUnavailableException.class));
	}

	@ParameterizedTest
	@MethodSource("statuses")
	void mapsAnErrorStatusToItsException(int status, Class<? extends ProviderApiException> type) {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":" + status + ",\"msg\":\"错误说明\"}")));
		assertThatExceptionOfType(type).isThrownBy(() -> client().chat("你好")).satisfies((ex) -> {
			assertThat(ex.statusCode()).isEqualTo(status);
			assertThat(ex.errorMessage()).isEqualTo("错误说明");
			assertThat(ex.provider()).isEqualTo("jijyun");
		});
		assertThatExceptionOfType(type).isThrownBy(() -> client().stream("你好").blockLast());
	}

	@Test
	void saysWhat402MeansOnJijyun() {
		wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(402)));
		assertThatExceptionOfType(QuotaExceededException.class).isThrownBy(() -> client().chat("你好"))
			.withMessageContaining("HTTP 402 API call quota exhausted");
	}

	static Stream<Arguments> invalidRequests() {
		return Stream.of(
				Arguments.of(ChatRequest.builder().user("你好").assistant("你好!").user("今天几号?").build(), "messages"),
				Arguments.of(ChatRequest.builder().user("这是什么?", "https://example.com/cat.jpg").build(),
						"messages[0].content"),
				Arguments.of(ChatRequest.builder().user("你好").system("背景").build(), "messages"),
				Arguments.of(ChatRequest.builder().user("你好").user("今天几号?").build(), "messages"),
				Arguments.of(ChatRequest.builder().system("背景").build(), "messages"),
				Arguments.of(ChatRequest.builder()
					.system("背景")
					.user("你好")
					.providerOptions(JijyunOptions.builder().system("另一个背景").build())
					.build(), "messages"),
				Arguments.of(ChatRequest.builder()
					.user("你好")
					.model("m")
					.providerOptions(JijyunOptions.builder().chatMode("c").build())
					.build(), "model"),
				Arguments.of(ChatRequest.builder().user("你好").temperature(-0.1).build(), "temperature"),
				Arguments.of(ChatRequest.builder().user("你好").temperature(Double.NaN).build(), "temperature"),
				Arguments.of(ChatRequest.builder().user("你好").temperature(Double.POSITIVE_INFINITY).build(),
						"temperature"),
				Arguments.of(ChatRequest.builder().user("你好").maxTokens(0).build(), "maxTokens"),
				Arguments.of(ChatRequest.builder().user("你好").topP(0.5).build(), "topP"),
				Arguments.of(ChatRequest.builder().user("你好").sessionId("s-1").build(), "sessionId"),
				Arguments.of(ChatRequest.builder().user("你好").providerOptions(new OtherProviderOptions()).build(),
						"providerOptions"));
	}

	@ParameterizedTest
	@MethodSource("invalidRequests")
	void rejectsAnInvalidRequestWithoutSendingIt(ChatRequest request, String field) {
		assertThatExceptionOfType(ChatRequestValidationException.class).isThrownBy(() -> client().chat(request))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
		assertThatExceptionOfType(ChatRequestValidationException.class)
			.isThrownBy(() -> client().stream(request).blockLast())
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
		wm.verify(0, anyRequestedFor(anyUrl()));
	}

	/** Another provider's options, which a Jijyun client must not silently drop. */
	record OtherProviderOptions() implements ProviderOptions {

		@Override
		public String provider() {
			return "lingma";
		}

	}

}
