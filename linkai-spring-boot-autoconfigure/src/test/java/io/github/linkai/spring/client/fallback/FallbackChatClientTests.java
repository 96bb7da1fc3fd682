package io.github.linkai.spring.client.fallback;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.FakeChatClient;
import io.github.linkai.spring.client.ProviderOptions;
import io.github.linkai.spring.client.admission.CallDeadline;
import io.github.linkai.spring.client.error.AppNotFoundException;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.BadRequestException;
import io.github.linkai.spring.client.error.BudgetExhaustedException;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.error.ChatTransportException;
import io.github.linkai.spring.client.error.CircuitOpenException;
import io.github.linkai.spring.client.error.ContentRejectedException;
import io.github.linkai.spring.client.error.ErrorDetails;
import io.github.linkai.spring.client.error.FailureKind;
import io.github.linkai.spring.client.error.InFlightLimitException;
import io.github.linkai.spring.client.error.LimiterUnavailableException;
import io.github.linkai.spring.client.error.NoUsableKeyException;
import io.github.linkai.spring.client.error.PermissionDeniedException;
import io.github.linkai.spring.client.error.QuotaExceededException;
import io.github.linkai.spring.client.error.RateLimitedException;
import io.github.linkai.spring.client.error.RequestRateLimitException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.error.ServerErrorException;
import io.github.linkai.spring.client.error.ServiceUnavailableException;
import io.github.linkai.spring.client.error.StreamErrorEventException;
import io.github.linkai.spring.client.error.TokenRateLimitException;
import io.github.linkai.spring.client.spi.ChatOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The fallback matrix: per failure class, a call, a stream failing before its first chunk
 * and one failing after it; and what each client of the chain is sent.
 */
class FallbackChatClientTests {

	private static final Set<ChatOption> ALL = EnumSet.allOf(ChatOption.class);

	private final FakeChatClient primary = new FakeChatClient("assistant", "linkai");

	private final FakeChatClient deepseek = new FakeChatClient("deepseek", "openai");

	private final FakeChatClient qwen = new FakeChatClient("qwen", "openai");

	private final List<String> fallbacks = new CopyOnWriteArrayList<>();

	private final FallbackChatClient chain = new FallbackChatClient(
			List.of(new FallbackTarget(this.primary, ALL), new FallbackTarget(this.deepseek, ALL),
					new FallbackTarget(this.qwen, ALL)),
			(from, to, reason, context) -> this.fallbacks.add(from + "->" + to + ":" + reason), Duration.ofMinutes(1),
			Schedulers.parallel());

