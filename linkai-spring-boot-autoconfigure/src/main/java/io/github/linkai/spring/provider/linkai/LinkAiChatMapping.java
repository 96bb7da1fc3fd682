package io.github.linkai.spring.provider.linkai;

import java.util.Map;

import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.spi.Validation;
import io.github.linkai.spring.client.spi.WireRequest;
import io.github.linkai.spring.provider.openai.OpenAiWire;

/**
 * LinkAI chat completions: {@code POST /v1/chat/completions} with the whole conversation.
 */
final class LinkAiChatMapping extends LinkAiMapping {

	static final String PATH = "/v1/chat/completions";

	LinkAiChatMapping(String apiKey, String baseUrl, LinkAiOptions defaults) {
		super(apiKey, baseUrl, defaults);
	}

	@Override
	public void validate(ChatRequest request, Validation validation) {
		super.validate(request, validation);
		validateImagesInUserMessagesOnly(request, validation);
	}

	@Override
	public WireRequest toWire(ChatRequest request, boolean stream) {
		ChatOptions options = request.options();
		LinkAiOptions linkai = options(request);
		LinkAiWire.ChatBody body = new LinkAiWire.ChatBody(OpenAiWire.Message.of(request.messages()), linkai.appCode(),
				options.model(), options.temperature(), topP(options), linkai.frequencyPenalty(),
				linkai.presencePenalty(), stream ? Boolean.TRUE : null);
		return new WireRequest(PATH, Map.of(), headers(), body);
	}

}
