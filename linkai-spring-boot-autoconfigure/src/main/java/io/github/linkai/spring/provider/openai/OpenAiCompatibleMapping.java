package io.github.linkai.spring.provider.openai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.linkai.spring.client.AnswerMedia;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.ChatResponseAccumulator;
import io.github.linkai.spring.client.ResponseFormat;
import io.github.linkai.spring.client.Role;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.ToolCallDelta;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.spi.CredentialHeaderConnector;
import io.github.linkai.spring.client.spi.ExchangeContext;
import io.github.linkai.spring.client.spi.SecretMasker;
import io.github.linkai.spring.client.spi.StreamError;
import io.github.linkai.spring.client.spi.Validation;
import io.github.linkai.spring.client.spi.WireMapping;
import io.github.linkai.spring.provider.openai.OpenAiWire.Choice;
import io.github.linkai.spring.provider.openai.OpenAiWire.Content;
import io.github.linkai.spring.provider.openai.OpenAiWire.InFunction;
import io.github.linkai.spring.provider.openai.OpenAiWire.InToolCall;
import io.github.linkai.spring.provider.openai.OpenAiWire.Reply;
import io.github.linkai.spring.provider.openai.OpenAiWire.TokenUsage;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * What every endpoint of OpenAI's chat completions shape has in common: the key in
 * {@code Authorization: Bearer <key>}, images only in user messages, and the reply and
 * stream events read into the neutral model (the first choice; usage at the top level or
 * in the choice; an {@code error} object is an error whatever the status). Reasoning
 * ({@code reasoning_content}, else {@code reasoning}) is read apart from the text, never
 * into it; tool calls whole from a reply (a missing id generated, missing arguments
 * {@code {}}) and as fragments from a stream event, left for
 * {@link ChatResponseAccumulator} to merge. Subclasses write their own body and statuses,
 * and may add a session id, media or provider fields. Public so that LinkAI's chat, which
 * has this shape, shares it.
 */
public abstract class OpenAiCompatibleMapping implements WireMapping<Reply> {

	/** What OpenAI accepts as a function's or a schema's name. */
	private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

	private final String provider;

	private final String apiKey;

	private final String baseUrl;

	/**
	 * A mapping for one endpoint.
	 * @param provider the provider's name
	 * @param apiKey the key, sent exactly as given
	 * @param baseUrl the base URL the endpoint's path is relative to
	 */
	protected OpenAiCompatibleMapping(String provider, String apiKey, String baseUrl) {
		this.provider = provider;
		this.apiKey = apiKey;
		this.baseUrl = baseUrl;
	}

	@Override
	public String provider() {
		return this.provider;
	}

