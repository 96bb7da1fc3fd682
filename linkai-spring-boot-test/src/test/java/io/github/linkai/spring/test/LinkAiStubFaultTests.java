package io.github.linkai.spring.test;

import java.time.Duration;
import java.util.List;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientRegistry;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.error.ApiAccessDeniedException;
import io.github.linkai.spring.client.error.AppNotFoundException;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.error.ChatTransportException;
import io.github.linkai.spring.client.error.PermissionDeniedException;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.RateLimitedException;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Faults and error statuses scripted on the stub, as an application's test provokes them,
 * and the typed exceptions the starter's clients raise for them.
 */
@SpringBootTest(classes = StubbedApplication.class)
@LinkAiStub
class LinkAiStubFaultTests {

	private static final String ANSWER = "one two three four five six";

	@Autowired
	ProviderStub stub;

	@Autowired
	ChatClientRegistry clients;

	@ParameterizedTest
	@EnumSource(Clients.class)
	void aSlowStreamArrivesWholeAtTheScriptedPace(Clients client) {
		this.stub.answer(StubAnswer.text(ANSWER).withChunkDelay(Duration.ofMillis(40)));

		long start = System.nanoTime();
		List<ChatChunk> chunks = this.clients.get(client.client).stream("hi").collectList().block();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(6 * 40));
		assertThat(chunks.stream().map(ChatChunk::delta).reduce("", String::concat)).isEqualTo(ANSWER);
	}

	@ParameterizedTest
	@EnumSource(Clients.class)
	void aStreamCutMidWayIsTruncatedWithTheChunksReceivedCounted(Clients client) {
		this.stub.answer(StubAnswer.text(ANSWER).withCutAfter(3));

		assertThatExceptionOfType(StreamTruncatedException.class)
			.isThrownBy(() -> this.clients.get(client.client).stream("hi").blockLast())
			.satisfies((ex) -> assertThat(ex.chunksReceived()).isPositive());
		// a stream that handed over chunks is never asked again
		assertThat(this.stub.requests()).hasSize(1);
	}

	@Test
	void aConnectionResetBeforeTheReplyIsRetriedThenATransportError() {
		this.stub.answer(StubAnswer.echo().withCutAfter(0));

		assertThatExceptionOfType(ChatTransportException.class)
			.isThrownBy(() -> this.clients.get("default").chat("hi"));
		assertThat(this.stub.requests()).hasSize(3);
	}

	@Test
	void aCutCallSucceedsOnItsRetry() {
		this.stub.enqueue(StubAnswer.echo().withCutAfter(0));

		assertThat(this.clients.get("eng").chat("hi")).contains("You asked: \"hi\"");
		assertThat(this.stub.requests()).hasSize(2);
	}

	@Test
	void aStalledStreamTimesOutWaitingForItsFirstEvent() {
		this.stub.answer(StubAnswer.stall());

		assertThatExceptionOfType(ChatTimeoutException.class)
			.isThrownBy(() -> this.clients.get("deepseek").stream("hi").blockLast())
			.withMessageContaining("first-event-timeout");
	}

	@Test
	void aStreamThatStallsMidWayTimesOutSayingTheAnswerIsIncomplete() {
		this.stub.answer(StubAnswer.text(ANSWER).withStallAfter(2));

		assertThatExceptionOfType(ChatTimeoutException.class)
			.isThrownBy(() -> this.clients.get("search").stream("hi").blockLast())
			.withMessageContaining("idle-timeout");
	}

	@Test
	void a429IsRetriedAfterItsRetryAfter() {
		this.stub.enqueue(StubAnswer.rateLimited(Duration.ofSeconds(1)));

		long start = System.nanoTime();
		String answer = this.clients.get("default").chat("hi");

		assertThat(answer).contains("You asked: \"hi\"");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(this.stub.requests()).hasSize(2);
	}

	@Test
	void a429AskingForTooLongSurfacesAtOnceWithItsRetryAfter() {
		this.stub.answer(StubAnswer.rateLimited(Duration.ofMinutes(2)));

		assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> this.clients.get("deepseek").chat("hi"))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(429);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofMinutes(2));
			});
		assertThat(this.stub.requests()).hasSize(1);
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(textBlock = """
			default,  400, BadRequestException
			default,  401, AuthenticationException
			default,  402, AppNotFoundException
			default,  403, PermissionDeniedException
			default,  406, QuotaExceededException
			default,  409, ContentRejectedException
			default,  503, ServiceUnavailableException
			eng,      401, AuthenticationException
			eng,      403, PermissionDeniedException
			eng,      429, RateLimitedException
			eng,      500, ServerErrorException
			search,   401, AuthenticationException
			search,   402, QuotaExceededException
			deepseek, 402, QuotaExceededException
			deepseek, 422, BadRequestException
			deepseek, 503, ServiceUnavailableException
			""")
	void everyDocumentedStatusRaisesItsTypedExceptionWithTheProvidersErrorBody(String client, int status,
			String exception) {
		this.stub.answer(StubAnswer.status(status));
		ChatClient chat = this.clients.get(client);

		for (Runnable call : List.<Runnable>of(() -> chat.chat("hi"), () -> chat.stream("hi").blockLast())) {
			assertThatExceptionOfType(ProviderApiException.class).isThrownBy(call::run).satisfies((ex) -> {
				assertThat(ex.getClass().getSimpleName()).isEqualTo(exception);
				assertThat(ex.statusCode()).isEqualTo(status);
				assertThat(ex.errorMessage()).isNotBlank();
				assertThat(ex.getMessage()).doesNotContain(this.stub.apiKey());
			});
		}
	}

	@Test
	void theErrorBodyHoldsTheMessageTheDocumentGives() {
		this.stub.answer(StubAnswer.status(402));

		assertThatExceptionOfType(AppNotFoundException.class).isThrownBy(() -> this.clients.get("default").chat("hi"))
			.satisfies((ex) -> {
				assertThat(ex.errorType()).isEqualTo("invalid_request_error");
				assertThat(ex.errorMessage()).isEqualTo("应用不存在,请检查 app_code 参数是否正确");
			});
	}

	@Test
	void aScriptedMessageReachesTheException() {
		this.stub.answer(StubAnswer.status(403, "Forbidden.NoPermission: 当前用户没有该企业的访问权限"));

		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.clients.get("eng").chat("hi"))
			.satisfies((ex) -> assertThat(ex.errorMessage()).contains("当前用户没有该企业的访问权限"));
	}

	@Test
	void memoryChatOnAPlanWithoutApiAccessIs408(@Autowired MemoryChatClient memoryChat) {
		this.stub.on(StubRequests.endpoint(StubEndpoint.LINKAI_MEMORY_CHAT)).answer(StubAnswer.status(408));

		assertThatExceptionOfType(ApiAccessDeniedException.class).isThrownBy(() -> memoryChat.newSession().chat("hi"))
			.satisfies((ex) -> assertThat(ex.errorMessage()).isEqualTo("无API访问权限"));
		// plain chat still works
		assertThat(this.clients.get("default").chat("hi")).contains("You asked");
	}

}
