package io.github.linkai.spring.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.error.ChatClientException;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.error.ChatTransportException;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.RedirectNotFollowedException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.error.ServerErrorException;
import io.github.linkai.spring.client.error.StreamErrorEventException;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.observation.ChatCallObserver;
import io.github.linkai.spring.observation.ChatMeterObservationHandler;
import io.github.linkai.spring.observation.DefaultChatObservationConvention;
import io.github.linkai.spring.provider.jijyun.Jijyun;
import io.github.linkai.spring.provider.jijyun.JijyunOptions;
import io.github.linkai.spring.provider.jijyun.JijyunSettings;
import io.github.linkai.spring.provider.lingma.Lingma;
import io.github.linkai.spring.provider.lingma.LingmaOptions;
import io.github.linkai.spring.provider.lingma.LingmaSettings;
import io.github.linkai.spring.provider.linkai.LinkAi;
import io.github.linkai.spring.provider.linkai.LinkAiOptions;
import io.github.linkai.spring.provider.linkai.LinkAiSettings;
import io.github.linkai.spring.provider.openai.OpenAi;
import io.github.linkai.spring.provider.openai.OpenAiOptions;
import io.github.linkai.spring.provider.openai.OpenAiSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The fault suite: every provider endpoint, called blocking, reactively and as a stream,
 * against each way a server or the network fails. Each case checks what the caller gets
 * (the exception type, or the answer), how many requests the server saw (retries, and
 * none for a memory chat turn once it was sent), the waits between them, and the meters:
 * {@code error.type} on {@code gen_ai.client.operation.duration},
 * {@code linkai.client.retries} and {@code linkai.client.active_streams} back to 0.
 * Backoffs and {@code Retry-After}s run at once ({@link RecordingScheduler}); the timeout
 * cases use short timeouts on a real scheduler. A representative part runs on the JDK's
 * connector too: its timeouts and failed connections must end as the same typed errors.
 */
class FaultSuiteTests {

	/** The timeouts and deadline of the cases that wait for one. */
	private static final Duration SHORT = Duration.ofMillis(300);

