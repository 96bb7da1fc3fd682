package io.github.linkai.spring.provider.openai;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.error.BadRequestException;
import io.github.linkai.spring.client.error.QuotaExceededException;
import io.github.linkai.spring.client.error.ServerErrorException;
import io.github.linkai.spring.client.error.StatusMapping;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.RequestFeature;
import io.github.linkai.spring.client.spi.StreamError;
import io.github.linkai.spring.client.spi.Validation;
import io.github.linkai.spring.client.spi.WireRequest;
import io.github.linkai.spring.provider.openai.OpenAiWire.Reply;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI chat completions: {@code POST {base-url}/chat/completions} with the whole
 * conversation, the neutral options and {@link OpenAiOptions}. A stream asks for usage
 * ({@code stream_options.include_usage}): its events are the deltas, the finish reason on
 * the last content event, then an event with {@code "choices":[]} and the usage, then
 * {@code data: [DONE]}, which ends the stream. The finish reason does not end it, so the
 * usage event after it still arrives as a chunk with no text. A body that ends after the
 * finish reason but before {@code [DONE]} completes the stream without usage: the answer
 * is whole, only its count is missing (a connection that fails there is a
 * {@code StreamTruncatedException}, as anywhere after the first event).
 *
 * <p>
 * Tools, tool choice, parallel tool calls and the response format are sent in OpenAI's
 * shape, {@code reasoning_effort} from {@link OpenAiOptions}; an assistant message's
 * reasoning goes back as {@code reasoning_content} (see
 * {@link OpenAiWire.Message#of(java.util.List, boolean)}) unless
 * {@link OpenAiOptions#replayReasoning()} is {@code false}.
 */
final class OpenAiMapping extends OpenAiCompatibleMapping {

	static final String PATH = "/chat/completions";

	static final Set<ChatOption> OPTIONS = Collections.unmodifiableSet(EnumSet.allOf(ChatOption.class));

	/**
	 * The body fields the library writes itself: an extra body field must not replace
	 * one.
	 */
	static final Set<String> LIBRARY_FIELDS = Set.of("model", "messages", "stream", "stream_options", "temperature",
			"top_p", "max_tokens", "stop", "seed", "frequency_penalty", "presence_penalty", "user");

	static final Set<RequestFeature> FEATURES = Collections
		.unmodifiableSet(EnumSet.of(RequestFeature.TOOLS, RequestFeature.RESPONSE_FORMAT));

	private static final int MAX_STOP_SEQUENCES = 4;

	private static final OpenAiWire.StreamOptions INCLUDE_USAGE = new OpenAiWire.StreamOptions(true);

	// DeepSeek documents 402 (insufficient balance), 422 (invalid parameters) and 500
	// besides the standard ones
	private static final StatusMapping STATUSES = StatusMapping.standard()
		.with(402, (d) -> new QuotaExceededException(d, "insufficient balance, top up the account"))
		.with(422, (d) -> new BadRequestException(d, "invalid parameters"))
		.with(500, (d) -> new ServerErrorException(d, "server error"));

	private final OpenAiOptions defaults;

	private final boolean defaultModel;

	/**
	 * The mapping of one client.
	 * @param settings the key, base URL (trailing slashes removed) and defaults
	 * @param defaultModel whether the client has a default model, so a request may leave
	 * it unset
	 */
	OpenAiMapping(OpenAiSettings settings, boolean defaultModel) {
		super(OpenAi.PROVIDER, settings.apiKey(), settings.baseUrl());
		this.defaults = settings.defaults();
		this.defaultModel = defaultModel;
	}

	@Override
	public Set<ChatOption> supportedOptions() {
		return OPTIONS;
	}

	@Override
	public Set<RequestFeature> supportedFeatures() {
		return FEATURES;
	}

	@Override
	public void validateOptions(ChatOptions options, Validation validation) {
		validateRanges(options, validation);
	}

	/**
	 * The documented ranges of the neutral options: a request's, and the client's
	 * defaults once.
	 */
	static void validateRanges(ChatOptions options, Validation validation) {
		validation.range("temperature", options.temperature(), 0, 2);
		validation.range("topP", options.topP(), 0, 1);
		validation.atLeast("maxTokens", options.maxTokens(), 1);
	}

	@Override
	public void validate(ChatRequest request, Validation validation) {
		if (!this.defaultModel && request.options().model() == null) {
			throw validation.fail("model",
					"must be set: an OpenAI-compatible endpoint has no default model, and " + "this client names none");
		}
		OpenAiOptions own = request.providerOptions(OpenAiOptions.class);
		if (own != null) {
			validate(own, validation);
		}
		validateImagesInUserMessagesOnly(request, validation);
		validateToolsAndResponseFormat(request, validation);
		OpenAiOptions openAi = (own != null) ? own.orElse(this.defaults) : this.defaults;
		Map<String, @Nullable Object> extraBody = openAi.extraBody();
		if (extraBody != null) {
			setOnce(extraBody, "tools", !request.tools().isEmpty(), "tools", validation);
			setOnce(extraBody, "tool_choice", request.toolChoice() != null, "toolChoice", validation);
			setOnce(extraBody, "parallel_tool_calls", request.parallelToolCalls() != null, "parallelToolCalls",
					validation);
			setOnce(extraBody, "response_format", request.responseFormat() != null, "responseFormat", validation);
			setOnce(extraBody, "reasoning_effort", openAi.reasoningEffort() != null, "reasoningEffort", validation);
		}
	}

	/**
	 * An extra body field may still carry what a request or option now has a field for,
	 * but not both: the body would hold the field twice.
	 */
	private static void setOnce(Map<String, @Nullable Object> extraBody, String name, boolean alsoSet, String field,
			Validation validation) {
		if (alsoSet && extraBody.containsKey(name)) {
			throw validation.fail("extraBody." + name, "is set and so is " + field + ": set it once");
		}
	}

	/**
	 * The documented ranges and rules of {@link OpenAiOptions}: a request's, and the
	 * client's defaults once.
	 */
	static void validate(OpenAiOptions options, Validation validation) {
		validation.range("frequencyPenalty", options.frequencyPenalty(), -2, 2);
		validation.range("presencePenalty", options.presencePenalty(), -2, 2);
		List<String> stop = options.stop();
		if (stop != null) {
			if (stop.size() > MAX_STOP_SEQUENCES) {
				throw validation.fail("stop", stop,
						"may hold at most " + MAX_STOP_SEQUENCES + " sequences but held " + stop.size());
			}
			for (int i = 0; i < stop.size(); i++) {
				String sequence = stop.get(i);
				// whitespace is a sequence ("\n" is a common one): only nothing at all is
				// not
				if (sequence == null || sequence.isEmpty()) {
					throw validation.fail("stop[" + i + "]", sequence, "must not be null or empty");
				}
			}
		}
		if (options.user() != null && options.user().isBlank()) {
			throw validation.fail("user", "must not be blank when set");
		}
		if (options.reasoningEffort() != null && options.reasoningEffort().isBlank()) {
			throw validation.fail("reasoningEffort", "must not be blank when set");
		}
		Map<String, @Nullable Object> extraBody = options.extraBody();
		if (extraBody != null) {
			for (String name : extraBody.keySet()) {
				if (name == null || name.isBlank()) {
					throw validation.fail("extraBody", "must not hold a null or blank field name");
				}
				if (LIBRARY_FIELDS.contains(name)) {
					throw validation.fail("extraBody." + name, extraBody.get(name),
							"is a field the library sets; use "
									+ ((name.equals("model") || name.equals("messages") || name.startsWith("stream"))
											? "the request" : "the option of that name")
									+ " instead");
				}
			}
		}
	}

	@Override
	public WireRequest toWire(ChatRequest request, boolean stream) {
		ChatOptions options = request.options();
		OpenAiOptions own = request.providerOptions(OpenAiOptions.class);
		OpenAiOptions openAi = (own != null) ? own.orElse(this.defaults) : this.defaults;
		String model = Objects.requireNonNull(options.model(), "model must be set (validate checks it)");
		List<String> stop = (openAi.stop() != null && !openAi.stop().isEmpty()) ? openAi.stop() : null;
		Map<String, @Nullable Object> extra = (openAi.extraBody() != null && !openAi.extraBody().isEmpty())
				? openAi.extraBody() : null;
		OpenAiWire.ChatBody body = new OpenAiWire.ChatBody(model,
				OpenAiWire.Message.of(request.messages(), !Boolean.FALSE.equals(openAi.replayReasoning())),
				options.temperature(), options.topP(), options.maxTokens(), stop, openAi.seed(),
				openAi.frequencyPenalty(), openAi.presencePenalty(), openAi.user(), OpenAiWire.Tool.of(request),
				OpenAiWire.toolChoice(request.toolChoice()), request.parallelToolCalls(),
				OpenAiWire.ResponseFormatBody.of(request.responseFormat()), openAi.reasoningEffort(),
				stream ? Boolean.TRUE : null, stream ? INCLUDE_USAGE : null, extra);
		return new WireRequest(PATH, Map.of(), headers(), body);
	}

	/**
	 * An error object; vLLM's and FastChat's are the top-level
	 * {@code {"object":"error","message":...}}.
	 */
	@Override
	public @Nullable StreamError streamError(Reply event) {
		StreamError error = super.streamError(event);
		if (error == null && "error".equals(event.extraOrEmpty().get("object"))) {
			error = StreamError.fromFields(event.extraOrEmpty());
		}
		return error;
	}

	@Override
	public StatusMapping statusMapping() {
		return STATUSES;
	}

}
