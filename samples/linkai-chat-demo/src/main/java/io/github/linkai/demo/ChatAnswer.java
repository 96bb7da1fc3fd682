package io.github.linkai.demo;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.SearchSource;
import io.github.linkai.spring.client.Usage;
import org.jspecify.annotations.Nullable;

/**
 * A whole answer as {@code POST /api/chat} returns it: the members a stream's events
 * carry, on one object. The provider's unmapped fields
 * ({@link ChatResponse#providerFields()}) are left out, as the stream's events leave them
 * out: they may name the end user (Jijyun's {@code visitorId}).
 *
 * @param provider the provider that answered
 * @param client the configured client that asked
 * @param model the model, if known
 * @param content the answer
 * @param finishReason why generation stopped, if reported
 * @param usage token usage, if reported
 * @param cost the call's cost, if reported (Jijyun)
 * @param sessionId the conversation id to send with the next memory-chat turn (also
 * Jijyun's {@code msgKey})
 * @param requestId the provider's request id, if any
 * @param sources the search sources the answer is based on (Jijyun)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatAnswer(String provider, String client, @Nullable String model, String content,
		@Nullable String finishReason, @Nullable Usage usage, @Nullable BigDecimal cost, @Nullable String sessionId,
		@Nullable String requestId, List<SearchSource> sources) {

	static ChatAnswer of(ChatResponse response) {
		return new ChatAnswer(response.provider(), response.clientName(), response.model(), response.content(),
				response.finishReason(), response.usage(), response.cost(), response.sessionId(), response.requestId(),
				response.sources());
	}

}
