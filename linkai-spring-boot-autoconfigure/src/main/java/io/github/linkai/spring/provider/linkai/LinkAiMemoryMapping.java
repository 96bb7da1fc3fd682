package io.github.linkai.spring.provider.linkai;

import java.util.Map;

import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.Role;
import io.github.linkai.spring.client.spi.ExchangeContext;
import io.github.linkai.spring.client.spi.RequestFeature;
import io.github.linkai.spring.client.spi.Validation;
import io.github.linkai.spring.client.spi.WireRequest;
import io.github.linkai.spring.provider.openai.OpenAiWire.Reply;
import org.jspecify.annotations.Nullable;

/**
 * LinkAI memory chat: {@code POST /v1/chat/memory/completions} with only the new
 * {@code question}; the server keeps the history per app and {@code session_id}. The
 * reference document names the field {@code question} (the announcement's example says
 * {@code query}); the reference is followed.
 */
final class LinkAiMemoryMapping extends LinkAiMapping {

	static final String PATH = "/v1/chat/memory/completions";

	LinkAiMemoryMapping(String apiKey, String baseUrl, LinkAiOptions defaults) {
		super(apiKey, baseUrl, defaults);
	}

	@Override
	public boolean supportsSessionId() {
		return true;
	}

	@Override
	public String unsupported(RequestFeature feature) {
		return "is not supported by linkai memory chat, which sends only the question";
	}

	@Override
	public void validate(ChatRequest request, Validation validation) {
		super.validate(request, validation);
		if (request.messages().size() != 1 || request.messages().get(0).role() != Role.USER) {
			throw validation.fail("messages", "must hold exactly one user message, the question: memory chat keeps "
					+ "the history and the app's prompt on the server");
		}
		if (request.messages().get(0).hasImages()) {
			throw validation.fail("messages[0].content", "must be text: memory chat's question is a string");
		}
		if (request.sessionId() != null && request.sessionId().isBlank()) {
			throw validation.fail("sessionId", "must not be blank when set (leave it unset to have one assigned)");
		}
	}

	@Override
	public WireRequest toWire(ChatRequest request, boolean stream) {
		ChatOptions options = request.options();
		LinkAiOptions linkai = options(request);
		ChatMessage question = request.messages().get(0);
		LinkAiWire.MemoryBody body = new LinkAiWire.MemoryBody(question.text(), request.sessionId(), linkai.appCode(),
				options.model(), options.temperature(), topP(options), linkai.frequencyPenalty(),
				linkai.presencePenalty(), stream ? Boolean.TRUE : null);
		return new WireRequest(PATH, Map.of(), headers(), body);
	}

	/**
	 * The server's session id, else the one sent: the caller always learns which session
	 * answered.
	 */
	@Override
	protected @Nullable String sessionId(Reply reply, ExchangeContext context) {
		String sessionId = super.sessionId(reply, context);
		return (sessionId != null) ? sessionId : context.request().sessionId();
	}

}
