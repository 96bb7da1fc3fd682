package io.github.linkai.spring.provider.jijyun;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.linkai.spring.client.ProviderOptions;
import org.jspecify.annotations.Nullable;

/**
 * The fields of Jijyun's chat body that the neutral
 * {@link io.github.linkai.spring.client.ChatRequest} has no place for. Attach them to a
 * request with
 * {@link io.github.linkai.spring.client.ChatRequest.Builder#providerOptions(ProviderOptions)},
 * or give them to the client as {@link JijyunSettings#defaults()}: a request's own values
 * override the client's field by field. Every field is optional and an unset
 * ({@code null}) field is not sent.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *         .user("今天是几号?")
 *         .providerOptions(JijyunOptions.builder().ibotId("jjyibotID_...").search(true).build())
 *         .build();
 * }</pre>
 *
 * <p>
 * Where a neutral field and a Jijyun field fill the same wire field, a request's own
 * values beat the client's, and one level must not set both: a request with a system
 * message <em>and</em> {@link #system()} set, or with {@code model} <em>and</em>
 * {@link #chatMode()} set, is rejected before anything is sent (as is a client whose
 * defaults set both {@code model} and {@code chatMode}). A request's system message
 * therefore replaces the client's default {@code system}, and a request's {@code model}
 * the client's default {@code chatMode}.
 *
 * <p>
 * Strings must not be blank when set: leave a field {@code null} to omit it. An empty
 * {@link #tools()} or {@link #intention()} list is sent as {@code []}, so a request can
 * clear a client's default list.
 *
 * @param ibotId the assistant id (see Jijyun's assistant list API)
 * @param visitorId the visitor (end user) id, {@code visitorId}
 * @param chatMode the conversation model, {@code chatMode}; the neutral {@code model}
 * option fills it too
 * @param knowledge the knowledge id, {@code knowledge}
 * @param search whether the assistant may search the web, {@code search}; the pages it
 * used come back as {@link io.github.linkai.spring.client.ChatResponse#sources()}
 * @param tools the tools, {@code tools}
 * @param intention the intentions, {@code intention}
 * @param returnFormat the answer's format, {@code return_format}
 * @param fielditem extra information about the contact, {@code fielditem}, sent as a JSON
 * object
 * @param handlerType how a knowledge assistant handles the question, {@code handler_type}
 * @param fixContent the fixed reply of a knowledge assistant set to answer with fixed
 * content, {@code fix_content}
 * @param system the conversation background, {@code system}; a request's system message
 * fills it too
 */
