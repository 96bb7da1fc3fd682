package io.github.linkai.spring.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A complete answer in provider-neutral form.
 *
 * @param provider the provider that answered, e.g. {@code linkai}
 * @param clientName the configured client that made the call
 * @param model the model the provider reports, else the one requested, if any
 * @param content the answer text
 * @param finishReason why generation stopped (e.g. {@code stop}), if reported
 * @param usage token usage, if reported
 * @param sessionId the conversation id: LinkAI memory chat's {@code session_id} (send it
 * next time), Jijyun's {@code msgKey}; {@code null} if none
 * @param requestId the provider's request id (Lingma {@code requestId}), if any
 * @param sources search sources the answer is based on (Jijyun {@code source[]}),
 * possibly empty
 * @param cost the call's cost as the provider reports it (Jijyun
 * {@code usage.total_cost}), if any
 * @param providerFields fields of the provider's reply this model does not map (e.g.
 * Jijyun's {@code msgKey}, an OpenAI-style {@code id}), as parsed JSON values (a JSON
 * null is kept as {@code null})
 */
public record ChatResponse(String provider, String clientName, @Nullable String model, String content,
		@Nullable String finishReason, @Nullable Usage usage, @Nullable String sessionId, @Nullable String requestId,
		List<SearchSource> sources, @Nullable BigDecimal cost, Map<String, @Nullable Object> providerFields) {

	public ChatResponse {
		sources = List.copyOf(sources);
		providerFields = ProviderFields.copyOf(providerFields);
	}

	/**
	 * The answer's length, not its text, whether a session id is set, not the id, and the
	 * provider fields' names, not their values (Jijyun's {@code visitorId} names a user):
	 * an answer is user data and ends up in logs.
	 */
	@Override
	public String toString() {
		return "ChatResponse[provider=" + this.provider + ", clientName=" + this.clientName + ", model=" + this.model
				+ ", content=" + this.content.length() + " chars, finishReason=" + this.finishReason + ", usage="
				+ this.usage + ", sessionId=" + ((this.sessionId != null) ? "<set>" : "none") + ", requestId="
				+ this.requestId + ", sources=" + this.sources.size() + ", cost=" + this.cost + ", providerFields="
				+ this.providerFields.keySet() + "]";
	}

}
