package io.github.linkai.benchmarks.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.linkai.benchmarks.stub.StubServer;
import io.github.linkai.benchmarks.stub.StubSettings;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.provider.linkai.LinkAi;
import io.github.linkai.spring.provider.linkai.LinkAiOptions;
import io.github.linkai.spring.provider.linkai.LinkAiSettings;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * The client's own work per call and per chunk, with no socket: the starter's
 * {@link ChatClient} on an in-memory connector replaying the stub's bytes, against the
 * least any client does with the same bytes (split the lines, bind each reply or event to
 * a record with Jackson 3). Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the
 * allocation per call or per stream.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientBenchmarks {

	/** Chunks per stream, as in the harness: the stub's defaults. */
	public static final int CHUNKS = StubSettings.defaults().chunks();

	private static final ObjectReader REPLY = JsonMapper.builder().build().readerFor(Reply.class);

	private static final ChatRequest REQUEST = ChatRequest.of("你好,请介绍一下 LinkAI");

	private ChatClient callClient;

	private ChatClient streamClient;

	private byte[] reply;

	private List<byte[]> events;

	@Setup
	public void setUp() {
		StubServer.Answers answers = new StubServer.Answers(StubSettings.defaults(), false);
		this.reply = answers.reply();
		this.events = answers.events();
		this.callClient = client(new InMemoryConnector(MediaType.APPLICATION_JSON, List.of(this.reply)));
		this.streamClient = client(new InMemoryConnector(MediaType.TEXT_EVENT_STREAM, this.events));
	}

	private static ChatClient client(InMemoryConnector connector) {
		ChatClientFactory factory = new HttpChatClientFactory(connector, ClientSettings.of("bench"));
		return LinkAi.chatClient(new LinkAiSettings("bench-key", "http://127.0.0.1", LinkAiOptions.none()), factory);
	}

	/** The starter: one complete call, from request to {@code ChatResponse}. */
	@Benchmark
	public @Nullable Object chatClientCall() {
		return this.callClient.chatReactive(REQUEST).block();
	}

	/** The starter: one 20-chunk stream, from request to its last {@code ChatChunk}. */
	@Benchmark
	public @Nullable ChatChunk chatClientStream() {
		return this.streamClient.stream(REQUEST).blockLast();
	}

	/** The least: bind one reply's bytes. */
	@Benchmark
	public Object jacksonReply() {
		return REPLY.readValue(this.reply);
	}

	/** The least: find the {@code data:} lines of one stream's reads and bind each. */
	@Benchmark
	public Object jacksonStream() {
		List<Reply> chunks = new ArrayList<>(CHUNKS + 1);
		for (byte[] read : this.events) {
			int start = 0;
			for (int i = 0; i < read.length; i++) {
				if (read[i] == '\n') {
					if (i - start > 7 && read[start + 6] == '{') {
						chunks.add(REPLY.readValue(read, start + 6, i - start - 6));
					}
					start = i + 1;
				}
			}
		}
		return chunks;
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