	static Stream<Arguments> failures() {
		List<Supplier<Throwable>> errors = List.of(
				() -> new ChatTransportException("linkai", "assistant", "Connection refused", new IOException()),
				() -> new ChatTimeoutException("linkai", "assistant", "No first event within PT2M", null),
				() -> new ServerErrorException(details(500), "server error"),
				() -> new ServerErrorException(details(502), "bad gateway"),
				() -> new ServiceUnavailableException(details(503), "service unavailable"),
				() -> new ServerErrorException(details(504), "gateway timeout"),
				() -> new StreamErrorEventException("linkai", "assistant", "server_error", "overloaded"),
				() -> new ResponseDecodingException("linkai", "assistant", "Malformed JSON", null),
				() -> new RateLimitedException(details(429), "rate limited"),
				() -> new AuthenticationException(details(401), "authentication failed"),
				() -> new PermissionDeniedException(details(403), "permission denied"),
				() -> new QuotaExceededException(details(406), "insufficient credit"),
				() -> new QuotaExceededException(details(402), "calls used up"),
				() -> new BudgetExhaustedException("linkai", "assistant", "2026-12", Duration.ofDays(1)),
				() -> new RequestRateLimitException("linkai", "assistant", 60, Duration.ofMinutes(1), null),
				() -> new TokenRateLimitException("linkai", "assistant", 1000, Duration.ofMinutes(1), null),
				() -> new CircuitOpenException("linkai", "assistant", Duration.ofSeconds(30)),
				() -> new NoUsableKeyException("linkai", "assistant", 2, null),
				() -> new BadRequestException(details(400), "bad request"),
				() -> new AppNotFoundException(details(402), "app not found"),
				() -> new ContentRejectedException(details(409), "content rejected"),
				() -> new ChatRequestValidationException("linkai", "assistant", "temperature", "must be in [0, 1]"),
				() -> new InFlightLimitException("linkai", "assistant", 10, Duration.ofSeconds(2)),
				() -> new LimiterUnavailableException("linkai", "assistant"), () -> new IllegalStateException("a bug"));
		List<Arguments> cases = new ArrayList<>();
		for (Supplier<Throwable> error : errors) {
			Throwable sample = error.get();
			String name = sample.getClass().getSimpleName()
					+ ((sample instanceof io.github.linkai.spring.client.error.ProviderApiException api)
							? " " + api.statusCode() : "");
			for (Mode mode : Mode.values()) {
				cases.add(Arguments.of(name, mode, error, FailureKind.of(sample)));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}, {1}")
	@MethodSource("failures")
	void fallsBackOnTheProvidersOrAccountsSideOnlyBeforeTheFirstChunk(String name, Mode mode, Supplier<Throwable> error,
			FailureKind kind) {
		boolean expectFallback = kind.fallsBack() && mode != Mode.STREAM_AFTER_FIRST_CHUNK;
		if (mode == Mode.STREAM_AFTER_FIRST_CHUNK) {
			this.primary.failingAfterAChunk(error);
		}
		else {
			this.primary.failing(error);
		}
		if (mode == Mode.CALL) {
			StepVerifier.Step<ChatResponse> step = StepVerifier.create(this.chain.chatReactive(ChatRequest.of("hi")));
			if (expectFallback) {
				step.assertNext((response) -> assertThat(response.clientName()).isEqualTo("deepseek")).verifyComplete();
			}
			else {
				step.expectErrorSatisfies((failure) -> assertThat(failure.getClass()).isEqualTo(error.get().getClass()))
					.verify();
			}
		}
		else {
			StepVerifier.FirstStep<ChatChunk> step = StepVerifier.create(this.chain.stream(ChatRequest.of("hi")));
			if (mode == Mode.STREAM_AFTER_FIRST_CHUNK) {
				step.assertNext((chunk) -> assertThat(chunk.delta()).isEqualTo("partial from assistant"))
					.expectErrorSatisfies((failure) -> assertThat(failure.getClass()).isEqualTo(error.get().getClass()))
					.verify();
			}
			else if (expectFallback) {
				step.assertNext((chunk) -> assertThat(chunk.delta()).isEqualTo("from deepseek"))
					.expectNextCount(1)
					.verifyComplete();
			}
			else {
				step.expectErrorSatisfies((failure) -> assertThat(failure.getClass()).isEqualTo(error.get().getClass()))
					.verify();
			}
		}
		assertThat(this.primary.calls()).isOne();
		assertThat(this.deepseek.calls()).isEqualTo(expectFallback ? 1 : 0);
		assertThat(this.qwen.calls()).isZero();
		assertThat(this.fallbacks)
			.containsExactlyElementsOf(expectFallback ? List.of("assistant->deepseek:" + kind) : List.of());
	}

	@Test
	void eachFallbackIsAskedInTurnAndTheLastErrorCarriesTheEarlierOnes() {
		this.primary.failing(() -> new ServiceUnavailableException(details(503), "service unavailable"));
		this.deepseek.failing(() -> new QuotaExceededException(details(402), "insufficient balance"));
		this.qwen.failing(() -> new ChatTransportException("openai", "qwen", "Connection reset", null));

		StepVerifier.create(this.chain.chatReactive(ChatRequest.of("hi"))).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(ChatTransportException.class);
			assertThat(error.getSuppressed()).hasSize(1);
			assertThat(error.getSuppressed()[0]).isInstanceOf(QuotaExceededException.class);
			assertThat(error.getSuppressed()[0].getSuppressed()[0]).isInstanceOf(ServiceUnavailableException.class);
		}).verify();
		assertThat(this.fallbacks).containsExactly("assistant->deepseek:SERVER_ERROR",
				"deepseek->qwen:QUOTA_EXHAUSTED");
	}

