package io.github.linkai.spring.provider.lingma;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.Role;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.CredentialHeaderConnector;
import io.github.linkai.spring.client.spi.ExchangeContext;
import io.github.linkai.spring.client.spi.SecretMasker;
import io.github.linkai.spring.client.spi.StreamError;
import io.github.linkai.spring.client.spi.Validation;
import io.github.linkai.spring.client.spi.WireMapping;
import io.github.linkai.spring.client.spi.WireRequest;
import io.github.linkai.spring.provider.lingma.LingmaWire.Output;
import io.github.linkai.spring.provider.lingma.LingmaWire.Reply;
import io.github.linkai.spring.provider.lingma.LingmaWire.TokenUsage;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Yunxiao Lingma {@code ExecuteChat}: {@code POST
 * /oapi/v1/lingma/organizations/{organizationId}/model/chat} with the token in
 * {@code x-yunxiao-token}, {@code stream} (always sent) and {@code teamDocs} (sent when
 * set) in the query, and the whole conversation in the body. Every stream event has the
 * reply's shape, its {@code text} being the new text; the event with a finish reason, or
 * {@code data: [DONE]}, ends the answer.
 */
final class LingmaMapping implements WireMapping<Reply> {

	static final String PATH = "/oapi/v1/lingma/organizations/{organizationId}/model/chat";

	private static final String QUERY = "?stream={stream}";

	private static final String TEAM_DOCS_QUERY = "&teamDocs={teamDocs}";

	static final Set<ChatOption> OPTIONS = Collections
		.unmodifiableSet(EnumSet.of(ChatOption.TEMPERATURE, ChatOption.TOP_P, ChatOption.MAX_TOKENS));

	private final String token;

	private final String baseUrl;

	private final String organizationId;

	private final LingmaOptions defaults;

	LingmaMapping(LingmaSettings settings) {
		this.token = settings.token();
		this.baseUrl = settings.baseUrl();
		this.organizationId = settings.organizationId();
		this.defaults = settings.defaults();
	}

	@Override
	public String provider() {
		return Lingma.PROVIDER;
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
	public void validate(ChatRequest request, Validation validation) {
		for (int i = 0; i < request.messages().size(); i++) {
			ChatMessage message = request.messages().get(i);
			if (message.hasImages()) {
				throw validation.fail("messages[" + i + "].content", "must be text: Lingma takes no images");
			}
			if (message.role() == Role.SYSTEM && i > 0) {
				throw validation.fail("messages[" + i + "].role",
						"may be system only for the first message: Lingma expects the system message first");
			}
		}
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
		validation.range("maxTokens", options.maxTokens(), 1, 4096);
		validation.range("temperature", options.temperature(), 0, 1);
		validation.range("topP", options.topP(), 0, 1);
	}

	@Override
	public WireRequest toWire(ChatRequest request, boolean stream) {
		LingmaOptions lingma = lingmaOptions(request);
		List<LingmaWire.Message> messages = new ArrayList<>(request.messages().size());
		for (ChatMessage message : request.messages()) {
			messages.add(new LingmaWire.Message(message.role().wireName(), message.text()));
		}
		List<String> kbIds = (lingma.kbIds() != null && !lingma.kbIds().isEmpty()) ? lingma.kbIds() : null;
		LingmaWire.ChatBody body = new LingmaWire.ChatBody(new LingmaWire.Input(messages), kbIds,
				parameters(request.options(), lingma));
		Map<String, Object> variables = new HashMap<>();
		variables.put("organizationId", this.organizationId);
		variables.put("stream", Boolean.toString(stream));
		String uriTemplate = PATH + QUERY;
		if (lingma.teamDocs() != null) {
			variables.put("teamDocs", lingma.teamDocs().toString());
			uriTemplate += TEAM_DOCS_QUERY;
		}
		// no header: the token is set below the exchange, by decorate
		return new WireRequest(uriTemplate, variables, Map.of(), body);
	}

	private LingmaOptions lingmaOptions(ChatRequest request) {
		LingmaOptions options = request.providerOptions(LingmaOptions.class);
		return (options != null) ? options.orElse(this.defaults) : this.defaults;
	}

	private static LingmaWire.@Nullable Parameters parameters(ChatOptions options, LingmaOptions lingma) {
		if (options.maxTokens() == null && lingma.seed() == null && options.temperature() == null
				&& lingma.topK() == null && options.topP() == null) {
			return null;
		}
		return new LingmaWire.Parameters(options.maxTokens(), lingma.seed(), options.temperature(), lingma.topK(),
				options.topP());
	}

	@Override
	public Class<Reply> replyType() {
		return Reply.class;
	}

	@Override
	public ChatResponse toResponse(Reply reply, ExchangeContext context) {
		Output output = reply.output();
		if (output == null) {
			// the answer is the output object: a reply without one has none to return
			throw new ResponseDecodingException(Lingma.PROVIDER, context.clientName(), "Reply holds no output", null);
		}
		return new ChatResponse(Lingma.PROVIDER, context.clientName(), null, text(output), finishReason(output),
				usage(reply.usage()), null, reply.requestId(), List.of(), null, reply.extraOrEmpty());
	}

	/**
	 * Alibaba Cloud APIs may answer an error with a successful status: never pass it off
	 * as an empty answer.
	 */
	@Override
	public @Nullable StreamError replyError(Reply reply) {
		return streamError(reply);
	}

	@Override
	public @Nullable StreamError streamError(Reply event) {
		return (event.output() != null) ? null : StreamError.fromFields(event.extraOrEmpty());
	}

	@Override
	public @Nullable ChatChunk toChunk(Reply event, ExchangeContext context) {
		Output output = event.output();
		if (output == null && event.usage() == null) {
			return null;
		}
		return ChatChunk.builder()
			.provider(Lingma.PROVIDER)
			.clientName(context.clientName())
			.delta(text(output))
			.finishReason(finishReason(output))
			.usage(usage(event.usage()))
			.requestId(event.requestId())
			.providerFields(event.extraOrEmpty())
			.build();
	}

	/**
	 * The token in {@code x-yunxiao-token}, set below the exchange: none of its
	 * exceptions or observations holds it.
	 */
	@Override
	public ClientHttpConnector decorate(ClientHttpConnector connector) {
		return decorate(connector, this.token);
	}

	@Override
	public ClientHttpConnector decorate(ClientHttpConnector connector, String credential) {
		return new CredentialHeaderConnector(connector, "x-yunxiao-token", credential);
	}

	@Override
	public List<String> secrets() {
		return List.of(this.token);
	}

	private static String text(@Nullable Output output) {
		return (output != null && output.text() != null) ? output.text() : "";
	}

	/**
	 * The document's own example shows {@code ""} for a reply that has not finished;
	 * "null" is seen too.
	 */
	private static @Nullable String finishReason(@Nullable Output output) {
		String reason = (output != null) ? output.finishReason() : null;
		return (reason == null || reason.isBlank() || "null".equalsIgnoreCase(reason.strip())) ? null : reason;
	}

	private static @Nullable Usage usage(@Nullable TokenUsage usage) {
		return (usage != null) ? Usage.of(usage.inputTokens(), usage.outputTokens(), null) : null;
	}

	@Override
	public String toString() {
		return "LingmaMapping[baseUrl=" + this.baseUrl + ", organizationId=" + this.organizationId + ", token="
				+ SecretMasker.describe(this.token) + ", defaults=" + this.defaults + "]";
	}

}