public record JijyunOptions(@Nullable String ibotId, @Nullable String visitorId, @Nullable String chatMode,
		@Nullable String knowledge, @Nullable Boolean search, @Nullable List<String> tools,
		@Nullable List<String> intention, @Nullable String returnFormat,
		@Nullable Map<String, @Nullable Object> fielditem, @Nullable String handlerType, @Nullable String fixContent,
		@Nullable String system) implements ProviderOptions {

	private static final JijyunOptions NONE = builder().build();

	public JijyunOptions {
		notBlank("ibotId", ibotId);
		notBlank("visitorId", visitorId);
		notBlank("chatMode", chatMode);
		notBlank("knowledge", knowledge);
		notBlank("returnFormat", returnFormat);
		notBlank("handlerType", handlerType);
		notBlank("fixContent", fixContent);
		notBlank("system", system);
		tools = copy("tools", tools);
		intention = copy("intention", intention);
		if (fielditem != null) {
			// Not Map.copyOf: a contact field may be null, and the caller's order is what
			// goes on the wire.
			Map<String, @Nullable Object> copy = new LinkedHashMap<>(fielditem);
			if (copy.containsKey(null)) {
				throw new IllegalArgumentException("fielditem must not have a null key");
			}
			fielditem = Collections.unmodifiableMap(copy);
		}
	}

	/** Options with nothing set. */
	public static JijyunOptions none() {
		return NONE;
	}

	/** A new builder. */
	public static Builder builder() {
		return new Builder();
	}

	/** {@value Jijyun#PROVIDER}. */
	@Override
	public String provider() {
		return Jijyun.PROVIDER;
	}

	/** These options, with every unset field taken from {@code defaults}. */
	public JijyunOptions orElse(JijyunOptions defaults) {
		if (defaults.equals(NONE) || equals(defaults)) {
			return this;
		}
		return new JijyunOptions(or(this.ibotId, defaults.ibotId), or(this.visitorId, defaults.visitorId),
				or(this.chatMode, defaults.chatMode), or(this.knowledge, defaults.knowledge),
				or(this.search, defaults.search), or(this.tools, defaults.tools),
				or(this.intention, defaults.intention), or(this.returnFormat, defaults.returnFormat),
				or(this.fielditem, defaults.fielditem), or(this.handlerType, defaults.handlerType),
				or(this.fixContent, defaults.fixContent), or(this.system, defaults.system));
	}

	@Override
	public String toString() {
		// The visitor id and the contact fields identify an end user: say only whether
		// they are set.
		return "JijyunOptions[ibotId=" + this.ibotId + ", visitorId=" + ((this.visitorId != null) ? "<set>" : null)
				+ ", chatMode=" + this.chatMode + ", knowledge=" + this.knowledge + ", search=" + this.search
				+ ", tools=" + this.tools + ", intention=" + this.intention + ", returnFormat=" + this.returnFormat
				+ ", fielditem=" + ((this.fielditem != null) ? this.fielditem.keySet() : null) + ", handlerType="
				+ this.handlerType + ", fixContent=" + ((this.fixContent != null) ? "<set>" : null) + ", system="
				+ ((this.system != null) ? "<set>" : null) + "]";
	}

	private static void notBlank(String field, @Nullable String value) {
		if (value != null && value.isBlank()) {
			throw new IllegalArgumentException(field + " must not be blank when set (leave it null to omit it)");
		}
	}

	private static @Nullable List<String> copy(String field, @Nullable List<String> values) {
		if (values == null) {
			return null;
		}
		for (String value : values) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(field + " must not hold a null or blank entry");
			}
		}
		return List.copyOf(values);
	}

	private static <T> @Nullable T or(@Nullable T value, @Nullable T fallback) {
		return (value != null) ? value : fallback;
	}

	/** Builds {@link JijyunOptions}; every field starts unset. */
	public static final class Builder {

		private @Nullable String ibotId;

		private @Nullable String visitorId;

		private @Nullable String chatMode;

		private @Nullable String knowledge;

		private @Nullable Boolean search;

		private @Nullable List<String> tools;

		private @Nullable List<String> intention;

		private @Nullable String returnFormat;

		private @Nullable Map<String, @Nullable Object> fielditem;

		private @Nullable String handlerType;

		private @Nullable String fixContent;

		private @Nullable String system;

		private Builder() {
		}

		/** The assistant id. */
		public Builder ibotId(@Nullable String ibotId) {
			this.ibotId = ibotId;
			return this;
		}

		/** The visitor (end user) id ({@code visitorId}). */
		public Builder visitorId(@Nullable String visitorId) {
			this.visitorId = visitorId;
			return this;
		}

		/** The conversation model ({@code chatMode}). */
		public Builder chatMode(@Nullable String chatMode) {
			this.chatMode = chatMode;
			return this;
		}

		/** The knowledge id ({@code knowledge}). */
		public Builder knowledge(@Nullable String knowledge) {
			this.knowledge = knowledge;
			return this;
		}

		/** Whether the assistant may search the web ({@code search}). */
		public Builder search(@Nullable Boolean search) {
			this.search = search;
			return this;
		}

		/** The tools ({@code tools}). */
		public Builder tools(@Nullable List<String> tools) {
			this.tools = tools;
			return this;
		}

		/** The intentions ({@code intention}). */
		public Builder intention(@Nullable List<String> intention) {
			this.intention = intention;
			return this;
		}

		/** The answer's format ({@code return_format}). */
		public Builder returnFormat(@Nullable String returnFormat) {
			this.returnFormat = returnFormat;
			return this;
		}

		/**
		 * Extra information about the contact ({@code fielditem}), sent as a JSON object.
		 */
		public Builder fielditem(@Nullable Map<String, @Nullable Object> fielditem) {
			this.fielditem = fielditem;
			return this;
		}

		/** How a knowledge assistant handles the question ({@code handler_type}). */
		public Builder handlerType(@Nullable String handlerType) {
			this.handlerType = handlerType;
			return this;
		}

		/**
		 * The fixed reply of a knowledge assistant set to answer with fixed content
		 * ({@code fix_content}).
		 */
		public Builder fixContent(@Nullable String fixContent) {
			this.fixContent = fixContent;
			return this;
		}

		/** The conversation background ({@code system}). */
		public Builder system(@Nullable String system) {
			this.system = system;
			return this;
		}

		/**
		 * The options. @throws IllegalArgumentException naming a blank string or list
		 * entry
		 */
		public JijyunOptions build() {
			return new JijyunOptions(this.ibotId, this.visitorId, this.chatMode, this.knowledge, this.search,
					this.tools, this.intention, this.returnFormat, this.fielditem, this.handlerType, this.fixContent,
					this.system);
		}

	}

}
