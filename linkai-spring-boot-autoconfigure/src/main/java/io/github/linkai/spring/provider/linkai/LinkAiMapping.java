package io.github.linkai.spring.provider.linkai;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.error.ApiAccessDeniedException;
import io.github.linkai.spring.client.error.AppNotFoundException;
import io.github.linkai.spring.client.error.ContentRejectedException;
import io.github.linkai.spring.client.error.QuotaExceededException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.error.StatusMapping;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ExchangeContext;
import io.github.linkai.spring.client.spi.StreamError;
import io.github.linkai.spring.client.spi.Validation;
import io.github.linkai.spring.client.spi.WireMapping;
import io.github.linkai.spring.provider.linkai.LinkAiWire.Choice;
import io.github.linkai.spring.provider.linkai.LinkAiWire.Reply;
import io.github.linkai.spring.provider.linkai.LinkAiWire.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * What LinkAI's two endpoints share: authentication, option ranges, the reply and event shape (memory chat
 * adds {@code session_id}) and the documented statuses.
 */
abstract sealed class LinkAiMapping implements WireMapping<Reply, Reply>
		permits LinkAiChatMapping, LinkAiMemoryMapping {

	static final String PROVIDER = "linkai";

	static final Set<ChatOption> OPTIONS = Collections.unmodifiableSet(EnumSet.of(ChatOption.MODEL, ChatOption.TEMPERATURE,
			ChatOption.TOP_P));

	private static final StatusMapping STATUSES = StatusMapping.standard()
		.with(402, (d) -> new AppNotFoundException(d, "app does not exist, check app_code"))
		.with(406, (d) -> new QuotaExceededException(d, "insufficient account credit"))
		.with(408, (d) -> new ApiAccessDeniedException(d, "no API access for this account's plan"))
		.with(409, (d) -> new ContentRejectedException(d, "content moderation rejected the content"));

	private final String apiKey;

	private final String baseUrl;

	private final Map<String, String> headers;

	private final LinkAiOptions defaults;

	LinkAiMapping(String apiKey, String baseUrl, LinkAiOptions defaults) {
		this.apiKey = apiKey;
		this.baseUrl = baseUrl;
		// the key exactly as configured: LinkAI's server, not the client, reads an OpenAI-SDK "key-appcode"
		this.headers = Map.of("Authorization", "Bearer " + apiKey);
		this.defaults = defaults;
	}

	@Override
	public String provider() {
		return PROVIDER;
	}

	@Override
	public String baseUrl() {
		return this.baseUrl;
	}

	@Override
	public Set<ChatOption> supportedOptions() {
		return OPTIONS;
	}

	@Override
	public void validateOptions(ChatOptions options, Validation validation) {
		validation.range("temperature", options.temperature(), 0, 1);
		validation.range("topP", options.topP(), 0, 1);
		if (options.topP() != null && options.topP() != Math.rint(options.topP())) {
			throw validation.fail("topP", "must be a whole number (LinkAI documents top_p as an integer) but was "
					+ options.topP());
		}
	}

	/** The documented ranges of LinkAI's own options: a request's, and the client's defaults once. */
	static void validate(LinkAiOptions options, Validation validation) {
		if (options.appCode() != null && options.appCode().isBlank()) {
			throw validation.fail("appCode", "must not be blank when set");
		}
		validation.range("frequencyPenalty", options.frequencyPenalty(), -2, 2);
		validation.range("presencePenalty", options.presencePenalty(), -2, 2);
	}

	/** Checks the request's LinkAI options; subclasses add their message rules. */
	@Override
	public void validate(ChatRequest request, Validation validation) {
		LinkAiOptions own = request.providerOptions(LinkAiOptions.class);
		if (own != null) {
			validate(own, validation);
		}
	}

	/** The request's LinkAI options over the client's. */
	LinkAiOptions options(ChatRequest request) {
		LinkAiOptions own = request.providerOptions(LinkAiOptions.class);
		return (own != null) ? own.orElse(this.defaults) : this.defaults;
	}

	Map<String, String> headers() {
		return this.headers;
	}

	/** LinkAI documents {@code top_p} as an integer (validation allows only whole numbers). */
	static @Nullable Integer topP(ChatOptions options) {
		Double topP = options.topP();
		return (topP != null) ? topP.intValue() : null;
	}

	@Override
	public Class<Reply> responseType() {
		return Reply.class;
	}

	@Override
	public Class<Reply> chunkType() {
		return Reply.class;
	}

	@Override
	public ChatResponse toResponse(Reply reply, ExchangeContext context) {
		Choice choice = reply.firstChoice();
		if (choice == null) {
			// choices is the one field the documents always show: without it there is no answer to return
			throw new ResponseDecodingException(PROVIDER, context.clientName(), "Reply holds no choices", null);
		}
		LinkAiWire.Content message = choice.message();
		TokenUsage usage = (reply.usage() != null) ? reply.usage() : choice.usage();
		String model = (reply.model() != null) ? reply.model() : context.request().options().model();
		return new ChatResponse(PROVIDER, context.clientName(), model, (message != null) ? message.text() : "",
				choice.finishReason(), usage(usage), sessionId(reply, context), null, List.of(), null,
				fields(reply, message));
	}

	@Override
	public @Nullable StreamError replyError(Reply reply) {
		return streamError(reply);
	}

	@Override
	public @Nullable StreamError streamError(Reply event) {
		return (event.error() != null) ? new StreamError(event.error().type(), event.error().message()) : null;
	}

	@Override
	public @Nullable ChatChunk toChunk(Reply event, ExchangeContext context) {
		Choice choice = event.firstChoice();
		TokenUsage usage = (choice != null && choice.usage() != null) ? choice.usage() : event.usage();
		if (choice == null && usage == null) {
			return null;
		}
		LinkAiWire.Content delta = (choice != null) ? choice.delta() : null;
		return new ChatChunk((delta != null) ? delta.text() : "", (choice != null) ? choice.finishReason() : null,
				usage(usage), sessionId(event, context), null, List.of(), null, fields(event, delta));
	}

	/** The session id of a reply; plain chat echoes {@code "session_id": null}. */
	@Nullable String sessionId(Reply reply, ExchangeContext context) {
		return reply.sessionId();
	}

	@Override
	public StatusMapping statusMapping() {
		return STATUSES;
	}

	@Override
	public List<String> secrets() {
		return List.of(this.apiKey);
	}

	private static @Nullable Usage usage(@Nullable TokenUsage usage) {
		return (usage != null) ? Usage.of(usage.promptTokens(), usage.completionTokens(), usage.totalTokens()) : null;
	}

	/** The unmapped fields, with the raw parts of multimodal content that {@code text()} leaves out. */
	private static Map<String, Object> fields(Reply reply, LinkAiWire.@Nullable Content content) {
		if (content == null || content.partsAsFields().isEmpty()) {
			return reply.extraOrEmpty();
		}
		Map<String, Object> merged = new java.util.LinkedHashMap<>(reply.extraOrEmpty());
		merged.putAll(content.partsAsFields());
		return merged;
	}

}
