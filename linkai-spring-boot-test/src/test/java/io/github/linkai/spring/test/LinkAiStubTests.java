package io.github.linkai.spring.test;

import java.math.BigDecimal;
import java.util.List;

import io.github.linkai.spring.autoconfigure.LinkAiConnectionDetails;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.ChatSession;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.SearchSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter against the stub as an application's test uses it: {@code @SpringBootTest}
 * with {@link LinkAiStub}, the clients of {@code application.properties} (keys from unset
 * variables), every provider in every mode.
 */
@SpringBootTest(classes = StubbedApplication.class)
@LinkAiStub
class LinkAiStubTests {

	@Autowired
	ProviderStub stub;

	@Autowired
	ChatClientRegistry clients;

	@Autowired
	MemoryChatClient memoryChat;

	@Test
	void everyClientTalksToTheStubThroughItsConnectionDetails(@Autowired LinkAiConnectionDetails details) {
		assertThat(details).isInstanceOf(ProviderStubConnectionDetails.class);
		for (Clients client : Clients.values()) {
			assertThat(this.clients.target(client.client).host()).isEqualTo("127.0.0.1");
			assertThat(details.getConnection(client.client, client.provider).baseUrl())
				.isEqualTo(this.stub.baseUrl(client.provider));
		}
		// a provider an application adds through the SPI is not the stub's: its client
		// keeps its properties
		assertThat(details.getConnection("custom", "acme")).isNull();
	}

	@ParameterizedTest
	@EnumSource(Clients.class)
	void blockingReactiveAndStreamingCallsGetTheSameAnswer(Clients client) {
		ChatClient chat = this.clients.get(client.client);

		String blocking = chat.chat("What is Spring Boot?");
		ChatResponse reactive = chat.chatReactive("What is Spring Boot?").block();
		List<ChatChunk> chunks = chat.stream("What is Spring Boot?").collectList().block();

		assertThat(blocking).contains("You asked: \"What is Spring Boot?\"");
		assertThat(reactive.content()).isEqualTo(blocking);
		assertThat(reactive.provider()).isEqualTo(client.provider);
		assertThat(chunks.stream().map(ChatChunk::delta).reduce("", String::concat)).isEqualTo(blocking);
		assertThat(chunks).hasSizeGreaterThan(5);
		assertThat(this.stub.requests()).hasSize(3).allSatisfy((request) -> {
			assertThat(request.provider()).isEqualTo(client.provider);
			assertThat(request.authenticated()).isTrue();
			assertThat(request.content()).isEqualTo("What is Spring Boot?");
		});
		assertThat(this.stub.requests()).extracting(StubRequest::stream).containsExactly(false, false, true);
	}

	@ParameterizedTest
	@EnumSource(Clients.class)
	void aScriptedReplyIsTheAnswerAndItsChunksTheStream(Clients client) {
		ChatClient chat = this.clients.get(client.client);
		this.stub.enqueue(StubAnswer.text("你好!我能为你做些什么?"), StubAnswer.chunks("Hel", "lo", "!"));

		assertThat(chat.chat("hi")).isEqualTo("你好!我能为你做些什么?");
		assertThat(chat.stream("hi").map(ChatChunk::delta).filter((delta) -> !delta.isEmpty()).collectList().block())
			.containsExactly("Hel", "lo", "!");
		assertThat(this.stub.pendingAnswers()).isZero();
	}

	@Test
	void linkAiRequestsAreRecordedWithTheKeyMasked() {
		this.clients.get("default").chat("你好");

		StubRequest request = this.stub.lastRequest();
		assertThat(request.endpoint()).isEqualTo(StubEndpoint.LINKAI_CHAT);
		assertThat(request.path()).isEqualTo("/v1/chat/completions");
		assertThat(request.header("Authorization")).isEqualTo("Bearer ******");
		assertThat(request.body().at("/messages/0/role").asString()).isEqualTo("user");
		assertThat(request.bodyText()).doesNotContain(this.stub.apiKey());
	}

	@Test
	void lingmaRequestsCarryTheOrganizationInThePathAndTheTokenInItsHeader() {
		this.clients.get("eng").stream("解释这段代码").blockLast();

		StubRequest request = this.stub.lastRequest();
		assertThat(request.endpoint()).isEqualTo(StubEndpoint.LINGMA_CHAT);
		assertThat(request.path()).isEqualTo("/oapi/v1/lingma/organizations/org-7/model/chat");
		assertThat(request.query()).containsEntry("stream", "true");
		assertThat(request.header("x-yunxiao-token")).isEqualTo("******");
		assertThat(request.header("Authorization")).isNull();
		assertThat(request.bodyText("/input/messages/0/content")).isEqualTo("解释这段代码");
	}

