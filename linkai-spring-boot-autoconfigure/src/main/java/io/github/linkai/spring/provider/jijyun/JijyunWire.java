package io.github.linkai.spring.provider.jijyun;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Jijyun's JSON, as records bound by the shared mapper. Unknown reply fields are kept in
 * {@code extra}.
 */
final class JijyunWire {

	private JijyunWire() {
	}

	/**
	 * The chat body, its fields in the document's order and with the document's JSON
	 * types: note that {@code max_tokens} and {@code temperature} are strings.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ChatBody(String content, @JsonProperty("return_format") @Nullable String returnFormat,
			@Nullable Boolean search, @Nullable String visitorId, @Nullable String chatMode,
			@Nullable List<String> intention, @JsonProperty("max_tokens") @Nullable String maxTokens,
			@Nullable String knowledge, @Nullable String system, @Nullable List<String> tools,
			@Nullable String temperature, @Nullable Map<String, @Nullable Object> fielditem,
			@JsonProperty("handler_type") @Nullable String handlerType,
			@JsonProperty("fix_content") @Nullable String fixContent, boolean stream,
			@JsonProperty("ibotID") @Nullable String ibotId) {
	}

	/**
	 * A complete reply or one stream event. Only {@code usage} is marked required by the
	 * document; every field is read as optional.
	 */
	record Reply(@Nullable String desc, @Nullable String msgKey, @Nullable List<@Nullable Source> source,
			@Nullable Cost usage, @Nullable String visitorId, @JsonAnySetter @Nullable Map<String, Object> extra) {
	}

	/** One search source. */
	record Source(@Nullable String link, @Nullable String snippet, @Nullable String title) {
	}

	/**
	 * {@code usage}: the document shows only {@code total_cost}; other fields are kept in
	 * {@code extra}.
	 */
	record Cost(@JsonProperty("total_cost") @Nullable BigDecimal totalCost,
			@JsonAnySetter @Nullable Map<String, Object> extra) {
	}

}
