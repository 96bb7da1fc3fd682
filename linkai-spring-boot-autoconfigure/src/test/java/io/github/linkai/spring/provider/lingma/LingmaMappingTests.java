package io.github.linkai.spring.provider.lingma;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.spi.ExchangeContext;
import io.github.linkai.spring.client.spi.StreamError;
import io.github.linkai.spring.client.spi.WireJson;
import io.github.linkai.spring.provider.lingma.LingmaWire.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.ORGANIZATION;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The wire mapping alone, on events the document leaves open. */
class LingmaMappingTests {

	private final LingmaMapping mapping = new LingmaMapping(LingmaSettings.of(TOKEN, ORGANIZATION));

	private final ExchangeContext context = new ExchangeContext("lingma", "lingma", ChatRequest.of("你好"));

	@ParameterizedTest
	@ValueSource(strings = { "\"\"", "\" \"", "\"null\"", "\"NULL\"", "null" })
	void aFinishReasonThatSaysNothingDoesNotEndTheStream(String finishReason) {
		ChatChunk chunk = this.mapping
			.toChunk(reply("{\"output\":{\"finish_reason\":" + finishReason + ",\"text\":\"你好\"}}"), this.context);

		assertThat(chunk.delta()).isEqualTo("你好");
		assertThat(chunk.finishReason()).isNull();
	}

	@Test
	void anEventWithoutOutputOrUsageIsSkipped() {
		assertThat(this.mapping.toChunk(reply("{\"requestId\":\"r-1\"}"), this.context)).isNull();
	}

	@Test
	void anEventWithOnlyUsageIsAnEmptyChunk() {
		ChatChunk chunk = this.mapping.toChunk(reply("{\"usage\":{\"input_tokens\":3,\"output_tokens\":4}}"),
				this.context);

		assertThat(chunk.delta()).isEmpty();
		assertThat(chunk.usage().totalTokens()).isEqualTo(7);
	}

	@Test
	void anErrorObjectWithANumericCodeAndMessageIsAStreamError() {
		StreamError error = this.mapping.streamError(reply("{\"code\":429,\"message\":\"Too many requests\"}"));

		assertThat(error).isEqualTo(new StreamError("429", "Too many requests"));
	}

	@Test
	void anEventWithOutputIsNeverAnError() {
		assertThat(this.mapping.streamError(reply("{\"output\":{\"text\":\"你好\"},\"code\":\"OK\"}"))).isNull();
	}

	@Test
	void aReplyWithoutOutputIsNoAnswer() {
		assertThatExceptionOfType(ResponseDecodingException.class)
			.isThrownBy(() -> this.mapping.toResponse(reply("{\"requestId\":\"r-1\"}"), this.context))
			.withMessageContaining("no output");
	}

	@Test
	void anOpenAiStyleErrorObjectIsAnError() {
		StreamError error = this.mapping
			.replyError(reply("{\"error\":{\"message\":\"Invalid request\",\"type\":\"invalid_request_error\"}}"));
		assertThat(error).isEqualTo(new StreamError("invalid_request_error", "Invalid request"));
	}

	@Test
	void theRequestIdIsReadUnderItsSnakeCaseNameToo() {
		assertThat(this.mapping.toResponse(reply("{\"output\":{\"text\":\"好\"},\"request_id\":\"r-2\"}"), this.context)
			.requestId()).isEqualTo("r-2");
	}

	private static Reply reply(String json) {
		return WireJson.mapper().readValue(json, Reply.class);
	}

}
