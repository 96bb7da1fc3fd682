package io.github.linkai.spring.provider.openai;

import java.util.List;
import java.util.Map;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.Role;
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
import io.github.linkai.spring.provider.openai.OpenAiWire.Reply;
import io.github.linkai.spring.provider.openai.OpenAiWire.TokenUsage;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * What every endpoint of OpenAI's chat completions shape has in common: the key in
 * {@code Authorization: Bearer <key>}, images only in user messages, and the reply and
 * stream events read into the neutral model (the first choice; usage at the top level or
 * in the choice; an {@code error} object is an error whatever the status). Subclasses
 * write their own body and statuses, and may add a session id or provider fields. Public
 * so that LinkAI's chat, which has this shape, shares it.
 */
public abstract class OpenAiCompatibleMapping implements WireMapping<Reply> {

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
		return new ChatResponse(this.provider, context.clientName(), model, (message != null) ? message.text() : "",
				choice.finishReason(), usage(usage), sessionId(reply, context), null, List.of(), null,
				providerFields(reply, message));
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
		return new ChatChunk((delta != null) ? delta.text() : "", (choice != null) ? choice.finishReason() : null,
				usage(usage), sessionId(event, context), null, List.of(), null, providerFields(event, delta));
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
		return (usage != null) ? Usage.of(usage.promptTokens(), usage.completionTokens(), usage.totalTokens()) : null;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[baseUrl=" + this.baseUrl + ", apiKey="
				+ SecretMasker.describe(this.apiKey) + "]";
	}

}
