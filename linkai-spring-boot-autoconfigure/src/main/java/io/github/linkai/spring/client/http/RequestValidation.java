package io.github.linkai.spring.client.http;

import io.github.linkai.spring.client.ChatMessage;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ContentPart;
import io.github.linkai.spring.client.ProviderOptions;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.Validation;
import io.github.linkai.spring.client.spi.WireMapping;

/**
 * The rules a request must meet before anything is sent: the shared ones (messages
 * present and not blank, options the endpoint has a field for, finite numbers, a model
 * code of one short line, a session id only where the server keeps sessions, provider
 * options of this provider), then the endpoint's own. Raises
 * {@link ChatRequestValidationException}s naming the field.
 */
final class RequestValidation {

	/**
	 * The longest model code accepted: far over any provider's, short enough for the span
	 * name and meter tag it also goes into.
	 */
	static final int MAX_MODEL_LENGTH = 256;

	private final WireMapping<?> mapping;

	private final Validation validation;

	private final ToolRequestValidation tools;

	RequestValidation(WireMapping<?> mapping, String clientName) {
		this.mapping = mapping;
		this.validation = new Validation(mapping.provider(), clientName);
		this.tools = new ToolRequestValidation(mapping, this.validation);
	}

	/** Checks a request as the caller built it, before the client's defaults apply. */
	void validate(ChatRequest request) {
		this.tools.validate(request);
		validateMessages(request);
		validateOptions(request.options());
		this.mapping.validate(request, this.validation);
	}

	/**
	 * Checks option values: a request's, and once, when the client is created, the
	 * client's defaults.
	 */
	void validateOptions(ChatOptions options) {
		for (ChatOption option : ChatOption.values()) {
			Object value = option.valueIn(options);
			if (value == null) {
				continue;
			}
			if (!this.mapping.supportedOptions().contains(option)) {
				throw this.validation.fail(option.fieldName(), "is not supported by " + this.mapping.provider());
			}
			if (value instanceof Double d && !Double.isFinite(d)) {
				throw this.validation.fail(option.fieldName(), "must be a finite number but was " + d);
			}
			if (value instanceof String s && s.isBlank()) {
				throw this.validation.fail(option.fieldName(), "must not be blank when set");
			}
			if (option == ChatOption.MODEL) {
				validateModel((String) value);
			}
		}
		this.mapping.validateOptions(options, this.validation);
	}

	/**
	 * The model goes into the request, the {@code gen_ai.request.model} tag and the span
	 * name: a control character would break a metrics line or a log line, and a huge
	 * value every series it tags. The value itself is never quoted back.
	 */
	private void validateModel(String model) {
		if (model.chars().anyMatch(Character::isISOControl)) {
			throw this.validation.fail("model", "must hold no control character (a line break?)");
		}
		if (model.length() > MAX_MODEL_LENGTH) {
			throw this.validation.fail("model",
					"must be at most " + MAX_MODEL_LENGTH + " characters but was " + model.length());
		}
	}

	private void validateMessages(ChatRequest request) {
		if (request.messages().isEmpty()) {
			throw this.validation.fail("messages", "must not be empty");
		}
		for (int i = 0; i < request.messages().size(); i++) {
			ChatMessage message = request.messages().get(i);
			if (message.parts().isEmpty() && !message.hasToolCalls()) {
				throw this.validation.fail("messages[" + i + "].content", "must not be empty");
			}
			for (ContentPart part : message.parts()) {
				if (part instanceof ContentPart.Text text && text.text().isBlank()) {
					throw this.validation.fail("messages[" + i + "].content", "must not be blank");
				}
				if (part instanceof ContentPart.Image image && image.url().isBlank()) {
					throw this.validation.fail("messages[" + i + "].content.image_url", "must not be blank");
				}
			}
		}
		if (request.sessionId() != null && !this.mapping.supportsSessionId()) {
			throw this.validation.fail("sessionId", "is only sent by the LinkAI memory chat endpoint");
		}
		for (ProviderOptions options : request.providerOptions().values()) {
			if (!options.provider().equals(this.mapping.provider())) {
				throw this.validation.fail("providerOptions",
						"holds options for " + options.provider() + ", not for " + this.mapping.provider());
			}
		}
	}

}
