package io.github.linkai.spring.provider.jijyun;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.Role;
import io.github.linkai.spring.client.SearchSource;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.QuotaExceededException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.error.StatusMapping;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ExchangeContext;
import io.github.linkai.spring.client.spi.RequestFeature;
import io.github.linkai.spring.client.spi.StreamError;
import io.github.linkai.spring.client.spi.Validation;
import io.github.linkai.spring.client.spi.WireMapping;
import io.github.linkai.spring.client.spi.WireRequest;
import io.github.linkai.spring.provider.jijyun.JijyunWire.ChatBody;
import io.github.linkai.spring.provider.jijyun.JijyunWire.Reply;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Jijyun chat, {@code POST /v1/openapi/chat?apiKey=...}: the request, reply, stream and
 * status rules are described on {@link Jijyun}. The key travels in the query string, so
 * {@link #decorate(ClientHttpConnector)} adds it below the exchange (see
 * {@link ApiKeyQueryConnector}).
 */
final class JijyunMapping implements WireMapping<Reply> {

	static final String PATH = "/v1/openapi/chat";

	static final Set<ChatOption> OPTIONS = Collections
		.unmodifiableSet(EnumSet.of(ChatOption.MODEL, ChatOption.TEMPERATURE, ChatOption.MAX_TOKENS));

	private static final StatusMapping STATUSES = StatusMapping.standard()
		.with(401, (d) -> new AuthenticationException(d, "no permission, check the API key"))
		.with(402, (d) -> new QuotaExceededException(d, "API call quota exhausted"));

	private static final String FINISHED = "stop";

	private final String apiKey;

	private final String baseUrl;

	private final JijyunOptions defaults;

	private final List<String> secrets;

	JijyunMapping(JijyunSettings settings) {
		this.apiKey = settings.apiKey();
		this.baseUrl = settings.baseUrl();
		this.defaults = settings.defaults();
		this.secrets = secrets(this.apiKey);
	}

	@Override
	public String provider() {
		return Jijyun.PROVIDER;
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
		validateRanges(options, validation);
	}

	/**
	 * Jijyun documents {@code tools} and {@code return_format}, but as its own assistant
	 * features, not function calling or a JSON schema: the request says where they are.
	 */
	@Override
	public String unsupported(RequestFeature feature) {
		return "is not supported by " + Jijyun.PROVIDER
				+ ((feature == RequestFeature.TOOLS) ? " (its own named tools are JijyunOptions.tools)"
						: " (its own answer format is JijyunOptions.returnFormat)");
	}

	/**
	 * The documented ranges of the neutral options: a request's, and the client's
	 * defaults once.
	 */
	static void validateRanges(ChatOptions options, Validation validation) {
		validation.atLeast("temperature", options.temperature(), 0);
		validation.atLeast("maxTokens", options.maxTokens(), 1);
	}

	@Override
	public void validate(ChatRequest request, Validation validation) {
		List<ChatMessage> messages = request.messages();
		int last = messages.size() - 1;
		for (int i = 0; i <= last; i++) {
			ChatMessage message = messages.get(i);
			if (message.role() == Role.ASSISTANT) {
				throw validation.fail("messages", "must not hold assistant messages: Jijyun's chat API takes one "
						+ "question and has no field for earlier answers");
			}
			if (message.role() == Role.SYSTEM && i != 0) {
				throw validation.fail("messages", "may hold a system message only first");
			}
			if (message.role() == Role.USER && i != last) {
				throw validation.fail("messages", "must hold exactly one user message, the last: Jijyun's chat API "
						+ "takes one question (content)");
			}
			if (message.hasImages()) {
				throw validation.fail("messages[" + i + "].content", "must be text: Jijyun's chat API takes no images");
			}
		}
		if (messages.get(last).role() != Role.USER) {
			throw validation.fail("messages", "must end with the user's question");
		}
		JijyunOptions own = request.providerOptions(JijyunOptions.class);
		if (own != null && own.system() != null && messages.get(0).role() == Role.SYSTEM) {
			throw validation.fail("messages", "holds a system message while JijyunOptions.system is set: both are "
					+ "the system field, set only one");
		}
		if (own != null && own.chatMode() != null && request.options().model() != null) {
			throw validation.fail("model",
					"is set while JijyunOptions.chatMode is set: both are the chatMode field, " + "set only one");
		}
	}

	@Override
	public WireRequest toWire(ChatRequest request, boolean stream) {
		JijyunOptions jijyun = options(request);
		ChatOptions options = request.options();
		List<ChatMessage> messages = request.messages();
		ChatMessage first = messages.get(0);
		String system = (first.role() == Role.SYSTEM) ? first.text() : jijyun.system();
		ChatBody body = new ChatBody(messages.get(messages.size() - 1).text(), jijyun.returnFormat(), jijyun.search(),
				jijyun.visitorId(), chatMode(request), jijyun.intention(),
				(options.maxTokens() != null) ? options.maxTokens().toString() : null, jijyun.knowledge(), system,
				jijyun.tools(), temperature(options.temperature()), jijyun.fielditem(), jijyun.handlerType(),
				jijyun.fixContent(), stream, jijyun.ibotId());
		return new WireRequest(PATH, Map.of(), Map.of(), body);
	}

