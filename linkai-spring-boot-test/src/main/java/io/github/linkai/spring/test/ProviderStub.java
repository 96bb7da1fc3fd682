package io.github.linkai.spring.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.linkai.spring.autoconfigure.LinkAiConnectionDetails;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.concurrent.GlobalEventExecutor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * An embedded HTTP server on 127.0.0.1 and a free port that speaks every provider's chat
 * API as its document shows it (LinkAI chat and memory chat, Yunxiao Lingma, Jijyun, an
 * OpenAI-compatible endpoint), so that an application or its tests run end to end with no
 * key and no network. Unscripted, it answers every valid request by echoing the question;
 * a test scripts answers and faults per request and reads what was sent:
 *
 * <pre>{@code
 * try (ProviderStub stub = ProviderStub.start()) {
 *     stub.on(StubRequests.contentContains("slow")).answer(StubAnswer.echo().withChunkDelay(Duration.ofMillis(300)));
 *     stub.enqueue(StubAnswer.status(503));              // the next request only
 *     // point clients at stub.baseUrl(provider) with stub.apiKey(), or use stub.connectionDetails()
 *     stub.requests();                                   // what was sent, credentials masked
 * }
 * }</pre>
 *
 * Streams are written without a thread per stream (delays are Reactor timers).
 * Thread-safe.
 */
public final class ProviderStub implements AutoCloseable {

	/**
	 * The credential a stub accepts unless told otherwise; it has no meaning anywhere
	 * else.
	 */
	public static final String DEFAULT_API_KEY = "Link_StubKey";

	private static final String HOST = "127.0.0.1";

	/** The path of the OpenAI-compatible endpoint's base URL on the stub. */
	private static final String OPENAI_BASE_PATH = "/openai/v1";

