package io.github.linkai.spring.observation;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.ChatResponseAccumulator;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.error.ChatClientException;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What one chat call (a blocking or reactive call, or a whole stream) tells its
 * observation: who was asked, for what, and how it went. Filled in by the exchange as the
 * call goes; read by conventions and handlers. Touched serially by one call's signals.
 */
public class ChatObservationContext extends Observation.Context {

	private final String provider;

	private final String clientName;

	private final @Nullable String requestModel;

	private final String serverAddress;

	private final int serverPort;

	private final boolean stream;

	private final long startNanos;

	private @Nullable Double temperature;

	private @Nullable Double topP;

	private @Nullable Integer maxTokens;

	private @Nullable String responseModel;

	private @Nullable Usage usage;

	private @Nullable String finishReason;

	private @Nullable BigDecimal cost;

	private int chunks;

	private long firstChunkNanos;

	private long lastChunkNanos;

	private boolean cancelled;

	// a cancel can race the last signal on another thread
	private final AtomicBoolean stopped = new AtomicBoolean();

	private int retries;

	private @Nullable LongConsumer chunkGapRecorder;

	private @Nullable String input;

	private @Nullable ChatResponseAccumulator output;

	/**
	 * The context of one call.
	 * @param provider the provider id, e.g. {@code linkai}
	 * @param clientName the configured client's name
	 * @param requestModel the model asked for, if any
	 * @param serverAddress the provider's host
	 * @param serverPort the provider's port
	 * @param stream whether the call is a stream
	 */
	public ChatObservationContext(String provider, String clientName, @Nullable String requestModel,
			String serverAddress, int serverPort, boolean stream) {
		this.provider = provider;
		this.clientName = clientName;
		this.requestModel = requestModel;
		this.serverAddress = serverAddress;
		this.serverPort = serverPort;
		this.stream = stream;
		this.startNanos = System.nanoTime();
	}

	/** Records the sampling options asked for. */
	public void requestOptions(@Nullable Double temperature, @Nullable Double topP, @Nullable Integer maxTokens) {
		this.temperature = temperature;
		this.topP = topP;
		this.maxTokens = maxTokens;
	}

	/** Records a complete answer. */
	public void response(ChatResponse response) {
		this.responseModel = response.model();
		this.usage = response.usage();
		this.finishReason = response.finishReason();
		this.cost = response.cost();
		if (this.output != null) {
			this.output.add(ChatChunk.of(response));
		}
	}

	/** Records a stream's chunk as it is handed to the subscriber. */
	public void chunk(ChatChunk chunk) {
		long now = System.nanoTime();
		if (this.chunks++ == 0) {
			this.firstChunkNanos = now;
		}
		else if (this.chunkGapRecorder != null) {
			this.chunkGapRecorder.accept(now - this.lastChunkNanos);
		}
		this.lastChunkNanos = now;
		if (chunk.usage() != null) {
			this.usage = chunk.usage();
		}
		if (chunk.finishReason() != null) {
			this.finishReason = chunk.finishReason();
		}
		if (chunk.cost() != null) {
			this.cost = chunk.cost();
		}
		if (this.output != null) {
			this.output.add(chunk);
		}
	}

	/**
	 * Records a stream that reached its end. Its chunks name no model, so the response
	 * model is the one asked for, as a complete answer whose reply names none reports it.
	 */
	public void streamCompleted() {
		if (this.responseModel == null) {
			this.responseModel = this.requestModel;
		}
	}

	/** Records that the subscriber cancelled the call, unless it had already ended. */
	public void cancel() {
		this.cancelled = !this.stopped.get();
	}

	/** Marks the observation stopped; {@code false} if it already was. */
	public boolean markStopped() {
		return this.stopped.compareAndSet(false, true);
	}

	/** Records one more attempt after a failed one. */
	public void retried() {
		this.retries++;
	}

	/**
	 * Keeps the prompt and the answer (its text, reasoning and tool calls), to be added
	 * to the span ({@code gen_ai.input.messages}, {@code gen_ai.output.messages}).
	 */
	public void recordContent(String input) {
		this.input = input;
		this.output = ChatResponseAccumulator.of(this.provider, this.clientName);
	}

	/**
	 * Set by a handler that records the time between two chunks; called with nanoseconds.
	 */
	public void setChunkGapRecorder(@Nullable LongConsumer chunkGapRecorder) {
		this.chunkGapRecorder = chunkGapRecorder;
	}

	public String getProvider() {
		return this.provider;
	}

	public String getClientName() {
		return this.clientName;
	}

	public @Nullable String getRequestModel() {
		return this.requestModel;
	}

	public String getServerAddress() {
		return this.serverAddress;
	}

	public int getServerPort() {
		return this.serverPort;
	}

	public boolean isStream() {
		return this.stream;
	}

	public @Nullable Double getTemperature() {
		return this.temperature;
	}

	public @Nullable Double getTopP() {
		return this.topP;
	}

	public @Nullable Integer getMaxTokens() {
		return this.maxTokens;
	}

	public @Nullable String getResponseModel() {
		return this.responseModel;
	}

	public @Nullable Usage getUsage() {
		return this.usage;
	}

	/** The finish reason the provider gave, if any. */
	public @Nullable String getFinishReason() {
		return this.finishReason;
	}

	public @Nullable BigDecimal getCost() {
		return this.cost;
	}

	/** The chunks handed to the subscriber. */
	public int getChunks() {
		return this.chunks;
	}

	/**
	 * Nanoseconds from the call's start to its first chunk, or {@code -1} if none
	 * arrived.
	 */
	public long getTimeToFirstChunkNanos() {
		return (this.chunks > 0) ? this.firstChunkNanos - this.startNanos : -1;
	}

	public boolean isCancelled() {
		return this.cancelled;
	}

	public int getRetries() {
		return this.retries;
	}

	public @Nullable String getInput() {
		return this.input;
	}

	/** The answer's text, when content recording is on. */
	public @Nullable String getOutput() {
		return (this.output != null) ? this.output.content() : null;
	}

	/** The answer's reasoning, when content recording is on and there was some. */
	public @Nullable String getOutputReasoning() {
		return (this.output != null) ? this.output.reasoningContent() : null;
	}

	/**
	 * The answer's tool calls, when content recording is on; those of a stream merged
	 * from their fragments (none if one never named its tool).
	 */
	public List<ToolCall> getOutputToolCalls() {
		if (this.output == null || !this.output.hasToolCalls()) {
			return List.of();
		}
		try {
			return this.output.toolCalls();
		}
		catch (ChatClientException ex) {
			return List.of();
		}
	}

}
