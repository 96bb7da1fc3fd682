package io.github.linkai.benchmarks.stub;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A loopback stand-in for LinkAI's chat API ({@code POST /v1/chat/completions}),
 * answering exactly as the document shows: a JSON reply with {@code choices[0].message}
 * and {@code usage}, or with {@code "stream": true} one {@code data:} event per chunk
 * ({@code "session_id": null} on each, the last with {@code "delta": {}},
 * {@code "finish_reason": "stop"} and {@code usage} inside the choice), then
 * {@code data: [DONE]}. Every reply is encoded once, at start-up, so the stub spends its
 * time on the socket and not on JSON.
 *
 * <p>
 * Paths: {@code /linkai/v1/chat/completions} is the documented reply;
 * {@code /openai/v1/chat/completions} the same answer with the fields OpenAI SDKs require
 * ({@code id}, {@code object}, {@code created}, {@code model}, usage at the top level),
 * for Spring AI and LangChain4j, which cannot read LinkAI's reply; a {@code -hold} suffix
 * on either ({@code /linkai-hold/...}) sends a stream's first event at once and each
 * further one only after the hold delay, to keep many streams open.
 * {@code GET /connections} tells how many connections clients have opened.
 */
public final class StubServer implements AutoCloseable {

	private final DisposableServer server;

	private final Answers linkai;

	private final Answers openai;

	private final StubSettings settings;

	private final AtomicLong connections = new AtomicLong();

	/** Starts the stub on 127.0.0.1, on {@code settings.port()} (0 for any free port). */
	public StubServer(StubSettings settings) {
		this.settings = settings;
		this.linkai = new Answers(settings, false);
		this.openai = new Answers(settings, true);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(settings.port())
			// once per TCP connection (doOnConnection runs once per request)
			.doOnChannelInit((observer, channel, address) -> this.connections.incrementAndGet())
			.handle(this::handle)
			.bindNow();
	}

	/** The port it listens on. */
	public int port() {
		return this.server.port();
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		String path = request.uri();
		if (path.equals("/connections")) {
			// how many TCP connections clients have opened so far: a client that closes a
			// healthy connection
			// after each answer opens one per call
			return response.sendString(Mono.just(Long.toString(this.connections.get()))).then();
		}
		if (!path.endsWith("/v1/chat/completions")) {
			return response.status(HttpResponseStatus.NOT_FOUND).send();
		}
		Answers answers = path.startsWith("/openai") ? this.openai : this.linkai;
		boolean hold = path.startsWith("/linkai-hold") || path.startsWith("/openai-hold");
		return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap((body) -> {
			if (!isStream(body)) {
				return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
					.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(answers.reply().length))
					.sendByteArray(Mono.just(answers.reply()))
					.then();
			}
			Flux<ByteBuf> events = Flux.fromIterable(answers.events()).map(Unpooled::wrappedBuffer);
			Duration delay = hold ? this.settings.hold() : this.settings.chunkDelay();
			if (!delay.isZero()) {
				events = events.take(1).concatWith(events.skip(1).delayElements(delay));
			}
			// one flush per event: each arrives in its own network read, as a generated
			// answer does
			return response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream;charset=UTF-8")
				.send(events, (buffer) -> true)
				.then();
		});
	}

	/**
	 * Whether the body asks for a stream: {@code "stream"}, a colon and {@code true},
	 * with any spaces between (the SDKs write {@code "stream":true} or
	 * {@code "stream" : true}). The stub binds no JSON: it must cost the clients' figures
	 * as little as possible.
	 */
	static boolean isStream(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		int key = text.indexOf("\"stream\"");
		if (key < 0) {
			return false;
		}
		int i = key + "\"stream\"".length();
		while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ':')) {
			i++;
		}
		return text.startsWith("true", i);
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	/**
	 * Runs the stub until killed: prints {@code STUB LISTENING <port>} once it accepts
	 * connections.
	 */
	public static void main(String[] args) throws InterruptedException {
		StubServer stub = new StubServer(StubSettings.parse(args));
		System.out.println("STUB LISTENING " + stub.port());
		System.out.flush();
		Thread.currentThread().join();
	}

	/** The encoded replies of one shape. */
	public static final class Answers {

		private final byte[] reply;

		private final List<byte[]> events;

		/**
		 * The answer of one request.
		 * @param settings the answer's length and chunks
		 * @param openAiShaped whether to add the fields OpenAI SDKs require
		 */
		public Answers(StubSettings settings, boolean openAiShaped) {
			List<String> deltas = deltas(settings.answerChars(), settings.chunks());
			String head = openAiShaped
					? "{\"id\": \"chatcmpl-bench\", \"object\": \"chat.completion\", \"created\": 1722240000, \"model\": \"LinkAI-4o-mini\", "
					: "{";
			String usage = "{\"prompt_tokens\": 9, \"completion_tokens\": " + settings.chunks() + ", \"total_tokens\": "
					+ (9 + settings.chunks()) + "}";
			this.reply = (head + "\"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \""
					+ String.join("", deltas) + "\"}" + (openAiShaped ? ", \"finish_reason\": \"stop\"" : "")
					+ "}], \"usage\": " + usage + "}")
				.getBytes(StandardCharsets.UTF_8);
			String eventHead = openAiShaped
					? "data: {\"id\": \"chatcmpl-bench\", \"object\": \"chat.completion.chunk\", \"created\": 1722240000, \"model\": \"LinkAI-4o-mini\", "
					: "data: {";
			List<byte[]> events = new ArrayList<>();
			for (String delta : deltas) {
				events.add((eventHead + "\"choices\": [{\"index\": 0, \"delta\": {\"content\": \"" + delta
						+ "\"}, \"finish_reason\": null}]" + (openAiShaped ? "" : ", \"session_id\": null") + "}\n\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			events.add((eventHead + "\"choices\": [{\"index\": 0, \"delta\": {}, \"finish_reason\": \"stop\""
					+ (openAiShaped ? "}], \"usage\": " + usage : ", \"usage\": " + usage + "}], \"session_id\": null")
					+ "}\n\n")
				.getBytes(StandardCharsets.UTF_8));
			events.add("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
			this.events = List.copyOf(events);
		}

		/** The complete reply's bytes. */
		public byte[] reply() {
			return this.reply;
		}

		/** The stream's events, each one network write, {@code data: [DONE]} last. */
		public List<byte[]> events() {
			return this.events;
		}

		/**
		 * The answer, as text in the documents' language, cut into {@code chunks} nearly
		 * equal deltas.
		 */
		static List<String> deltas(int answerChars, int chunks) {
			String phrase = "你好!我能为你做些什么? LinkAI ";
			StringBuilder answer = new StringBuilder(answerChars);
			while (answer.length() < answerChars) {
				answer.append(phrase);
			}
			answer.setLength(answerChars);
			List<String> deltas = new ArrayList<>(chunks);
			for (int i = 0; i < chunks; i++) {
				deltas.add(answer.substring(i * answerChars / chunks, (i + 1) * answerChars / chunks));
			}
			return deltas;
		}

	}

}
