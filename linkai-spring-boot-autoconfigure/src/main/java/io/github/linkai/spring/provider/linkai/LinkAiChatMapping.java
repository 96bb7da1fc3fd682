package io.github.linkai.spring.provider.linkai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ContentPart;
import io.github.linkai.spring.client.Role;
import io.github.linkai.spring.client.spi.Validation;
import io.github.linkai.spring.client.spi.WireRequest;

/** LinkAI chat completions: {@code POST /v1/chat/completions} with the whole conversation. */
final class LinkAiChatMapping extends LinkAiMapping {

	static final String PATH = "/v1/chat/completions";

	LinkAiChatMapping(String apiKey, String baseUrl, LinkAiOptions defaults) {
		super(apiKey, baseUrl, defaults);
	}

	@Override
	public void validate(ChatRequest request, Validation validation) {
		super.validate(request, validation);
		for (int i = 0; i < request.messages().size(); i++) {
			ChatMessage message = request.messages().get(i);
			if (message.hasImages() && message.role() != Role.USER) {
				throw validation.fail("messages[" + i + "].content", "may hold images only in a user message");
			}
		}
	}

	@Override
	public WireRequest toWire(ChatRequest request, boolean stream) {
		ChatOptions options = request.options();
		LinkAiOptions linkai = options(request);
		List<LinkAiWire.Message> messages = new ArrayList<>(request.messages().size());
		for (ChatMessage message : request.messages()) {
			messages.add(new LinkAiWire.Message(message.role().wireName(), content(message)));
		}
		LinkAiWire.ChatBody body = new LinkAiWire.ChatBody(messages, linkai.appCode(), options.model(),
				options.temperature(), topP(options), linkai.frequencyPenalty(), linkai.presencePenalty(),
				stream ? Boolean.TRUE : null);
		return new WireRequest(PATH, Map.of(), headers(), body);
	}

	private static Object content(ChatMessage message) {
		if (message.isPlainText()) {
			return message.text();
		}
		List<LinkAiWire.Part> parts = new ArrayList<>(message.parts().size());
		for (ContentPart part : message.parts()) {
			if (part instanceof ContentPart.Text text) {
				parts.add(new LinkAiWire.Part("text", text.text(), null));
			}
			else if (part instanceof ContentPart.Image image) {
				parts.add(new LinkAiWire.Part("image_url", null, new LinkAiWire.ImageUrl(image.url())));
			}
		}
		return parts;
	}

}
