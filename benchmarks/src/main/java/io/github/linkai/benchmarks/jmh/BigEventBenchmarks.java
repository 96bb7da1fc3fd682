package io.github.linkai.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.client.spi.StreamEvent;
import io.github.linkai.spring.client.stream.EventStreamLines;
import io.github.linkai.spring.provider.linkai.LinkAi;
import io.github.linkai.spring.provider.linkai.LinkAiOptions;
import io.github.linkai.spring.provider.linkai.LinkAiSettings;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import reactor.core.publisher.Flux;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;

/**
 * One big answer (a base64 image, long tool-call arguments) delivered in the 8 KB reads
 * Reactor Netty hands over, with no socket: a single stream event of 1 to 8 MB split by
 * {@link EventStreamLines}, the same event through the starter's streaming
 * {@link ChatClient}, and a complete reply of that size through its blocking path,
 * against Jackson alone binding the reply's bytes. Linear work costs the 8 MB case about
 * eight times the 1 MB one; run with {@code -prof gc}: {@code gc.alloc.rate.norm} per
 * operation bounds how far the heap can grow while one event is read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BigEventBenchmarks {

	/** What Reactor Netty delivers per read by default. */
	public static final int READ_BYTES = 8192;

	private static final ObjectReader REPLY = JsonMapper.builder().build().readerFor(ClientBenchmarks.Reply.class);

	private static final ChatRequest REQUEST = ChatRequest.of("Describe the picture");

	/**
	 * The event's and the reply's size, in millions of bytes: under the 8 MiB default
	 * limit.
	 */
	@Param({ "1", "2", "4", "8" })
	public int megabytes;

	private final EventStreamLines lines = new EventStreamLines(ClientSettings.of("bench").maxEventBytes());

	private List<byte[]> eventReads;

	private byte[] reply;

	private ChatClient streamClient;

	private ChatClient callClient;

	@Setup
	public void setUp() {
		int size = this.megabytes * 1_000_000;
		byte[] event = sized("data: {\"choices\": [{\"index\": 0, \"delta\": {\"content\": \"",
				"\"}, \"finish_reason\": null}], \"session_id\": null}\n\n", size);
		this.eventReads = reads(event, "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII));
		this.reply = sized("{\"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \"",
				"\"}}], \"usage\": {\"prompt_tokens\": 9, \"completion_tokens\": 1, \"total_tokens\": 10}}", size);
		this.streamClient = client(new InMemoryConnector(MediaType.TEXT_EVENT_STREAM, this.eventReads));
		this.callClient = client(new InMemoryConnector(MediaType.APPLICATION_JSON, reads(this.reply, new byte[0])));
	}

	/**
	 * {@code head}, base64 text and {@code tail}, {@code size} bytes in all: the same
	 * bytes on every run.
	 */
	private static byte[] sized(String head, String tail, int size) {
		int textLength = size - head.length() - tail.length();
		byte[] random = new byte[textLength / 4 * 3 + 3];
		new Random(23).nextBytes(random);
		String text = Base64.getEncoder().encodeToString(random).substring(0, textLength);
		return (head + text + tail).getBytes(StandardCharsets.US_ASCII);
	}

	/** {@code body} then {@code last}, cut into reads of {@link #READ_BYTES}. */
	private static List<byte[]> reads(byte[] body, byte[] last) {
		List<byte[]> reads = new ArrayList<>(body.length / READ_BYTES + 2);
		for (int start = 0; start < body.length; start += READ_BYTES) {
			reads.add(Arrays.copyOfRange(body, start, Math.min(body.length, start + READ_BYTES)));
		}
		if (last.length > 0) {
			reads.add(last);
		}
		return reads;
	}

	private static ChatClient client(InMemoryConnector connector) {
		ChatClientFactory factory = new HttpChatClientFactory(connector, ClientSettings.of("bench"));
		return LinkAi.chatClient(new LinkAiSettings("bench-key", "http://127.0.0.1", LinkAiOptions.none()), factory);
	}

	/** The event split out of its reads, as the stream path does before binding. */
	@Benchmark
	public @Nullable StreamEvent eventLines() {
		List<DataBuffer> buffers = new ArrayList<>(this.eventReads.size());
		for (byte[] read : this.eventReads) {
			buffers.add(DefaultDataBufferFactory.sharedInstance.wrap(read));
		}
		return this.lines.events(Flux.fromIterable(buffers)).blockLast();
	}

	/** The starter: a stream of the one big event, from request to its last chunk. */
	@Benchmark
	public @Nullable ChatChunk chatClientStream() {
		return this.streamClient.stream(REQUEST).blockLast();
	}

	/** The starter: a complete reply of the same size, from request to response. */
	@Benchmark
	public @Nullable Object chatClientCall() {
		return this.callClient.chatReactive(REQUEST).block();
	}

	/** The least: bind the reply's bytes, already in one array. */
	@Benchmark
	public Object jacksonReply() {
		return REPLY.readValue(this.reply);
	}

}
