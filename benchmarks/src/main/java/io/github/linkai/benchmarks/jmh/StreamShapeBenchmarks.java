package io.github.linkai.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.provider.openai.OpenAi;
import io.github.linkai.spring.provider.openai.OpenAiSettings;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.http.MediaType;

/**
 * The per-chunk cost of the stream shapes of issue 24, with no socket: the starter's
 * OpenAI-compatible {@link ChatClient} on an in-memory connector replaying an
 * OpenAI-shaped stream of {@value #PIECES} pieces, one network read per event, as a plain
 * text answer ({@code delta.content}), as reasoning ({@code delta.reasoning_content},
 * DeepSeek's shape) and as one tool call whose arguments come in pieces
 * ({@code delta.tool_calls}, OpenAI's shape: id and name in the first fragment). Each
 * stream also has the role event, the finish event and the usage event. {@code stream}
 * takes the chunks; {@code streamAndCollect} also merges them into the whole answer.
 * Divide by {@link Shape#events()} for the cost per chunk; run with {@code -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StreamShapeBenchmarks {

	/** The pieces of text, reasoning or arguments per stream. */
	public static final int PIECES = 40;

	private static final ChatRequest REQUEST = ChatRequest.of("上海现在几点?");

	/** What the stream carries. */
	@Param
	public Shape shape = Shape.TEXT;

	private ChatClient client;

	@Setup
	public void setUp() {
		InMemoryConnector connector = new InMemoryConnector(MediaType.TEXT_EVENT_STREAM, this.shape.reads());
		this.client = OpenAi.chatClient(OpenAiSettings.of("bench-key", "http://127.0.0.1/v1"),
				new HttpChatClientFactory(connector,
						ClientSettings.builder("bench")
							.defaults(new ChatOptions("deepseek-chat", null, null, null))
							.build()));
	}

	/** The chunks of one stream, to its last. */
	@Benchmark
	public @Nullable ChatChunk stream() {
		return this.client.stream(REQUEST).blockLast();
	}

	/** One stream merged into the whole answer ({@code ChatResponseAccumulator}). */
	@Benchmark
	public @Nullable ChatResponse streamAndCollect() {
		return this.client.streamAndCollect(REQUEST).block();
	}

	/** The shapes compared. */
	public enum Shape {

		/** Text in {@code delta.content}. */
		TEXT,

		/** Reasoning in {@code delta.reasoning_content}, DeepSeek's shape. */
		REASONING,

		/** One tool call, its arguments in pieces, OpenAI's shape. */
		TOOL_CALL;

		private static final String HEAD = "{\"id\":\"chatcmpl-8f6e3c1a\",\"object\":\"chat.completion.chunk\","
				+ "\"created\":1767225600,\"model\":\"deepseek-chat\",\"choices\":[{\"index\":0,\"delta\":";

		private static final String TAIL = ",\"logprobs\":null,\"finish_reason\":null}]}";

		/** The events of one stream: role, pieces, finish, usage. */
		public int events() {
			return PIECES + 3 + ((this == TOOL_CALL) ? 1 : 0);
		}

		List<byte[]> reads() {
			List<String> events = new ArrayList<>(events() + 1);
			events.add(HEAD + "{\"role\":\"assistant\",\"content\":\"\"}" + TAIL);
			if (this == TOOL_CALL) {
				events
					.add(HEAD + "{\"tool_calls\":[{\"index\":0,\"id\":\"call_Vq3mJ8n2kP0aTz7L\",\"type\":\"function\","
							+ "\"function\":{\"name\":\"current_time\",\"arguments\":\"\"}}]}" + TAIL);
			}
			for (int i = 0; i < PIECES; i++) {
				String piece = "上海" + (i % 10);
				String delta = switch (this) {
					case TEXT -> "{\"content\":\"" + piece + "\"}";
					case REASONING -> "{\"content\":null,\"reasoning_content\":\"" + piece + "\"}";
					case TOOL_CALL -> "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"" + piece + "\"}}]}";
				};
				events.add(HEAD + delta + TAIL);
			}
			events.add(HEAD + "{}" + ",\"logprobs\":null,\"finish_reason\":\""
					+ ((this == TOOL_CALL) ? "tool_calls" : "stop") + "\"}]}");
			events.add("{\"id\":\"chatcmpl-8f6e3c1a\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,"
					+ "\"model\":\"deepseek-chat\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,"
					+ "\"completion_tokens\":40,\"total_tokens\":52}}");
			events.add("[DONE]");
			List<byte[]> reads = new ArrayList<>(events.size());
			for (String event : events) {
				reads.add(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
			}
			return reads;
		}

	}

}