	@Test
	void jijyunRequestsCarryTheKeyInTheQueryAndRepliesTheirSearchSourcesAndCost() {
		this.stub.enqueue(StubAnswer.text("今天是2023年8月16日。")
			.withSources(new StubSource("https://example.com/today", "今天是…", "今天")));

		ChatResponse response = this.clients.get("search").chat(io.github.linkai.spring.client.ChatRequest.of("今天几号?"));

		assertThat(response.content()).isEqualTo("今天是2023年8月16日。");
		assertThat(response.sources()).extracting(SearchSource::link).containsExactly("https://example.com/today");
		assertThat(response.cost()).isPositive();
		assertThat(response.sessionId()).startsWith("api_");
		StubRequest request = this.stub.lastRequest();
		assertThat(request.query()).containsEntry("apiKey", "******");
		assertThat(request.body().get("search").booleanValue()).isTrue();
	}

	@Test
	void jijyunsOwnAnswerToASearchStreamsItsSourcesOnTheLastChunk() {
		List<ChatChunk> chunks = this.clients.get("search").stream("今天几号?").collectList().block();

		ChatChunk last = chunks.get(chunks.size() - 1);
		assertThat(last.sources()).hasSize(1);
		assertThat(last.cost()).isGreaterThan(BigDecimal.ZERO);
	}

	@Test
	void openAiStreamsAskForAndGetTheUsageChunk() {
		List<ChatChunk> chunks = this.clients.get("deepseek").stream("hi").collectList().block();

		StubRequest request = this.stub.lastRequest();
		assertThat(request.path()).isEqualTo("/openai/v1/chat/completions");
		assertThat(request.body().at("/stream_options/include_usage").booleanValue()).isTrue();
		assertThat(request.bodyText("/model")).isEqualTo("deepseek-chat");
		ChatChunk last = chunks.get(chunks.size() - 1);
		assertThat(last.usage()).isNotNull();
		assertThat(last.usage().totalTokens()).isEqualTo(last.usage().inputTokens() + last.usage().outputTokens());
		assertThat(chunks).anySatisfy((chunk) -> assertThat(chunk.finishReason()).isEqualTo("stop"));
	}

	@Test
	void memoryChatContinuesTheSessionTheStubAssigned() {
		ChatSession session = this.memoryChat.newSession();

		String first = session.chat("My name is Ada.");
		String assigned = session.id();
		List<ChatChunk> second = session.stream("What is my name?").collectList().block();

		assertThat(first).contains("turn 1");
		assertThat(second).extracting(ChatChunk::sessionId).containsOnly(assigned);
		assertThat(second.stream().map(ChatChunk::delta).reduce("", String::concat)).contains("turn 2",
				"\"My name is Ada.\"");
		assertThat(this.stub.requests(StubRequests.endpoint(StubEndpoint.LINKAI_MEMORY_CHAT)))
			.extracting((request) -> request.bodyText("/session_id"))
			.containsExactly(null, assigned);
	}

	@Test
	void aScriptedMemoryAnswerKeepsTheSession() {
		this.stub.on(StubRequests.endpoint(StubEndpoint.LINKAI_MEMORY_CHAT)).answer(StubAnswer.text("记住了。"));
		ChatSession session = this.memoryChat.session("session-42");

		assertThat(session.chat("我叫小明")).isEqualTo("记住了。");
		assertThat(session.id()).isEqualTo("session-42");
	}

	@Test
	void rulesAnswerByMessageContentAndTheLatestRuleWins() {
		ChatClient chat = this.clients.get("default");
		this.stub.on(StubRequests.contentContains("weather")).answer(StubAnswer.text("Sunny."));
		this.stub.on(StubRequests.contentContains("weather").and(StubRequests.provider("linkai")))
			.answer(StubAnswer.text("Rainy."));

		assertThat(chat.chat("How is the weather?")).isEqualTo("Rainy.");
		assertThat(chat.chat("How is the weather?")).isEqualTo("Rainy.");
		assertThat(this.clients.get("deepseek").chat("How is the weather?")).isEqualTo("Sunny.");
		assertThat(chat.chat("Hello")).contains("You asked: \"Hello\"");
	}

}
