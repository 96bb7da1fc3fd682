package io.github.linkai.benchmarks.stub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the stub answers.
 *
 * @param port the port, 0 for any free one
 * @param answerChars the answer's length in characters
 * @param chunks how many chunks a stream cuts it into (plus the final event and
 * {@code [DONE]})
 * @param chunkDelay the pause before each event after the first
 * @param hold the pause before each event after the first on the {@code -hold} paths
 */
public record StubSettings(int port, int answerChars, int chunks, Duration chunkDelay, Duration hold) {

	/**
	 * A 400-character answer in 20 chunks, sent without pauses; held streams wait 10
	 * minutes per event.
	 */
	public static StubSettings defaults() {
		return new StubSettings(0, 400, 20, Duration.ZERO, Duration.ofMinutes(10));
	}

	/** These settings as {@code --name value} arguments, for {@link #parse}. */
	public List<String> toArguments() {
		List<String> arguments = new ArrayList<>();
		arguments.addAll(List.of("--port", Integer.toString(this.port)));
		arguments.addAll(List.of("--answer-chars", Integer.toString(this.answerChars)));
		arguments.addAll(List.of("--chunks", Integer.toString(this.chunks)));
		arguments.addAll(List.of("--chunk-delay-ms", Long.toString(this.chunkDelay.toMillis())));
		arguments.addAll(List.of("--hold-ms", Long.toString(this.hold.toMillis())));
		return arguments;
	}

	/**
	 * Reads {@code --port}, {@code --answer-chars}, {@code --chunks},
	 * {@code --chunk-delay-ms}, {@code --hold-ms}.
	 */
	public static StubSettings parse(String[] args) {
		StubSettings settings = defaults();
		int port = settings.port;
		int answerChars = settings.answerChars;
		int chunks = settings.chunks;
		Duration chunkDelay = settings.chunkDelay;
		Duration hold = settings.hold;
		for (int i = 0; i + 1 < args.length; i += 2) {
			String value = args[i + 1];
			switch (args[i]) {
				case "--port" -> port = Integer.parseInt(value);
				case "--answer-chars" -> answerChars = Integer.parseInt(value);
				case "--chunks" -> chunks = Integer.parseInt(value);
				case "--chunk-delay-ms" -> chunkDelay = Duration.ofMillis(Long.parseLong(value));
				case "--hold-ms" -> hold = Duration.ofMillis(Long.parseLong(value));
				default -> throw new IllegalArgumentException("Unknown stub option " + args[i]);
			}
		}
		if (chunks < 1 || answerChars < chunks) {
			throw new IllegalArgumentException("need at least one chunk and one character per chunk");
		}
		return new StubSettings(port, answerChars, chunks, chunkDelay, hold);
	}

}
