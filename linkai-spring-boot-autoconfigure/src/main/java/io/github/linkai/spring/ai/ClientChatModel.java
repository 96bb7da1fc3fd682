package io.github.linkai.spring.ai;

import java.util.List;
import java.util.Objects;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatEndpoint;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponseAccumulator;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.spi.Validation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * One configured client as a Spring AI {@link ChatModel} (and so a
 * {@code StreamingChatModel}), for Spring AI's {@code ChatClient}, advisors and
 * structured output: {@code ChatClient.create(model).prompt().user("你好")
 * .call().content()}.
 *
 * <p>
 * A prompt's system, user (text and images), assistant and tool response messages and its
 * {@link ClientChatOptions} (tool callbacks included) become our request; what the client
 * cannot send (an option outside the neutral four, another model's options type, tools on
 * a provider without them) fails before anything is sent. Each answer has one generation
 * with its finish reason, usage, tool calls, reasoning (assistant message metadata
 * {@link #REASONING_CONTENT}) and the metadata under this class's keys; a stream emits
 * one response per chunk, as it arrives. Errors are our
 * {@link io.github.linkai.spring.client.error.ChatClientException}s, not wrapped.
 *
 * <p>
 * Tools: the model never runs a tool. Spring AI's {@code ChatClient} does, in its
 * tool-calling advisor, and asks again with the results, so
 * {@code ChatClient.create(model)
 * .prompt().user("上海几点?").tools(new TimeTools()).call().content()} (or
 * {@code .stream().content()}) runs {@code @Tool} methods end to end. A stream hands the
 * tool calls over whole, once, in one response after the chunk with the finish reason:
 * Spring AI's aggregation concatenates the tool calls of a stream's responses rather than
 * merge their fragments, and its advisor hides a response with tool calls from the
 * caller, so the chunks themselves carry the text and reasoning only.
 *
 * <p>
 * Over a {@link MemoryChatClient} ({@link #ofMemory}) the server keeps the conversation:
 * only the prompt's last message, the user's question, is sent, with the session id of
 * the options (or of Spring AI's conversation id, through
 * {@link ConversationSessionAdvisor}); the session the server used comes back as
 * {@link #SESSION_ID}. Use it instead of Spring AI's chat-memory advisors, not with them.
 *
 * <p>
 * Observation: unlike Spring AI's own models (its {@code OpenAiChatModel} wraps each call
 * in a {@code gen_ai.client.operation} observation of its own), this model starts none.
 * The client it adapts already observes every call, over its retries and to a stream's
 * last chunk, with the OpenTelemetry GenAI names; a second observation around it would be
 * the same call twice under two names, and its token metrics counted twice. Spring AI's
 * {@code ChatClient} and advisor observations still wrap ours as they wrap any model's.
 */
public final class ClientChatModel implements ChatModel {

	/** Response metadata key: the provider id, e.g. {@code linkai}. */
	public static final String PROVIDER = "provider";

	/**
	 * Response metadata key: the name of the configured client that served the answer (a
	 * fallback chain's names the client that answered).
	 */
	public static final String CLIENT_NAME = "clientName";

	/**
	 * Response metadata key: the conversation id (memory chat's session, to send next
	 * time), if any.
	 */
	public static final String SESSION_ID = "sessionId";

	/**
	 * Response metadata key: the provider's request id, if any (also the metadata's id).
	 */
	public static final String REQUEST_ID = "requestId";

	/**
	 * Response metadata key: the search sources, a {@code List<SearchSource>}, when the
	 * provider gives any.
	 */
	public static final String SOURCES = "sources";

	/**
	 * Response metadata key: the call's cost as the provider reports it, a
	 * {@code BigDecimal}, if any.
	 */
	public static final String COST = "cost";

	/**
	 * Response metadata key: the reply's unmapped fields, a {@code Map<String, Object>},
	 * when there are any.
	 */
	public static final String PROVIDER_FIELDS = "providerFields";

	/**
	 * Assistant message metadata key: the model's reasoning, a {@code String}, as Spring
	 * AI's OpenAI model names it; in a stream the reasoning so far (Spring AI's
	 * aggregation keeps a key's last value). Sent back as the message's reasoning when
	 * the message is history again.
	 */
	public static final String REASONING_CONTENT = "reasoningContent";

	/**
	 * Assistant message metadata key, in a stream: the chunk's piece of the reasoning, a
	 * {@code String}.
	 */
	public static final String REASONING_DELTA = "reasoningDelta";

	private final String description;

	private final PromptMapping prompts;

	private final ResponseMapping responses;

	private final ChatEndpoint client;

	private ClientChatModel(ChatEndpoint client, boolean memory) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.description = "ClientChatModel[" + client.provider() + "/" + client.name() + (memory ? ", memory" : "")
				+ "]";
		this.prompts = new PromptMapping(new Validation(client.provider(), client.name()), memory);
		this.responses = new ResponseMapping(client.provider(), client.name());
	}

	/** The client as a chat model: the prompt's whole conversation is sent. */
	public static ClientChatModel of(ChatClient client) {
		return new ClientChatModel(client, false);
	}

	/**
	 * The memory-chat client as a chat model: only the prompt's last message, the
	 * question, is sent.
	 */
	public static ClientChatModel ofMemory(MemoryChatClient client) {
		return new ClientChatModel(client, true);
	}

	/**
	 * Sends the prompt and waits for the answer through the client's blocking
	 * {@code chat}, so that on an event-loop thread it fails at once with a
	 * {@code BlockingCallException}; use {@link #stream(Prompt)} there.
	 */
	@Override
	public org.springframework.ai.chat.model.ChatResponse call(Prompt prompt) {
		ChatRequest request = this.prompts.toRequest(prompt);
		return this.responses.toResponse(this.client.chat(request));
	}

	/**
	 * Streams the answer, one response per chunk as it arrives; cancelling closes the
	 * HTTP exchange. The client's observation is a child of the one Spring AI's
	 * {@code ChatClient} passes in the Reactor context.
	 */
	@Override
	public Flux<org.springframework.ai.chat.model.ChatResponse> stream(Prompt prompt) {
		return Flux.defer(() -> {
			StreamState stream = new StreamState(ChatResponseAccumulator.of(this.client));
			return this.client.stream(this.prompts.toRequest(prompt))
				.flatMapIterable(stream::responses)
				.concatWith(Flux.defer(() -> Flux.fromIterable(stream.remainingToolCalls())));
		});
	}

	/**
	 * No option set: every unset option falls back to the client's configured defaults.
	 */
	@Override
	public ChatOptions getOptions() {
		return ClientChatOptions.builder().build();
	}

	@Override
	public String toString() {
		return this.description;
	}

	/**
	 * One stream's reasoning so far, tool-call fragments and the provider and client that
	 * serve it; touched serially.
	 */
	private final class StreamState {

		private final ChatResponseAccumulator calls;

		private @Nullable String reasoning;

		private @Nullable String provider;

		private @Nullable String clientName;

		private boolean callsHandedOver;

		StreamState(ChatResponseAccumulator calls) {
			this.calls = calls;
		}

		/** A chunk's response, and the merged tool calls after the finishing chunk. */
		List<org.springframework.ai.chat.model.ChatResponse> responses(ChatChunk chunk) {
			if (chunk.provider() != null) {
				this.provider = chunk.provider();
			}
			if (chunk.clientName() != null) {
				this.clientName = chunk.clientName();
			}
			if (!chunk.reasoningDelta().isEmpty()) {
				this.reasoning = (this.reasoning != null) ? this.reasoning + chunk.reasoningDelta()
						: chunk.reasoningDelta();
			}
			if (!chunk.toolCalls().isEmpty()) {
				this.calls.add(ChatChunk.builder().toolCalls(chunk.toolCalls()).build());
			}
			org.springframework.ai.chat.model.ChatResponse response = ClientChatModel.this.responses.toResponse(chunk,
					this.reasoning);
			if (chunk.finishReason() == null || !this.calls.hasToolCalls() || this.callsHandedOver) {
				return List.of(response);
			}
			this.callsHandedOver = true;
			return List.of(response, ClientChatModel.this.responses.toolCalls(this.calls.toolCalls(),
					chunk.finishReason(), this.provider, this.clientName));
		}

		/** The merged tool calls of a stream that ended with no finish reason. */
		List<org.springframework.ai.chat.model.ChatResponse> remainingToolCalls() {
			if (!this.calls.hasToolCalls() || this.callsHandedOver) {
				return List.of();
			}
			this.callsHandedOver = true;
			return List.of(ClientChatModel.this.responses.toolCalls(this.calls.toolCalls(), "tool_calls", this.provider,
					this.clientName));
		}

	}

}
