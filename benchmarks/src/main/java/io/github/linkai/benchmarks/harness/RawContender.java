package io.github.linkai.benchmarks.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor: Reactor Netty's {@link HttpClient} posting a request encoded once, up front,
 * and reading the reply as network buffers. With {@code parse} it also does what any
 * client must at least do: bind each reply, or each event's {@code data:} line, to a
 * record with Jackson 3, straight from the bytes.
 */
final class RawContender implements Contender {

	private static final ObjectReader REPLY = JsonMapper.builder().build().readerFor(Reply.class);

	private final ConnectionProvider pool;

	private final HttpClient client;

	private final boolean parse;

	private final byte[] callBody;

	private final byte[] streamBody;

	private final String path;

	private final String heldPath;

	RawContender(String baseUrl, boolean parse, int maxConnections) {
		this.pool = ConnectionProvider.builder(parse ? "raw-jackson" : "raw")
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(-1)
			.build();
		this.client = HttpClient.create(this.pool)
			.baseUrl(baseUrl)
			.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer bench-key")
				.set(HttpHeaderNames.CONTENT_TYPE, "application/json"));
		this.parse = parse;
		this.callBody = Harness.requestBody(false);
		this.streamBody = Harness.requestBody(true);
		this.path = "/linkai/v1/chat/completions";
		this.heldPath = "/linkai-hold/v1/chat/completions";
	}

	@Override
	public String name() {
		return this.parse ? "raw + Jackson 3" : "raw Reactor Netty";
	}

	@Override
	public boolean blocking() {
		return false;
	}

	@Override
	public Mono<?> call() {
		HttpClient.ResponseReceiver<?> sent = this.client.post()
			.uri(this.path)
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(this.callBody)));
		if (!this.parse) {
			return sent.responseContent().then();
		}
		return sent.responseSingle((response, body) -> body.asByteArray()).map((bytes) -> REPLY.readValue(bytes));
	}

	@Override
	public Flux<?> stream() {
		return stream(this.path);
	}

	@Override
	public Flux<?> heldStream() {
		return stream(this.heldPath);
	}

	private Flux<?> stream(String uri) {
		Flux<ByteBuf> body = this.client.post()
			.uri(uri)
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(this.streamBody)))
			.responseContent();
		if (!this.parse) {
			return body.map(ByteBuf::readableBytes);
		}
		return Flux.defer(() -> {
			EventSplitter splitter = new EventSplitter();
			return body.concatMapIterable(splitter::events);
		});
	}

	@Override
	public void close() {
		this.pool.dispose();
	}

	/**
	 * Cuts buffers into lines and binds each {@code data: {...}} line; a line split
	 * across buffers is carried over.
	 */
	private static final class EventSplitter {

		private byte[] carried = new byte[0];

		List<Reply> events(ByteBuf buffer) {
			byte[] bytes = ByteBufUtil.getBytes(buffer);
			if (this.carried.length > 0) {
				byte[] joined = new byte[this.carried.length + bytes.length];
				System.arraycopy(this.carried, 0, joined, 0, this.carried.length);
				System.arraycopy(bytes, 0, joined, this.carried.length, bytes.length);
				bytes = joined;
			}
			List<Reply> events = new ArrayList<>(1);
			int start = 0;
			for (int i = 0; i < bytes.length; i++) {
				if (bytes[i] == '\n') {
					if (i - start > 7 && bytes[start] == 'd' && bytes[start + 6] == '{') {
						events.add(REPLY.readValue(bytes, start + 6, i - start - 6));
					}
					start = i + 1;
				}
			}
			this.carried = Arrays.copyOfRange(bytes, start, bytes.length);
			return events;
		}

	}

	/** The least a client reads of a reply or event. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Reply(List<Choice> choices) {
	}

	/** A choice's text. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Choice(Content message, Content delta, String finish_reason) {
	}

	/** A message or delta. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Content(String content) {
	}

}