	@Test
	void theThirdClientAnswersWhenTheFirstTwoFail() {
		this.primary.failing(() -> new ServerErrorException(details(500), "server error"));
		this.deepseek.failing(() -> new CircuitOpenException("openai", "deepseek", Duration.ofSeconds(20)));

		StepVerifier.create(this.chain.stream(ChatRequest.of("hi")))
			.assertNext((chunk) -> assertThat(chunk.delta()).isEqualTo("from qwen"))
			.assertNext((chunk) -> assertThat(chunk.clientName()).as("the client that served").isEqualTo("qwen"))
			.verifyComplete();
	}

	@Test
	void aStreamCollectedFromAFallbackNamesTheClientAndProviderThatServedIt() {
		this.primary.failing(() -> new ServiceUnavailableException(details(503), "service unavailable"));

		StepVerifier.create(this.chain.streamAndCollect(ChatRequest.of("hi"))).assertNext((response) -> {
			assertThat(response.content()).isEqualTo("from deepseek");
			assertThat(response.provider()).as("not the chain's first, linkai").isEqualTo("openai");
			assertThat(response.clientName()).isEqualTo("deepseek");
		}).verifyComplete();
	}

	@Test
	void aLaterClientThatFailsAfterItsFirstChunkEndsTheStream() {
		this.primary.failing(() -> new ServerErrorException(details(500), "server error"));
		this.deepseek.failingAfterAChunk(() -> new ServerErrorException(details(502), "bad gateway"));

		StepVerifier.create(this.chain.stream(ChatRequest.of("hi")))
			.expectNextCount(1)
			.expectError(ServerErrorException.class)
			.verify();
		assertThat(this.qwen.calls()).isZero();
	}

	@Test
	void eachSubscriptionStartsAgainFromTheFirstClient() {
		this.primary.failing(() -> new ServerErrorException(details(500), "server error"));
		Flux<ChatChunk> stream = this.chain.stream(ChatRequest.of("hi"));

		stream.blockLast();
		stream.blockLast();

		assertThat(this.primary.calls()).isEqualTo(2);
		assertThat(this.deepseek.calls()).isEqualTo(2);
	}

	@Test
	void neutralOptionsTravelAndEachLaterClientUsesItsOwnModelOrTheOneNamedForIt() {
		this.primary.failing(() -> new ServerErrorException(details(500), "server error"));
		this.deepseek.failing(() -> new ServerErrorException(details(500), "server error"));
		FallbackChatClient chain = new FallbackChatClient(
				List.of(new FallbackTarget(this.primary, ALL), new FallbackTarget(this.deepseek, ALL),
						new FallbackTarget(this.qwen, EnumSet.of(ChatOption.MODEL, ChatOption.TEMPERATURE))),
				FallbackListener.NONE, Duration.ofMinutes(1), Schedulers.parallel());
		ChatRequest request = ChatRequest.builder()
			.user("hi")
			.options(new ChatOptions("LinkAI-4o-mini", 0.3, 0.9, 256))
			.providerOptions(FallbackOptions.model("qwen", "qwen-plus"))
			.build();

		chain.chatReactive(request).block();

		assertThat(this.primary.requests().get(0).options())
			.isEqualTo(new ChatOptions("LinkAI-4o-mini", 0.3, 0.9, 256));
		assertThat(this.deepseek.requests().get(0).options()).isEqualTo(new ChatOptions(null, 0.3, 0.9, 256));
		// top-p and max-tokens are not sent by that provider: dropped rather than refused
		assertThat(this.qwen.requests().get(0).options()).isEqualTo(new ChatOptions("qwen-plus", 0.3, null, null));
		assertThat(this.qwen.requests().get(0).messages()).isEqualTo(request.messages());
	}

	@Test
	void eachClientGetsItsOwnProvidersOptionsOnly() {
		this.primary.failing(() -> new ServerErrorException(details(500), "server error"));
		ChatRequest request = ChatRequest.builder()
			.user("hi")
			.providerOptions(new LinkAiLike("app"))
			.providerOptions(new OpenAiLike(42))
			.providerOptions(FallbackOptions.model("deepseek", "deepseek-reasoner"))
			.build();

		this.chain.chatReactive(request).block();

		assertThat(this.primary.requests().get(0).providerOptions()).containsOnlyKeys(LinkAiLike.class);
		ChatRequest sent = this.deepseek.requests().get(0);
		assertThat(sent.providerOptions()).containsOnlyKeys(OpenAiLike.class);
		assertThat(sent.options().model()).isEqualTo("deepseek-reasoner");
	}