	@Override
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The request headers the exchange sets: none, the key is set below it by
	 * {@link #decorate}.
	 */
	protected Map<String, String> headers() {
		return Map.of();
	}

	/**
	 * The key as a bearer token, set below the exchange: none of its exceptions or
	 * observations holds it.
	 */
	@Override
	public ClientHttpConnector decorate(ClientHttpConnector connector) {
		return decorate(connector, this.apiKey);
	}

	@Override
	public ClientHttpConnector decorate(ClientHttpConnector connector, String credential) {
		return new CredentialHeaderConnector(connector, "Authorization", "Bearer " + credential);
	}

	/**
	 * Rejects images outside user messages: the shape has image parts for user messages
	 * only.
	 */
	protected static void validateImagesInUserMessagesOnly(ChatRequest request, Validation validation) {
		for (int i = 0; i < request.messages().size(); i++) {
			ChatMessage message = request.messages().get(i);
			if (message.hasImages() && message.role() != Role.USER) {
				throw validation.fail("messages[" + i + "].content", "may hold images only in a user message");
			}
		}
	}

	/**
	 * The rules OpenAI's shape adds to the shared ones for tools and response formats:
	 * tool and schema names match {@code [a-zA-Z0-9_-]{1,64}}, and a JSON object answer
	 * needs the word "json" in a system or user message (OpenAI answers 400 otherwise).
	 */
	protected static void validateToolsAndResponseFormat(ChatRequest request, Validation validation) {
		for (int i = 0; i < request.tools().size(); i++) {
			String name = request.tools().get(i).name();
			if (!NAME.matcher(name).matches()) {
				throw validation.fail("tools[" + i + "].name", "(" + name + ") must match " + NAME.pattern());
			}
		}
		ResponseFormat format = request.responseFormat();
		if (format == null) {
			return;
		}
		if (format.type() == ResponseFormat.Type.JSON_SCHEMA && format.name() != null
				&& !NAME.matcher(format.name()).matches()) {
			throw validation.fail("responseFormat.name", "must match " + NAME.pattern());
		}
		if (format.type() == ResponseFormat.Type.JSON_OBJECT && !mentionsJson(request.messages())) {
			throw validation.fail("responseFormat",
					"requires the word \"json\" in a system or user message (the provider answers 400 otherwise)");
		}
	}

	private static boolean mentionsJson(List<ChatMessage> messages) {
		for (ChatMessage message : messages) {
			if ((message.role() == Role.SYSTEM || message.role() == Role.USER)
					&& message.text().toLowerCase(Locale.ROOT).contains("json")) {
				return true;
			}
		}
		return false;
	}

	@Override
	public Class<Reply> replyType() {
		return Reply.class;
	}

	@Override
	public ChatResponse toResponse(Reply reply, ExchangeContext context) {
		Choice choice = reply.firstChoice();
		if (choice == null) {
			// choices is the one field every such reply has: without it there is no
			// answer to return
			throw new ResponseDecodingException(this.provider, context.clientName(), "Reply holds no choices", null);
		}
		Content message = choice.message();
		TokenUsage usage = (reply.usage() != null) ? reply.usage() : choice.usage();
		String model = (reply.model() != null) ? reply.model() : context.request().options().model();
		String reasoning = (message != null) ? message.reasoningText() : null;
		return new ChatResponse(this.provider, context.clientName(), model, (message != null) ? message.text() : "",
				(reasoning != null && !reasoning.isEmpty()) ? reasoning : null, toolCalls(message, context),
				media(choice), choice.finishReason(), usage(usage), sessionId(reply, context), null, List.of(), null,
				fields(reply, message));
	}

	/**
	 * The complete tool calls of a reply's message, by their position: a missing id
	 * generated, missing arguments {@code {}}, a call without a name a malformed reply.
	 */
	private List<ToolCall> toolCalls(@Nullable Content message, ExchangeContext context) {
		if (message == null || message.toolCalls() == null || message.toolCalls().isEmpty()) {
			return List.of();
		}
		List<InToolCall> calls = message.toolCalls();
		List<ToolCallDelta> whole = new ArrayList<>(calls.size());
		for (int i = 0; i < calls.size(); i++) {
			whole.add(delta(calls.get(i), i));
		}
		ChatResponseAccumulator merged = ChatResponseAccumulator.of(this.provider, context.clientName());
		merged.add(ChatChunk.builder().toolCalls(whole).build());
		return merged.toolCalls();
	}

	private static ToolCallDelta delta(InToolCall call, @Nullable Integer index) {
		InFunction function = call.function();
		return new ToolCallDelta(index, blankToNull(call.id()),
				(function != null) ? blankToNull(function.name()) : null,
				(function != null) ? function.argumentsText() : null, call.extraOrEmpty());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * The media of a reply's or event's choice: none by default (LinkAI reads its
	 * {@code img_urls}).
	 */
	protected List<AnswerMedia> media(Choice choice) {
		return List.of();
	}

	@Override
	public @Nullable StreamError replyError(Reply reply) {
		StreamError error = streamError(reply);
		if (error != null || reply.firstChoice() != null) {
			return error;
		}
		// LinkAI's app-level rate limit: HTTP 200, {"code": 429, "message": ...}, no
		// choices
		Map<String, @Nullable Object> fields = reply.extraOrEmpty();
		Integer status = StreamError.httpStatus(fields.get("code"));
		return (status != null) ? new StreamError(String.valueOf(status),
				(fields.get("message") instanceof String message) ? message : null, status) : null;
	}

	@Override
	public @Nullable StreamError streamError(Reply event) {
		return (event.error() != null) ? event.error().toStreamError() : null;
	}

	/**
	 * A chunk for an event with a choice or usage. A usage-only event (OpenAI's last one
	 * with {@code stream_options.include_usage}, {@code "choices":[]}) is a chunk with no
	 * text and no finish reason.
	 */
	@Override
	public @Nullable ChatChunk toChunk(Reply event, ExchangeContext context) {
		Choice choice = event.firstChoice();
		TokenUsage usage = (choice != null && choice.usage() != null) ? choice.usage() : event.usage();
		if (choice == null && usage == null) {
			return null;
		}
		Content delta = (choice != null) ? choice.delta() : null;
		String reasoning = (delta != null) ? delta.reasoningText() : null;
		return new ChatChunk(this.provider, context.clientName(), (delta != null) ? delta.text() : "",
				(reasoning != null) ? reasoning : "", toolCallDeltas(delta),
				(choice != null) ? media(choice) : List.of(), (choice != null) ? choice.finishReason() : null,
				usage(usage), sessionId(event, context), null, List.of(), null, fields(event, delta));
	}

	private static List<ToolCallDelta> toolCallDeltas(@Nullable Content delta) {
		List<InToolCall> calls = (delta != null) ? delta.toolCalls() : null;
		if (calls == null || calls.isEmpty()) {
			return List.of();
		}
		if (calls.size() == 1) {
			InToolCall call = calls.get(0);
			return List.of(delta(call, call.index()));
		}
		List<ToolCallDelta> deltas = new ArrayList<>(calls.size());
		for (InToolCall call : calls) {
			deltas.add(delta(call, call.index()));
		}
		return deltas;
	}

	/** The provider fields, with OpenAI's {@code refusal} when the model refused. */
	private Map<String, @Nullable Object> fields(Reply reply, @Nullable Content content) {
		Map<String, @Nullable Object> fields = providerFields(reply, content);
		if (content == null || content.refusal() == null) {
			return fields;
		}
		Map<String, @Nullable Object> withRefusal = new LinkedHashMap<>(fields);
		withRefusal.put("refusal", content.refusal());
		return withRefusal;
	}

	/** The session id of a reply or event; none by default. */
	protected @Nullable String sessionId(Reply reply, ExchangeContext context) {
		return null;
	}

	/**
	 * The fields of a reply or event for {@code providerFields()}: by default the
	 * unmapped ones ({@code id}, {@code object}, {@code created}...).
	 * @param reply the reply or event
	 * @param content the first choice's message or delta, if any
	 */
	protected Map<String, @Nullable Object> providerFields(Reply reply, @Nullable Content content) {
		return reply.extraOrEmpty();
	}

	@Override
	public List<String> secrets() {
		return List.of(this.apiKey);
	}

	private static @Nullable Usage usage(@Nullable TokenUsage usage) {
		return (usage != null) ? Usage.of(usage.promptTokens(), usage.completionTokens(), usage.totalTokens(),
				usage.cachedInputTokens(), usage.reasoningOutputTokens()) : null;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[baseUrl=" + this.baseUrl + ", apiKey="
				+ SecretMasker.describe(this.apiKey) + "]";
	}

}
