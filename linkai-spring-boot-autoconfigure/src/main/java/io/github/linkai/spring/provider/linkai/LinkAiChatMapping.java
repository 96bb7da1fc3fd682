package io.github.linkai.spring.provider.linkai;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.spi.RequestFeature;
import io.github.linkai.spring.client.spi.Validation;
import io.github.linkai.spring.client.spi.WireRequest;
import io.github.linkai.spring.provider.openai.OpenAiWire;

/**
 * LinkAI chat completions: {@code POST /v1/chat/completions} with the whole conversation.
 * Its document calls the endpoint fully compatible with OpenAI's input and output, and
 * LinkAI's own bot sends tools and reads tool calls and {@code reasoning_content} there:
 * tools, tool calls, tool results, reasoning (sent back as the OpenAI-compatible mapping
 * sends it) and the response format travel in OpenAI's shape.
 */
final class LinkAiChatMapping extends LinkAiMapping {

	static final String PATH = "/v1/chat/completions";

	static final Set<RequestFeature> FEATURES = Collections
		.unmodifiableSet(EnumSet.of(RequestFeature.TOOLS, RequestFeature.RESPONSE_FORMAT));

	LinkAiChatMapping(String apiKey, String baseUrl, LinkAiOptions defaults) {
		super(apiKey, baseUrl, defaults);
	}

	@Override
	public Set<RequestFeature> supportedFeatures() {
		return FEATURES;
	}

	@Override
	public void validate(ChatRequest request, Validation validation) {
		super.validate(request, validation);
		validateImagesInUserMessagesOnly(request, validation);
		validateToolsAndResponseFormat(request, validation);
	}

	@Override
	public WireRequest toWire(ChatRequest request, boolean stream) {
		ChatOptions options = request.options();
		LinkAiOptions linkai = options(request);
		LinkAiWire.ChatBody body = new LinkAiWire.ChatBody(OpenAiWire.Message.of(request.messages()), linkai.appCode(),
				options.model(), options.temperature(), topP(options), linkai.frequencyPenalty(),
				linkai.presencePenalty(), OpenAiWire.Tool.of(request), OpenAiWire.toolChoice(request.toolChoice()),
				request.parallelToolCalls(), OpenAiWire.ResponseFormatBody.of(request.responseFormat()),
				stream ? Boolean.TRUE : null);
		return new WireRequest(PATH, Map.of(), headers(), body);
	}

}