	@Test
	void aRequestWithoutOtherProvidersOptionsReachesTheFirstClientAsItIs() {
		ChatRequest request = ChatRequest.builder().user("hi").temperature(0.2).build();

		this.chain.chatReactive(request).block();

		assertThat(this.primary.requests().get(0)).isSameAs(request);
	}

	@Test
	void theChainEndsByItsFirstClientsDeadlineAndSetsItForEveryClient() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		AtomicReference<Instant> deadline = new AtomicReference<>();
		this.primary.failing(() -> new ServerErrorException(details(500), "server error"));
		this.deepseek.answering((request) -> Flux.deferContextual((context) -> {
			deadline.set(context.get(CallDeadline.KEY));
			return Flux.never();
		}));
		FallbackChatClient chain = new FallbackChatClient(
				List.of(new FallbackTarget(this.primary, ALL), new FallbackTarget(this.deepseek, ALL)),
				FallbackListener.NONE, Duration.ofSeconds(30), time);

		StepVerifier.withVirtualTime(() -> chain.chatReactive(ChatRequest.of("hi")), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(30))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ChatTimeoutException.class)
				.hasMessageContaining("fallback chain [assistant, deepseek]"))
			.verify();
		assertThat(deadline.get()).isEqualTo(Instant.ofEpochMilli(0).plusSeconds(30));
	}

	@Test
	void theChainIsNamedByItsFirstClient() {
		assertThat(this.chain.name()).isEqualTo("assistant");
		assertThat(this.chain.provider()).isEqualTo("linkai");
		assertThat(this.chain.primary()).isSameAs(this.primary);
		assertThat(this.chain.names()).containsExactly("assistant", "deepseek", "qwen");
		assertThat(this.chain).hasToString("FallbackChatClient[name=assistant, chain=[assistant, deepseek, qwen]]");
	}

	@Test
	void aChainNeedsTwoDifferentClients() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FallbackChatClient(List.of(new FallbackTarget(this.primary, ALL)),
					FallbackListener.NONE, Duration.ofSeconds(1), Schedulers.parallel()));
		assertThatIllegalArgumentException().isThrownBy(() -> new FallbackChatClient(
				List.of(new FallbackTarget(this.primary, ALL), new FallbackTarget(this.primary, ALL)),
				FallbackListener.NONE, Duration.ofSeconds(1), Schedulers.parallel()));
	}

	@Test
	void theListenerGetsTheSubscribersContext() {
		AtomicReference<Object> seen = new AtomicReference<>();
		this.primary.failing(() -> new ServerErrorException(details(500), "server error"));
		FallbackChatClient chain = new FallbackChatClient(
				List.of(new FallbackTarget(this.primary, ALL), new FallbackTarget(this.deepseek, ALL)),
				(from, to, reason, context) -> seen.set(context.getOrDefault("caller", null)), Duration.ofSeconds(5),
				Schedulers.parallel());

		chain.chatReactive(ChatRequest.of("hi"))
			.contextWrite((context) -> context.put("caller", "observation"))
			.block();
		Mono.from(chain.stream(ChatRequest.of("hi")))
			.contextWrite((context) -> context.put("caller", "stream"))
			.block();

		assertThat(seen.get()).isEqualTo("stream");
	}

	private static ErrorDetails details(int status) {
		return new ErrorDetails("linkai", "assistant", status, null, "failed", null);
	}

	enum Mode {

		CALL, STREAM_BEFORE_FIRST_CHUNK, STREAM_AFTER_FIRST_CHUNK

	}

	record LinkAiLike(String appCode) implements ProviderOptions {

		@Override
		public String provider() {
			return "linkai";
		}

	}

	record OpenAiLike(int seed) implements ProviderOptions {

		@Override
		public String provider() {
			return "openai";
		}

	}

}
