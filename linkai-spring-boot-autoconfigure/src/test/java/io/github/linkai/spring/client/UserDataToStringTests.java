package io.github.linkai.spring.client;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model's {@code toString()}s, which end up in logs and exception messages, print the
 * shape of a conversation, never what a user wrote or was answered, nor the ids that
 * identify them.
 */
class UserDataToStringTests {

	private static final String PROMPT = "我的身份证号是 110101199003071234";

	private static final String ANSWER = "您好张三,您的订单 A-7781 已发货";

	private static final String SESSION = "sess-5f1c9a7e-user-42";

	private static final String IMAGE = "https://cdn.example.com/u/42/id-card.jpg?X-Signature=abc123";

	@Test
	void aRequestPrintsCountsRolesOptionsAndTypesOnly() {
		ChatRequest request = ChatRequest.builder()
			.system("你是客服")
			.user(PROMPT, IMAGE)
			.assistant(ANSWER)
			.model("LinkAI-4o-mini")
			.temperature(0.3)
			.sessionId(SESSION)
			.providerOptions(new TestOptions("visitor-42"))
			.build();

		assertThat(request.toString()).isEqualTo("ChatRequest[messages=3 [system, user, assistant], options="
				+ "ChatOptions[model=LinkAI-4o-mini, temperature=0.3, topP=null, maxTokens=null], sessionId=<set>, "
				+ "providerOptions=[TestOptions]]");
		assertThat(ChatRequest.of(PROMPT).toString()).contains("sessionId=none").doesNotContain(PROMPT);
	}

	@Test
	void aMessageAndItsPartsPrintKindsAndLengthsOnly() {
		ChatMessage message = ChatMessage.user(PROMPT, IMAGE, "data:image/png;base64,iVBORw0KGgo=");

		assertThat(message.toString()).isEqualTo("ChatMessage[role=user, parts=[Text[" + PROMPT.length()
				+ " chars], Image[https URL, " + IMAGE.length() + " chars], Image[data URL, 34 chars]]]");
		assertThat(ContentPart.image("not a url").toString()).isEqualTo("Image[? URL, 9 chars]");
	}

	@Test
	void aResponsePrintsTheAnswersLengthAndTheProviderFieldsNames() {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("msgKey", SESSION);
		fields.put("visitorId", "visitor-42");
		ChatResponse response = new ChatResponse("jijyun", "search", "gpt-4", ANSWER, "stop", Usage.of(3, 4, null),
				SESSION, "req-1", List.of(new SearchSource("https://a.example", "片段", "标题")), new BigDecimal("0.001"),
				fields);

		assertThat(response.toString()).isEqualTo("ChatResponse[provider=jijyun, clientName=search, model=gpt-4, "
				+ "content=" + ANSWER.length() + " chars, finishReason=stop, usage=Usage[inputTokens=3, "
				+ "outputTokens=4, totalTokens=7], sessionId=<set>, requestId=req-1, sources=1, cost=0.001, "
				+ "providerFields=[msgKey, visitorId]]");
	}

	@Test
	void aChunkPrintsTheDeltasLengthOnly() {
		ChatChunk chunk = new ChatChunk(ANSWER, null, null, SESSION, null, List.of(), null,
				Map.of("visitorId", "v-42"));

		assertThat(chunk.toString()).isEqualTo("ChatChunk[provider=null, clientName=null, delta=" + ANSWER.length()
				+ " chars, finishReason=null, "
				+ "usage=null, sessionId=<set>, requestId=null, sources=0, cost=null, providerFields=[visitorId]]");
		assertThat(ChatChunk
			.of(new ChatResponse("linkai", "default", null, ANSWER, null, null, null, null, List.of(), null, Map.of()))
			.toString()).contains("sessionId=none").doesNotContain(ANSWER);
	}

	record TestOptions(String visitorId) implements ProviderOptions {

		@Override
		public String provider() {
			return "test";
		}

	}

}
