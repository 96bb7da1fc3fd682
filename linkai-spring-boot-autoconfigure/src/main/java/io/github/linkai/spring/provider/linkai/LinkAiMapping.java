package io.github.linkai.spring.provider.linkai;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.linkai.spring.client.AnswerMedia;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.error.ApiAccessDeniedException;
import io.github.linkai.spring.client.error.AppNotFoundException;
import io.github.linkai.spring.client.error.ContentRejectedException;
import io.github.linkai.spring.client.error.QuotaExceededException;
import io.github.linkai.spring.client.error.StatusMapping;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ExchangeContext;
import io.github.linkai.spring.client.spi.Validation;
import io.github.linkai.spring.provider.openai.OpenAiCompatibleMapping;
import io.github.linkai.spring.provider.openai.OpenAiWire.Choice;
import io.github.linkai.spring.provider.openai.OpenAiWire.Content;
import io.github.linkai.spring.provider.openai.OpenAiWire.Reply;
import org.jspecify.annotations.Nullable;

/**
 * What LinkAI's two endpoints share: option ranges, the {@code session_id} of replies and
 * events (memory chat's conversation) and the documented statuses. Authentication and the
 * OpenAI-shaped reply and events are read as {@link OpenAiCompatibleMapping} reads them;
 * multimodal answer content is also kept in the provider fields.
 */
abstract sealed class LinkAiMapping extends OpenAiCompatibleMapping permits LinkAiChatMapping, LinkAiMemoryMapping {

	static final String PROVIDER = "linkai";

	static final Set<ChatOption> OPTIONS = Collections
		.unmodifiableSet(EnumSet.of(ChatOption.MODEL, ChatOption.TEMPERATURE, ChatOption.TOP_P));

	private static final String SESSION_ID = "session_id";

	private static final StatusMapping STATUSES = StatusMapping.standard()
		.with(402, (d) -> new AppNotFoundException(d, "app does not exist, check app_code"))
		.with(406, (d) -> new QuotaExceededException(d, "insufficient account credit"))
		.with(408, (d) -> new ApiAccessDeniedException(d, "no API access for this account's plan"))
		.with(409, (d) -> new ContentRejectedException(d, "content moderation rejected the content"));

	private final LinkAiOptions defaults;

	LinkAiMapping(String apiKey, String baseUrl, LinkAiOptions defaults) {
		// the key exactly as configured: LinkAI's server, not the client, reads an
		// OpenAI-SDK "key-appcode"
		super(PROVIDER, apiKey, baseUrl);
		this.defaults = defaults;
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
	 * The documented ranges of the neutral options: a request's, and the client's
	 * defaults once.
	 */
	static void validateRanges(ChatOptions options, Validation validation) {
		validation.range("temperature", options.temperature(), 0, 1);
		validation.range("topP", options.topP(), 0, 1);
		if (options.topP() != null && options.topP() != Math.rint(options.topP())) {
			throw validation.fail("topP",
					"must be a whole number (LinkAI documents top_p as an integer) but was " + options.topP());
		}
	}

	/**
	 * The documented ranges of LinkAI's own options: a request's, and the client's
	 * defaults once.
	 */
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

	/**
	 * LinkAI documents {@code top_p} as an integer (validation allows only whole
	 * numbers).
	 */
	static @Nullable Integer topP(ChatOptions options) {
		Double topP = options.topP();
		return (topP != null) ? topP.intValue() : null;
	}

	/** The session id of a reply; plain chat echoes {@code "session_id": null}. */
	@Override
	protected @Nullable String sessionId(Reply reply, ExchangeContext context) {
		Object sessionId = reply.extraOrEmpty().get(SESSION_ID);
		return (sessionId instanceof String || sessionId instanceof Number) ? sessionId.toString() : null;
	}

	@Override
	public StatusMapping statusMapping() {
		return STATUSES;
	}

	/**
	 * The choice's {@code img_urls}, the media LinkAI's own bot shows with an answer,
	 * each of the kind its URL's extension tells.
	 */
	@Override
	protected List<AnswerMedia> media(Choice choice) {
		List<String> urls = choice.imgUrls();
		if (urls == null || urls.isEmpty()) {
			return List.of();
		}
		List<AnswerMedia> media = new ArrayList<>(urls.size());
		for (String url : urls) {
			if (url != null && !url.isBlank()) {
				media.add(AnswerMedia.ofUrl(url));
			}
		}
		return media;
	}

	/**
	 * The unmapped fields but {@code session_id} (mapped), with the raw parts of
	 * multimodal content, which the text leaves out, and the choice's
	 * {@code text_content} (the answer's text without its media), when sent.
	 */
	@Override
	protected Map<String, @Nullable Object> providerFields(Reply reply, @Nullable Content content) {
		Map<String, @Nullable Object> extra = reply.extraOrEmpty();
		Object parts = (content != null && content.content() instanceof List<?> list) ? list : null;
		Choice choice = reply.firstChoice();
		String textContent = (choice != null) ? choice.textContent() : null;
		if (parts == null && textContent == null && !extra.containsKey(SESSION_ID)) {
			return extra;
		}
		if (parts == null && textContent == null && extra.size() == 1) {
			return Map.of(); // only session_id, on every chat event: no copy per chunk
		}
		Map<String, @Nullable Object> fields = new LinkedHashMap<>(extra);
		fields.remove(SESSION_ID);
		if (parts != null) {
			fields.put("content", parts);
		}
		if (textContent != null) {
			fields.put("text_content", textContent);
		}
		return fields;
	}

}