	// how long a cut stream's last events have to reach the client before the reset
	private static final Duration CUT_GRACE = Duration.ofMillis(50);

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);

	private final DisposableServer server;

	private final List<ProviderApi> apis;

	private final String apiKey;

	private final Duration chunkDelay;

	private final Script script = new Script();

	private final List<StubRequest> requests = new CopyOnWriteArrayList<>();

	private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

	private ProviderStub(Builder builder) {
		this.apis = List.of(new LinkAiApi(builder.requireReasoningReplay), new LingmaApi(), new JijyunApi(),
				new OpenAiApi(builder.requireReasoningReplay));
		this.apiKey = builder.apiKey;
		this.chunkDelay = builder.chunkDelay;
		// the group lets close() end open (kept-alive, stalled) connections instead of
		// waiting for them
		this.server = HttpServer.create()
			.host(HOST)
			.port(builder.port)
			.channelGroup(this.connections)
			.route((routes) -> this.apis.forEach((api) -> api.endpoints()
				.forEach((endpoint) -> routes.post(endpoint.path(), (request, response) -> StubHttp.body(request)
					.flatMap((body) -> handle(api, api.read(endpoint, request, body, this.apiKey), response))))))
			.bindNow();
	}

	/**
	 * Starts a stub on a free port of 127.0.0.1 accepting {@link #DEFAULT_API_KEY}, with
	 * no delays.
	 */
	public static ProviderStub start() {
		return builder().start();
	}

	/** A builder, for another key, a port or a delay between streamed events. */
	public static Builder builder() {
		return new Builder();
	}

	/** The port the stub listens on. */
	public int port() {
		return this.server.port();
	}

	/**
	 * The stub's root URL, {@code http://127.0.0.1:<port>}: the base URL of LinkAI,
	 * Lingma and Jijyun clients.
	 */
	public String baseUrl() {
		return "http://" + HOST + ":" + port();
	}

	/**
	 * The base URL to give a client of this provider: {@link #baseUrl()}, or
	 * {@code <baseUrl>/openai/v1} for {@code openai} (the path OpenAI SDKs append
	 * {@code /chat/completions} to).
	 */
	public String baseUrl(String provider) {
		Objects.requireNonNull(provider, "provider must not be null");
		return provider.equals(StubEndpoint.OPENAI_CHAT.provider()) ? baseUrl() + OPENAI_BASE_PATH : baseUrl();
	}

	/**
	 * The credential the stub accepts from every provider's clients; any other gets the
	 * provider's 401.
	 */
	public String apiKey() {
		return this.apiKey;
	}

	/**
	 * Connection details that point every configured client at this stub, whatever its
	 * provider: define them as a bean and the starter's clients talk to the stub, with no
	 * property to change.
	 *
	 * <pre>{@code
	 * &#64;Bean
	 * LinkAiConnectionDetails stubConnection(ProviderStub stub) {
	 *     return stub.connectionDetails();
	 * }
	 * }</pre>
	 */
	public LinkAiConnectionDetails connectionDetails() {
		return new ProviderStubConnectionDetails(this);
	}

	/**
	 * Scripts the answers to the requests this matcher accepts (see
	 * {@link StubRequests}).
	 * @return where to say what they get
	 */
	public Stubbing on(Predicate<StubRequest> matcher) {
		Objects.requireNonNull(matcher, "matcher must not be null");
		return new Stubbing(matcher);
	}

	/**
	 * Answers every request with this, until {@link #reset()} or a later rule:
	 * {@code on(any()).answer(answer)}.
	 */
	public ProviderStub answer(StubAnswer answer) {
		return on(StubRequests.any()).answer(answer);
	}

	/**
	 * Answers the next requests with these, one each, in order, then as before:
	 * {@code on(any()).answerOnce(...)}.
	 */
	public ProviderStub enqueue(StubAnswer... answers) {
		Stubbing any = on(StubRequests.any());
		for (StubAnswer answer : answers) {
			any.answerOnce(answer);
		}
		return this;
	}

	/**
	 * Every request received since the start or the last {@link #reset()}, in order,
	 * credentials masked.
	 */
	public List<StubRequest> requests() {
		return List.copyOf(this.requests);
	}

	/** The requests this matcher accepts. */
	public List<StubRequest> requests(Predicate<StubRequest> matcher) {
		return this.requests.stream().filter(matcher).toList();
	}

	/**
	 * The last request received.
	 * @throws IllegalStateException when none was
	 */
	public StubRequest lastRequest() {
		List<StubRequest> all = requests();
		if (all.isEmpty()) {
			throw new IllegalStateException("The provider stub has received no request");
		}
		return all.get(all.size() - 1);
	}

	/** How many queued answers ({@link Stubbing#answerOnce}) no request has taken yet. */
	public int pendingAnswers() {
		return this.script.pending();
	}

	/**
	 * Forgets scripted answers, recorded requests and memory chat sessions: the stub as
	 * just started.
	 */
	public void reset() {
		this.script.clear();
		this.requests.clear();
		this.apis.forEach(ProviderApi::reset);
	}

	/** Stops the server; open connections are closed. */
	@Override
	public void close() {
		this.connections.close().awaitUninterruptibly(CLOSE_TIMEOUT.toMillis());
		this.server.disposeNow(CLOSE_TIMEOUT);
	}

	@Override
	public String toString() {
		return "ProviderStub[" + baseUrl() + "]";
	}

	private Mono<Void> handle(ProviderApi api, StubRequest request, HttpServerResponse response) {
		this.requests.add(request);
		try {
			api.check(request);
			StubAnswer scripted = this.script.answerFor(request);
			StubAnswer answer = (scripted != null) ? scripted : StubAnswer.echo().withChunkDelay(this.chunkDelay);
			return respond(api, request, answer, response);
		}
		catch (Rejection ex) {
			return json(response, ex.status(), StubHttp.write(api.error(ex.status(), ex.getMessage())));
		}
	}

	private Mono<Void> respond(ProviderApi api, StubRequest request, StubAnswer answer, HttpServerResponse response) {
		if (answer.isError()) {
			if (answer.retryAfter() != null) {
				response.header(HttpHeaderNames.RETRY_AFTER, Long.toString(answer.retryAfter().toSeconds()));
			}
			return json(response, answer.status(), StubHttp.write(api.error(answer.status(), answer.message())));
		}
		String contentType = request.stream() ? "text/event-stream; charset=utf-8" : "application/json";
		if (answer.isStall()) {
			return stall(response, contentType);
		}
		Turn turn = answer.isEcho() ? api.echo(request) : api.turn(request, answer.chunks());
		if (answer.sources() != null) {
			turn = turn.withSources(answer.sources());
		}
		turn = turn.withExtras(answer.extras());
		if (!request.stream()) {
			if (answer.cutAfter() >= 0) {
				return Mono.fromRunnable(() -> reset(response));
			}
			if (answer.stallAfter() >= 0) {
				return stall(response, contentType);
			}
			String reply = StubHttp.write(api.reply(request, turn));
			return Mono.delay(answer.chunkDelay().multipliedBy(turn.chunks().size())).then(json(response, 200, reply));
		}
		Flux<String> events = Flux.fromIterable(api.events(request, turn)).map((data) -> "data: " + data + "\n\n");
		if (!answer.chunkDelay().isZero()) {
			events = events.delayElements(answer.chunkDelay());
		}
		if (answer.cutAfter() >= 0) {
			events = events.take(answer.cutAfter())
				.concatWith(Mono.delay(CUT_GRACE).doOnNext((tick) -> reset(response)).then(Mono.never()));
		}
		else if (answer.stallAfter() >= 0) {
			events = events.take(answer.stallAfter()).concatWith(Mono.never());
		}
		return response.status(200)
			.header(HttpHeaderNames.CONTENT_TYPE, contentType)
			.header(HttpHeaderNames.CACHE_CONTROL, "no-cache")
			.sendHeaders()
			.then(response.sendString(events, StandardCharsets.UTF_8))
			.then();
	}

	private static Mono<Void> json(HttpServerResponse response, int status, String body) {
		return response.status(status)
			.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.sendString(Mono.just(body), StandardCharsets.UTF_8)
			.then();
	}

	/** Headers, then nothing: the connection stays open until the client closes it. */
	private static Mono<Void> stall(HttpServerResponse response, String contentType) {
		return response.status(200)
			.header(HttpHeaderNames.CONTENT_TYPE, contentType)
			.sendHeaders()
			.then()
			.then(Mono.never());
	}

	/**
	 * A connection reset (TCP RST), as a dropped connection or a crashed server gives.
	 */
	private static void reset(HttpServerResponse response) {
		response.withConnection((connection) -> {
			connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
			connection.channel().close();
		});
	}

	/** Scripts what the requests of one matcher get. */
	public final class Stubbing {

		private final Predicate<StubRequest> matcher;

		private Stubbing(Predicate<StubRequest> matcher) {
			this.matcher = matcher;
		}

		/**
		 * Every matching request gets this answer, until {@link #reset()}; a later rule
		 * takes precedence.
		 */
		public ProviderStub answer(StubAnswer answer) {
			Objects.requireNonNull(answer, "answer must not be null");
			ProviderStub.this.script.rule(this.matcher, (request) -> answer);
			return ProviderStub.this;
		}

		/**
		 * Every matching request gets the answer this function gives it, until
		 * {@link #reset()}: an answer that depends on the request, such as a tool call
		 * first and the final text once the tool's result is in.
		 *
		 * <pre>{@code
		 * stub.on(StubRequests.hasTools()).answerWith((request) -> StubRequests.lastMessageRole("tool").test(request)
		 *         ? StubAnswer.text("上海现在 14:05")
		 *         : StubAnswer.toolCalls(StubToolCall.of("current_time", "{\"city\":\"上海\"}")));
		 * }</pre>
		 */
		public ProviderStub answerWith(Function<StubRequest, StubAnswer> answers) {
			Objects.requireNonNull(answers, "answers must not be null");
			ProviderStub.this.script.rule(this.matcher, answers);
			return ProviderStub.this;
		}

		/**
		 * The next matching request gets this answer, once; queued answers are taken in
		 * the order they were given, and before any rule.
		 */
		public ProviderStub answerOnce(StubAnswer answer) {
			ProviderStub.this.script.enqueue(this.matcher, Objects.requireNonNull(answer, "answer must not be null"));
			return ProviderStub.this;
		}

	}

	/** Builds a {@link ProviderStub}. */
	public static final class Builder {

		private String apiKey = DEFAULT_API_KEY;

		private Duration chunkDelay = Duration.ZERO;

		private int port;

		private boolean requireReasoningReplay;

		private Builder() {
		}

		/**
		 * Whether the OpenAI-shaped endpoints answer a request whose assistant message
		 * calls tools without {@code reasoning_content} with DeepSeek's 400 (thinking
		 * mode's rule); by default they do not.
		 */
		public Builder requireReasoningReplay(boolean require) {
			this.requireReasoningReplay = require;
			return this;
		}

		/** The credential the stub accepts; by default {@link #DEFAULT_API_KEY}. */
		public Builder apiKey(String apiKey) {
			Objects.requireNonNull(apiKey, "apiKey must not be null");
			if (apiKey.isBlank()) {
				throw new IllegalArgumentException("apiKey must not be blank");
			}
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * The pause before each streamed event of the stub's own answers (scripted ones
		 * set theirs), so that a person watching sees the answer arrive; by default none.
		 */
		public Builder chunkDelay(Duration chunkDelay) {
			Objects.requireNonNull(chunkDelay, "chunkDelay must not be null");
			if (chunkDelay.isNegative()) {
				throw new IllegalArgumentException("chunkDelay must not be negative");
			}
			this.chunkDelay = chunkDelay;
			return this;
		}

		/** The port to listen on; by default 0, a free one. */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be in [0, 65535]");
			}
			this.port = port;
			return this;
		}

		/** Starts the stub; it serves until {@link ProviderStub#close()}. */
		public ProviderStub start() {
			return new ProviderStub(this);
		}

	}

}
