package io.github.linkai.spring.ai;

import java.net.URL;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ContentPart;
import io.github.linkai.spring.client.JsonSchema;
import io.github.linkai.spring.client.ProviderOptions;
import io.github.linkai.spring.client.ResponseFormat;
import io.github.linkai.spring.client.Role;
import io.github.linkai.spring.client.ToolCall;
import io.github.linkai.spring.client.spi.Validation;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.util.MimeTypeUtils;

/**
 * A Spring AI {@link Prompt} as our {@link ChatRequest}: the tool callbacks' definitions
 * become the request's tools, an assistant message's tool calls and reasoning (metadata
 * {@link ClientChatModel#REASONING_CONTENT}) and a tool response message's results are
 * sent back, and a native structured output schema becomes a JSON schema response format.
 * What no client can send (a non-image attachment, an option outside the neutral four)
 * fails here, naming it, before anything is sent; the client then checks the request
 * against its provider's rules as for any other call (a provider without tools rejects
 * them there).
 */
final class PromptMapping {

	private static final String NEUTRAL = "is not one of the neutral options (model, temperature, topP, maxTokens):"
			+ " set what the provider has through its own options, ClientChatOptions.builder().providerOptions(...)";

	private final Validation validation;

	private final boolean memory;

	/**
	 * A mapping that validates with {@code validation}.
	 * @param memory whether the request is for memory chat, whose server keeps the
	 * conversation: only the last message, the question, is sent
	 */
	PromptMapping(Validation validation, boolean memory) {
		this.validation = validation;
		this.memory = memory;
	}

	ChatRequest toRequest(Prompt prompt) {
		ClientChatOptions options = (prompt.getOptions() != null) ? ClientChatOptions.from(prompt.getOptions())
				: ClientChatOptions.builder().build();
		checkSupported(options);
		ChatRequest.Builder request = ChatRequest.builder()
			.options(new ChatOptions(options.getModel(), options.getTemperature(), options.getTopP(),
					options.getMaxTokens()))
			.sessionId(options.getSessionId());
		for (ProviderOptions providerOptions : options.getProviderOptions()) {
			request.providerOptions(providerOptions);
		}
		for (ToolCallback callback : options.getToolCallbacks()) {
			ToolDefinition definition = callback.getToolDefinition();
			request.tool(io.github.linkai.spring.client.ToolDefinition.of(definition.name(), definition.description(),
					JsonSchema.parse(definition.inputSchema())));
		}
		request.toolChoice(options.getToolChoice()).parallelToolCalls(options.getParallelToolCalls());
		String outputSchema = options.getOutputSchema();
		// the name and strictness Spring AI's OpenAI model gives a native output schema
		request.responseFormat((outputSchema != null)
				? ResponseFormat.jsonSchema("json_schema", JsonSchema.parse(outputSchema)).withStrict(true)
				: options.getResponseFormat());
		List<Message> messages = prompt.getInstructions();
		if (this.memory) {
			request.message(question(messages));
		}
		else {
			for (int i = 0; i < messages.size(); i++) {
				Message message = messages.get(i);
				if (message instanceof ToolResponseMessage results) {
					for (ToolResponseMessage.ToolResponse result : results.getResponses()) {
						request.toolResult(result.id(), result.responseData());
					}
				}
				else {
					request.message(message(message, i));
				}
			}
		}
		return request.build();
	}

	private void checkSupported(ClientChatOptions options) {
		if (options.getForeignType() != null) {
			throw this.validation.fail("options", "of type " + options.getForeignType()
					+ " cannot be sent: their own fields are not known here; use ClientChatOptions");
		}
		unsupported("options.frequencyPenalty", options.getFrequencyPenalty());
		unsupported("options.presencePenalty", options.getPresencePenalty());
		unsupported("options.topK", options.getTopK());
		if (options.getStopSequences() != null && !options.getStopSequences().isEmpty()) {
			unsupported("options.stopSequences", options.getStopSequences());
		}
	}

	private void unsupported(String field, @Nullable Object value) {
		if (value != null) {
			throw this.validation.fail(field, NEUTRAL);
		}
	}

	/**
	 * The memory-chat question: the last message, a user message. Earlier user and
	 * assistant messages are the conversation the server already keeps and are not sent;
	 * a system message cannot be, as the server-side app holds the instructions.
	 */
	private ChatMessage question(List<Message> messages) {
		for (int i = 0; i < messages.size(); i++) {
			if (messages.get(i) instanceof SystemMessage) {
				throw this.validation.fail("messages[" + i + "]", "is a system message, which memory chat cannot "
						+ "send: the instructions live in the server-side app");
			}
		}
		int last = messages.size() - 1;
		if (last < 0 || !(messages.get(last) instanceof UserMessage)) {
			throw this.validation.fail("messages", "must end with the user's question for memory chat");
		}
		return message(messages.get(last), last);
	}

	private ChatMessage message(Message message, int index) {
		String field = "messages[" + index + "]";
		String text = (message.getText() != null) ? message.getText() : "";
		if (message instanceof SystemMessage) {
			return ChatMessage.system(text);
		}
		if (message instanceof UserMessage user) {
			List<ContentPart> parts = new ArrayList<>(user.getMedia().size() + 1);
			parts.add(ContentPart.text(text));
			for (int i = 0; i < user.getMedia().size(); i++) {
				parts.add(image(user.getMedia().get(i), field + ".media[" + i + "]"));
			}
			return new ChatMessage(Role.USER, parts);
		}
		if (message instanceof AssistantMessage assistant) {
			if (!assistant.getMedia().isEmpty()) {
				throw this.validation.fail(field, "is an assistant message with media, which cannot be sent");
			}
			Object reasoning = assistant.getMetadata().get(ClientChatModel.REASONING_CONTENT);
			String reasoningContent = (reasoning instanceof String r && !r.isEmpty()) ? r : null;
			if (!assistant.hasToolCalls()) {
				return ChatMessage.assistant(text).withReasoning(reasoningContent);
			}
			List<ToolCall> calls = new ArrayList<>(assistant.getToolCalls().size());
			for (AssistantMessage.ToolCall call : assistant.getToolCalls()) {
				// a missing id or name fails validation, naming the field
				calls.add(new ToolCall(Objects.requireNonNullElse(call.id(), ""),
						Objects.requireNonNullElse(call.name(), ""), Objects.requireNonNullElse(call.arguments(), "")));
			}
			return ChatMessage.assistant(text, calls).withReasoning(reasoningContent);
		}
		throw this.validation.fail(field, "is a " + message.getMessageType().getValue()
				+ " message, which cannot be sent: only system, user, assistant and tool response messages can");
	}

	/** An image as a URL: a URL as it is, bytes as a {@code data:} URL. */
	private ContentPart image(Media media, String field) {
		if (!MimeTypeUtils.parseMimeType("image/*").includes(media.getMimeType())) {
			throw this.validation.fail(field, "of type " + media.getMimeType() + " cannot be sent: only images can");
		}
		Object data = media.getData();
		if (data instanceof String url) {
			return ContentPart.image(url);
		}
		if (data instanceof URL url) {
			return ContentPart.image(url.toString());
		}
		if (data instanceof byte[] bytes) {
			return ContentPart.image("data:" + media.getMimeType().getType() + "/" + media.getMimeType().getSubtype()
					+ ";base64," + Base64.getEncoder().encodeToString(bytes));
		}
		throw this.validation.fail(field, "holds " + data.getClass().getName() + ", not a URL or bytes");
	}

}