	/**
	 * Longer than any case needs: a hung call fails here instead of hanging the build.
	 */
	private static final Duration HANG = Duration.ofSeconds(15);

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(40))
		.build();

	/** Another origin a redirect points to: it must never be asked. */
	@RegisterExtension
	static WireMockExtension elsewhere = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(10))
		.build();

	static Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		for (Target target : Target.all()) {
			for (Mode mode : Mode.values()) {
				for (ServerFault fault : ServerFault.values()) {
					if (fault.modes.contains(mode)) {
						cases.add(Arguments.of(target, mode, fault));
					}
				}
			}
		}
		return cases.stream();
	}

	/**
	 * The faults the JDK connector is checked against: each way a connection ends, the
	 * timeouts of the connector and of the client, a retried status.
	 */
	static Stream<Arguments> jdkCases() {
		Set<ServerFault> faults = EnumSet.of(ServerFault.CONNECTION_RESET_BY_PEER, ServerFault.EMPTY_RESPONSE,
				ServerFault.TRUNCATED, ServerFault.STALLED_BEFORE_THE_HEADERS, ServerFault.SILENT_AFTER_THE_REQUEST,
				ServerFault.UNAVAILABLE_THEN_ANSWERED);
		return cases().filter((arguments) -> faults.contains((ServerFault) arguments.get()[2]));
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("cases")
	void everyFaultEndsTheCallTypedCountedAndMeasured(Target target, Mode mode, ServerFault fault) {
		check(Connector.REACTOR_NETTY, target, mode, fault);
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("jdkCases")
	void theJdkConnectorEndsTheCallWithTheSameTypedErrors(Target target, Mode mode, ServerFault fault) {
		check(Connector.JDK, target, mode, fault);
	}

	private static void check(Connector connector, Target target, Mode mode, ServerFault fault) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(meters))
			.observationHandler(new ChatMeterObservationHandler(meters, new DefaultChatObservationConvention()));
		RecordingScheduler scheduler = new RecordingScheduler();
		List<String> outcomes = new CopyOnWriteArrayList<>();
		ClientSettings.Builder settings = ClientSettings.builder("faults")
			.defaults(target.defaults)
			.retry(new RetryPolicy())
			.scheduler(fault.realTime ? Schedulers.parallel() : scheduler)
			.observer(CallObserver.of(List.of(new ChatCallObserver(observations, null, false),
					(call, context) -> new CallObserver.Call() {

						@Override
						public void succeeded(@Nullable ChatResponse response) {
							outcomes.add("success");
						}

						@Override
						public void failed(Throwable error) {
							outcomes.add(error.getClass().getSimpleName());
						}

					})));
		fault.tune(settings);
		ConnectionProvider pool = ConnectionProvider.builder("fault-suite").maxConnections(4).build();
		try {
			Calls calls = target.client.apply("http://127.0.0.1:" + wm.getPort(),
					new HttpChatClientFactory(connector.create(pool, fault.readTimeout), settings.build()));
			fault.stub(new Stubs(target, mode));
			Expected expected = fault.expected(target, mode);

			Throwable error = call(calls, mode, target, expected);

			if (expected.error() == null) {
				assertThat(error).as("the call's error").isNull();
			}
			else {
				assertThat(error).isExactlyInstanceOf(expected.error());
				if (expected.message() != null) {
					assertThat(error).hasMessageContaining(expected.message());
				}
			}
			assertThat(requests(wm, target.path)).as("requests the server saw").isEqualTo(expected.requests());
			int retries = expected.requests() - 1;
			List<Duration> waits = scheduler.waits;
			// a stream's end marker adds one short wait: the grace in which the body's
			// rest is read
			assertThat(waits).as("waits").hasSizeBetween(retries, (mode == Mode.STREAM) ? retries + 1 : retries);
			for (int retry = 0; retry < retries; retry++) {
				fault.checkWait(waits.get(retry), retry);
			}
			String errorType = (error != null) ? error.getClass().getSimpleName() : "none";
			assertMeters(meters, mode, errorType, retries);
			assertThat(outcomes).as("the listener").containsExactly((error != null) ? errorType : "success");
			if (fault == ServerFault.REDIRECT_TO_ANOTHER_HOST) {
				assertThat(((RedirectNotFollowedException) error).location())
					.isEqualTo("http://localhost:" + elsewhere.getPort());
				assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).as("requests the other host saw").isEmpty();
			}
		}
		catch (AssertionError failure) {
			// surefire's reports name a case by its index only
			throw new AssertionError(connector + " " + target + " " + mode + " " + fault + ": " + failure.getMessage(),
					failure);
		}
		finally {
			pool.disposeLater().block(HANG);
		}
	}

	/** Makes the call the mode says and checks its answer; returns its error, if any. */
	private static @Nullable Throwable call(Calls calls, Mode mode, Target target, Expected expected) {
		ChatRequest request = ChatRequest.of("你好");
		return switch (mode) {
			case BLOCKING ->
				catchThrowable(() -> assertThat(calls.chat.apply(request).content()).isEqualTo(target.replyText));
			case REACTIVE -> {
				List<Throwable> errors = new ArrayList<>();
				StepVerifier.Step<ChatResponse> step = StepVerifier.create(calls.reactive.apply(request));
				if (expected.error() == null) {
					step.assertNext((response) -> assertThat(response.content()).isEqualTo(target.replyText))
						.expectComplete()
						.verify(HANG);
				}
				else {
					step.expectErrorSatisfies(errors::add).verify(HANG);
				}
				yield errors.isEmpty() ? null : errors.get(0);
			}
			case STREAM -> {
				List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
				Throwable error = catchThrowable(
						() -> calls.stream.apply(request).doOnNext(chunks::add).blockLast(HANG));
				if (error == null) {
					assertThat(chunks.stream().map(ChatChunk::delta).collect(Collectors.joining()))
						.isEqualTo(target.streamText);
				}
				yield error;
			}
		};
	}

	private static void assertMeters(SimpleMeterRegistry meters, Mode mode, String errorType, int retries) {
		Collection<Timer> durations = meters.find("gen_ai.client.operation.duration").timers();
		assertThat(durations).as("gen_ai.client.operation.duration").singleElement().satisfies((timer) -> {
			assertThat(timer.getId().getTag("error.type")).isEqualTo(errorType);
			assertThat(timer.count()).isOne();
		});
		double counted = meters.find("linkai.client.retries").counters().stream().mapToDouble(Counter::count).sum();
		assertThat(counted).as("linkai.client.retries").isEqualTo(retries);
		Collection<Gauge> active = meters.find("linkai.client.active_streams").gauges();
		if (mode == Mode.STREAM) {
			assertThat(active).as("linkai.client.active_streams")
				.isNotEmpty()
				.allSatisfy((gauge) -> assertThat(gauge.value()).isZero());
		}
		else {
			assertThat(active).isEmpty();
		}
	}

	private static int requests(WireMockExtension server, String path) {
		return server.findAll(postRequestedFor(urlPathEqualTo(path))).size();
	}

	private static final Set<Mode> ALL = EnumSet.allOf(Mode.class);

	private static ResponseDefinitionBuilder eventStream(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
	}

	/** The connector a case's client runs on. */
	enum Connector {

		/**
		 * Reactor Netty on a pool of the case's own: no connection a previous case's
		 * server closed is picked up.
		 */
		REACTOR_NETTY {
			@Override
			ClientHttpConnector create(ConnectionProvider pool, @Nullable Duration readTimeout) {
				HttpClient client = HttpClient.create(pool);
				return new ReactorClientHttpConnector(
						(readTimeout != null) ? client.responseTimeout(readTimeout) : client);
			}
		},

		/**
		 * The JDK's client, as Boot builds it for
		 * {@code ClientHttpConnectorBuilder.jdk()}.
		 */
		JDK {
			@Override
			ClientHttpConnector create(ConnectionProvider pool, @Nullable Duration readTimeout) {
				return ClientHttpConnectorBuilder.jdk()
					.build(HttpClientSettings.defaults().withReadTimeout(readTimeout));
			}
		};

		abstract ClientHttpConnector create(ConnectionProvider pool, @Nullable Duration readTimeout);

	}

	enum Mode {

		/** {@code chat(request)}. */
		BLOCKING,

		/** {@code chatReactive(request)}, verified with a {@link StepVerifier}. */
		REACTIVE,

		/** {@code stream(request)}. */
		STREAM

	}

	/**
	 * What a case expects: the error ({@code null} for the answer), its message, and the
	 * requests sent.
	 */
	record Expected(@Nullable Class<? extends ChatClientException> error, @Nullable String message, int requests) {

		static Expected answer(int requests) {
			return new Expected(null, null, requests);
		}

		static Expected error(Class<? extends ChatClientException> error, int requests) {
			return new Expected(error, null, requests);
		}

		/**
		 * A failure of the connection once the request was out: tried again only where
		 * asking twice is harmless.
		 */
		static Expected transport(Target target) {
			return error(ChatTransportException.class, target.stateful ? 1 : 3);
		}

	}

	/**
	 * The faults. Each stubs the server for a target and a mode, may shorten the client's
	 * timeouts (then it runs on a real scheduler), and says what the call ends with.
	 */
	enum ServerFault {

		CONNECTION_RESET_BY_PEER(ALL, false) {
			@Override
			void stub(Stubs stubs) {
				stubs.always(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return Expected.transport(target);
			}
		},

		EMPTY_RESPONSE(ALL, false) {
			@Override
			void stub(Stubs stubs) {
				stubs.always(aResponse().withFault(Fault.EMPTY_RESPONSE));
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return Expected.transport(target);
			}
		},

		MALFORMED_RESPONSE_CHUNK(ALL, false) {
			@Override
			void stub(Stubs stubs) {
				stubs.always(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return Expected.transport(target);
			}
		},

		RANDOM_DATA_THEN_CLOSE(ALL, false) {
			@Override
			void stub(Stubs stubs) {
				stubs.always(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return Expected.transport(target);
			}
		},

		/**
		 * A valid answer, sent a few bytes at a time over 3 s: cut at a 300 ms deadline,
		 * not retried.
		 */
		DRIBBLED_PAST_THE_DEADLINE(ALL, true) {
			@Override
			void stub(Stubs stubs) {
				stubs.always(stubs.success().withChunkedDribbleDelay(10, 3000));
			}

			@Override
			void tune(ClientSettings.Builder settings) {
				settings.deadline(SHORT);
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return new Expected(ChatTimeoutException.class, "(deadline)", 1);
			}
		},

		/**
		 * Response headers not sent within the connector's read timeout: a timeout on
		 * every connector, not a failed connection, so not retried.
		 */
		// a second, not SHORT: the JDK client's timeout spans the whole exchange, and on
		// a
		// loaded machine 300 ms could pass before it had written the request
		STALLED_BEFORE_THE_HEADERS(ALL, true, Duration.ofSeconds(1)) {
			@Override
			void stub(Stubs stubs) {
				stubs.always(stubs.success().withFixedDelay(3000));
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return Expected.error(ChatTimeoutException.class, 1);
			}
		},

		/** 429 asking for a second, then the answer: waited for exactly as asked. */
		RATE_LIMITED_WITH_RETRY_AFTER(ALL, false) {
			@Override
			void stub(Stubs stubs) {
				stubs.failThenSucceed(aResponse().withStatus(429).withHeader("Retry-After", "1"));
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return Expected.answer(2);
			}

			@Override
			void checkWait(Duration wait, int retry) {
				assertThat(wait).isEqualTo(Duration.ofSeconds(1));
			}
		},

		/** 503, then the answer: one backoff. */
		UNAVAILABLE_THEN_ANSWERED(ALL, false) {
			@Override
			void stub(Stubs stubs) {
				stubs.failThenSucceed(aResponse().withStatus(503));
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return Expected.answer(2);
			}
		},

		/**
		 * 502, then the answer: retried where asking twice is harmless; a memory chat
		 * turn may have been stored.
		 */
		BAD_GATEWAY_THEN_ANSWERED(ALL, false) {
			@Override
			void stub(Stubs stubs) {
				stubs.failThenSucceed(aResponse().withStatus(502));
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return target.stateful ? Expected.error(ServerErrorException.class, 1) : Expected.answer(2);
			}
		},

		/**
		 * HTTP 200 with an error object: in place of the answer, or as an event after the
		 * first chunk.
		 */
		ERROR_OBJECT(ALL, false) {
			@Override
			void stub(Stubs stubs) {
				stubs.always((stubs.mode == Mode.STREAM) ? eventStream(stubs.target.errorStream)
						: okJson(stubs.target.errorReply));
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return Expected
					.error((mode == Mode.STREAM) ? StreamErrorEventException.class : ProviderApiException.class, 1);
			}
		},

		/**
		 * The answer ends early: half a JSON reply, or a stream closed before its end
		 * marker.
		 */
		TRUNCATED(ALL, false) {
			@Override
			void stub(Stubs stubs) {
				String reply = stubs.target.reply;
				stubs.always((stubs.mode == Mode.STREAM) ? eventStream(stubs.target.truncatedStream)
						: okJson(reply.substring(0, reply.length() / 2)));
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return Expected
					.error((mode == Mode.STREAM) ? StreamTruncatedException.class : ResponseDecodingException.class, 1);
			}
		},

		/**
		 * A stream that only ever sends keep-alive comments: the first-event timeout ends
		 * it.
		 */
		KEEP_ALIVES_ONLY(EnumSet.of(Mode.STREAM), true) {
			@Override
			void stub(Stubs stubs) {
				stubs.always(eventStream(": keep-alive\n\n".repeat(10)).withChunkedDribbleDelay(10, 3000));
			}

			@Override
			void tune(ClientSettings.Builder settings) {
				settings.firstEventTimeout(SHORT);
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return new Expected(ChatTimeoutException.class, "first-event-timeout", 1);
			}
		},

		/**
		 * One chunk, then only keep-alive comments: the idle timeout ends it, saying the
		 * answer is incomplete.
		 */
		KEEP_ALIVES_AFTER_A_CHUNK(EnumSet.of(Mode.STREAM), true) {
			@Override
			void stub(Stubs stubs) {
				// each comment as long as the event, so the event comes whole in the
				// first of the dribbled chunks
				String event = stubs.target.firstEvent();
				String keepAlive = ": keep-alive " + "-".repeat(event.getBytes(StandardCharsets.UTF_8).length) + "\n\n";
				stubs.always(eventStream(event + keepAlive.repeat(10)).withChunkedDribbleDelay(11, 3000));
			}

			@Override
			void tune(ClientSettings.Builder settings) {
				settings.idleTimeout(SHORT);
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return new Expected(ChatTimeoutException.class, "(idle-timeout) after 1 chunk(s)", 1);
			}
		},

		/**
		 * The server takes the request and says nothing for 3 s, not even its headers:
		 * the first-event timeout runs from the request, so it ends the stream.
		 */
		SILENT_AFTER_THE_REQUEST(EnumSet.of(Mode.STREAM), true) {
			@Override
			void stub(Stubs stubs) {
				stubs.always(stubs.success().withFixedDelay(3000));
			}

			@Override
			void tune(ClientSettings.Builder settings) {
				settings.firstEventTimeout(SHORT);
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return new Expected(ChatTimeoutException.class, "first-event-timeout", 1);
			}
		},

		/**
		 * A stream of pings that are not answer events: named events with no data (which
		 * the SSE standard does not dispatch) and empty events ({@code data: {}}, which
		 * yield no chunk). Neither is progress: the first-event timeout ends it.
		 */
		PINGS_AS_EVENTS(EnumSet.of(Mode.STREAM), true) {
			@Override
			void stub(Stubs stubs) {
				// a ping every 100 ms: each would keep the stream open if it were
				// progress
				stubs.always(eventStream("event: ping\n\ndata: {}\n\n".repeat(30)).withChunkedDribbleDelay(30, 3000));
			}

			@Override
			void tune(ClientSettings.Builder settings) {
				settings.firstEventTimeout(SHORT);
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return new Expected(ChatTimeoutException.class, "first-event-timeout", 1);
			}
		},

		/**
		 * One chunk, then only pings as events: the idle timeout ends it, saying the
		 * answer is incomplete.
		 */
		PINGS_AS_EVENTS_AFTER_A_CHUNK(EnumSet.of(Mode.STREAM), true) {
			@Override
			void stub(Stubs stubs) {
				// each ping as long as the event, so the event comes whole in the first
				// of
				// the dribbled chunks
				String event = stubs.target.firstEvent();
				String ping = "event: ping\n\ndata: {}\n\n";
				String padded = ping.replace("{}", "{}" + " ".repeat(Math.max(0,
						event.getBytes(StandardCharsets.UTF_8).length - ping.getBytes(StandardCharsets.UTF_8).length)));
				stubs.always(eventStream(event + padded.repeat(30)).withChunkedDribbleDelay(31, 3000));
			}

			@Override
			void tune(ClientSettings.Builder settings) {
				settings.idleTimeout(SHORT);
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return new Expected(ChatTimeoutException.class, "(idle-timeout) after 1 chunk(s)", 1);
			}
		},

		/**
		 * 302 to another origin: not followed (the request carries the credential), not
		 * retried.
		 */
		REDIRECT_TO_ANOTHER_HOST(ALL, false) {
			@Override
			void stub(Stubs stubs) {
				stubs.always(aResponse().withStatus(302)
					.withHeader("Location", "http://localhost:" + elsewhere.getPort() + stubs.target.path));
				elsewhere.stubFor(post(urlPathEqualTo(stubs.target.path)).willReturn(stubs.success()));
			}

			@Override
			Expected expected(Target target, Mode mode) {
				return Expected.error(RedirectNotFollowedException.class, 1);
			}
		};

		final Set<Mode> modes;

		/** Whether the case waits for a short timeout, on a real scheduler. */
		final boolean realTime;

		/** The connector's read (response) timeout, if the case sets one. */
		final @Nullable Duration readTimeout;

		ServerFault(Set<Mode> modes, boolean realTime) {
			this(modes, realTime, null);
		}

		ServerFault(Set<Mode> modes, boolean realTime, @Nullable Duration readTimeout) {
			this.modes = modes;
			this.realTime = realTime;
			this.readTimeout = readTimeout;
		}

		abstract void stub(Stubs stubs);

		abstract Expected expected(Target target, Mode mode);

		void tune(ClientSettings.Builder settings) {
		}

		/**
		 * Checks the wait before retry number {@code retry} (0 for the first): by default
		 * the policy's backoff.
		 */
		void checkWait(Duration wait, int retry) {
			long base = 500L << retry; // new RetryPolicy(): 0.5 s doubling, ±25 %
			assertThat(wait).isBetween(Duration.ofMillis(base * 3 / 4), Duration.ofMillis(base * 5 / 4));
		}

	}

	/** Stubs the target's endpoint for one case. */
	static final class Stubs {

		final Target target;

		final Mode mode;

		Stubs(Target target, Mode mode) {
			this.target = target;
			this.mode = mode;
		}

		/**
		 * The target's valid answer for the mode: its documented reply, or its documented
		 * stream.
		 */
		ResponseDefinitionBuilder success() {
			return (this.mode == Mode.STREAM) ? eventStream(this.target.stream) : okJson(this.target.reply);
		}

		void always(ResponseDefinitionBuilder response) {
			wm.stubFor(post(urlPathEqualTo(this.target.path)).willReturn(response));
		}

		void failThenSucceed(ResponseDefinitionBuilder failure) {
			wm.stubFor(post(urlPathEqualTo(this.target.path)).inScenario("fault")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(failure)
				.willSetStateTo("failed"));
			wm.stubFor(post(urlPathEqualTo(this.target.path)).inScenario("fault")
				.whenScenarioStateIs("failed")
				.willReturn(success()));
		}

	}

	/** The three ways to call a client, the same for a chat and a memory chat client. */
	record Calls(Function<ChatRequest, ChatResponse> chat, Function<ChatRequest, Mono<ChatResponse>> reactive,
			Function<ChatRequest, Flux<ChatChunk>> stream) {

		static Calls of(ChatClient client) {
			return new Calls(client::chat, client::chatReactive, client::stream);
		}

		static Calls of(MemoryChatClient client) {
			return new Calls(client::chat, client::chatReactive, client::stream);
		}

	}

	/**
	 * A provider endpoint: how to build its client on a base URL, its path, its
	 * documented reply and stream (and their texts), an error object in place of the
	 * reply and in the stream, a stream cut before its end, and whether it keeps state (a
	 * turn sent must not be sent again).
	 */
	static final class Target {

		final String name;

		final String path;

		final boolean stateful;

		final ChatOptions defaults;

		final String reply;

		final String replyText;

		final String stream;

		final String streamText;

		final String errorReply;

		final String errorStream;

		final String truncatedStream;

		final BiFunction<String, ChatClientFactory, Calls> client;

		Target(String name, String path, boolean stateful, ChatOptions defaults, String reply, String replyText,
				String stream, String streamText, String errorReply, String errorStream, String truncatedStream,
				BiFunction<String, ChatClientFactory, Calls> client) {
			this.name = name;
			this.path = path;
			this.stateful = stateful;
			this.defaults = defaults;
			this.reply = reply;
			this.replyText = replyText;
			this.stream = stream;
			this.streamText = streamText;
			this.errorReply = errorReply;
			this.errorStream = errorStream;
			this.truncatedStream = truncatedStream;
			this.client = client;
		}

		/** The stream's first data event. */
		String firstEvent() {
			int start = this.stream.indexOf("data:");
			return this.stream.substring(start, this.stream.indexOf("\n\n", start) + 2);
		}

		@Override
		public String toString() {
			return this.name;
		}

		static List<Target> all() {
			String linkAiKey = "Link_tOCJYmHxxm55eA1xs";
			String lingmaToken = "pt-0fh3Kq7ZXw0fbG_35afR2mN0484";
			String organization = "60d54f3daccf2bbd6659f3ad";
			String jijyunStream = fixture("jijyun/stream.sse");
			return List.of(
					new Target("linkai-chat", "/v1/chat/completions", false, ChatOptions.none(),
							fixture("linkai/chat-response.json"), "你好,请问有什么可以帮助您的吗?", fixture("linkai/chat-stream.txt"),
							"你好!我能为你做些什么?", fixture("linkai/error.json"), fixture("linkai/chat-stream-error-event.txt"),
							fixture("linkai/chat-stream-truncated.txt"),
							(baseUrl,
									factory) -> Calls.of(LinkAi.chatClient(
											new LinkAiSettings(linkAiKey, baseUrl, LinkAiOptions.none()), factory))),
					new Target("linkai-memory", "/v1/chat/memory/completions", true, ChatOptions.none(),
							fixture("linkai/memory-response.json"), "你好啊!有什么我可以帮助你的吗?",
							fixture("linkai/memory-stream.txt"), "你好!我能为你做些什么?", fixture("linkai/error.json"),
							fixture("linkai/chat-stream-error-event.txt"), fixture("linkai/chat-stream-truncated.txt"),
							(baseUrl,
									factory) -> Calls.of(LinkAi.memoryChatClient(
											new LinkAiSettings(linkAiKey, baseUrl, LinkAiOptions.none()), factory))),
					new Target("lingma", "/oapi/v1/lingma/organizations/" + organization + "/model/chat", false,
							ChatOptions.none(), fixture("lingma/reply.json"),
							"通义灵码是阿里云推出的智能编码助手,可以在 IDE 中续写代码、解释代码和回答研发问题。", fixture("lingma/stream.txt"),
							"通义灵码是智能编码助手。", fixture("lingma/error-code-message.json"),
							fixture("lingma/stream-error.txt").replace("${token}", lingmaToken),
							fixture("lingma/stream-truncated.txt"),
							(baseUrl,
									factory) -> Calls.of(Lingma.chatClient(new LingmaSettings(lingmaToken, baseUrl,
											organization, LingmaOptions.none()), factory))),
					new Target("jijyun", "/v1/openapi/chat", false, ChatOptions.none(), fixture("jijyun/reply.json"),
							"根据提供的搜索结果,今天的日期是2023年8月16日[1]。", jijyunStream, "根据提供的搜索结果,今天的日期是2023年8月16日[1]。",
							"{\"code\": 401, \"msg\": \"apiKey无效\"}",
							jijyunStream.substring(0, jijyunStream.indexOf("\n\n", jijyunStream.indexOf("data:")) + 2)
									+ "data: {\"code\":\"500\",\"msg\":\"服务繁忙\"}\n\n",
							fixture("jijyun/stream-truncated.sse"),
							(baseUrl,
									factory) -> Calls.of(Jijyun.chatClient(new JijyunSettings("jjy-test-key-0123456789",
											baseUrl, JijyunOptions.none()), factory))),
					new Target("openai", "/v1/chat/completions", false,
							new ChatOptions("deepseek-chat", null, null, null), fixture("openai/reply.json"),
							"你好!有什么可以帮你的吗?", fixture("openai/stream.sse"), "你好!", fixture("openai/error.json"),
							fixture("openai/stream-error.sse"), fixture("openai/stream-truncated.sse"),
							(baseUrl, factory) -> Calls
								.of(OpenAi.chatClient(new OpenAiSettings("sk-7f3A_9b+Q/xZ=eN-f00d", baseUrl + "/v1",
										OpenAiOptions.none()), factory))));
		}

		private static String fixture(String name) {
			try (InputStream in = FaultSuiteTests.class
				.getResourceAsStream("/io/github/linkai/spring/provider/" + name)) {
				if (in == null) {
					throw new IllegalStateException("No fixture " + name);
				}
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