	/** The request's Jijyun options over the client's. */
	private JijyunOptions options(ChatRequest request) {
		JijyunOptions own = request.providerOptions(JijyunOptions.class);
		return (own != null) ? own.orElse(this.defaults) : this.defaults;
	}

	/**
	 * The request's own {@code chatMode}, else its {@code model} (its own or the client's
	 * default: validation and {@link Jijyun#chatClient} keep each level from setting
	 * both), else the client's {@code chatMode}.
	 */
	private @Nullable String chatMode(ChatRequest request) {
		JijyunOptions own = request.providerOptions(JijyunOptions.class);
		if (own != null && own.chatMode() != null) {
			return own.chatMode();
		}
		return (request.options().model() != null) ? request.options().model() : this.defaults.chatMode();
	}

	/**
	 * The document types {@code temperature} as a string: the shortest decimal, no
	 * {@code .0} when integral.
	 */
	static @Nullable String temperature(@Nullable Double temperature) {
		return (temperature != null) ? BigDecimal.valueOf(temperature).stripTrailingZeros().toPlainString() : null;
	}

	@Override
	public Class<Reply> replyType() {
		return Reply.class;
	}

	@Override
	public ChatResponse toResponse(Reply reply, ExchangeContext context) {
		if (reply.desc() == null && reply.usage() == null) {
			// neither the answer nor the required usage: an empty object is no answer
			throw new ResponseDecodingException(Jijyun.PROVIDER, context.clientName(), "Reply holds no desc", null);
		}
		return new ChatResponse(Jijyun.PROVIDER, context.clientName(), chatMode(context.request()),
				(reply.desc() != null) ? reply.desc() : "", null, null, reply.msgKey(), null, sources(reply),
				cost(reply), fields(reply));
	}

	@Override
	public @Nullable StreamError replyError(Reply reply) {
		return error(reply);
	}

	@Override
	public @Nullable StreamError streamError(Reply event) {
		return error(event);
	}

	/**
	 * An error object in place of an answer (status 200): no answer field, but an error
	 * code or message.
	 */
	private static @Nullable StreamError error(Reply reply) {
		Map<String, Object> extra = reply.extra();
		if (reply.desc() != null || reply.usage() != null || reply.source() != null || extra == null) {
			return null;
		}
		return StreamError.fromFields(extra);
	}

	@Override
	public @Nullable ChatChunk toChunk(Reply event, ExchangeContext context) {
		boolean last = event.usage() != null;
		if (!last && event.desc() == null && event.source() == null && event.msgKey() == null
				&& event.visitorId() == null && (event.extra() == null || event.extra().isEmpty())) {
			return null;
		}
		return ChatChunk.builder()
			.provider(Jijyun.PROVIDER)
			.clientName(context.clientName())
			.delta((event.desc() != null) ? event.desc() : "")
			.finishReason(last ? FINISHED : null)
			.sessionId(event.msgKey())
			.sources(sources(event))
			.cost(cost(event))
			.providerFields(fields(event))
			.build();
	}

	@Override
	public StatusMapping statusMapping() {
		return STATUSES;
	}

	@Override
	public List<String> secrets() {
		return this.secrets;
	}

	@Override
	public ClientHttpConnector decorate(ClientHttpConnector connector) {
		return decorate(connector, this.apiKey);
	}

	@Override
	public ClientHttpConnector decorate(ClientHttpConnector connector, String credential) {
		return new ApiKeyQueryConnector(connector, credential);
	}

	@Override
	public List<String> secrets(String credential) {
		String encoded = ApiKeyQueryConnector.encode(credential);
		return encoded.equals(credential) ? List.of(credential) : List.of(credential, encoded);
	}

	private static List<SearchSource> sources(Reply reply) {
		if (reply.source() == null) {
			return List.of();
		}
		List<SearchSource> sources = new ArrayList<>(reply.source().size());
		for (JijyunWire.Source source : reply.source()) {
			if (source != null) {
				sources.add(new SearchSource(source.link(), source.snippet(), source.title()));
			}
		}
		return sources;
	}

	private static @Nullable BigDecimal cost(Reply reply) {
		return (reply.usage() != null) ? reply.usage().totalCost() : null;
	}

	private static Map<String, @Nullable Object> fields(Reply reply) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("msgKey", reply.msgKey());
		fields.put("visitorId", reply.visitorId());
		if (reply.usage() != null && reply.usage().extra() != null && !reply.usage().extra().isEmpty()) {
			fields.put("usage", reply.usage().extra());
		}
		if (reply.extra() != null) {
			fields.putAll(reply.extra());
		}
		return fields;
	}

}
