package io.github.linkai.spring.ai;

import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.Advisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * Sends Spring AI's conversation id ({@link ChatMemory#CONVERSATION_ID} in the advisor
 * context) as the memory-chat session id of a {@link ClientChatModel#ofMemory memory chat
 * model}, so the server keeps that conversation:
 *
 * <pre>{@code
 * ChatClient chat = ChatClient.builder(memoryChatModel).defaultAdvisors(new ConversationSessionAdvisor()).build();
 * chat.prompt().user("我叫小明").advisors((a) -> a.param(ChatMemory.CONVERSATION_ID, sessionId)).call().content();
 * }</pre>
 *
 * A model sees only the prompt, not the advisor context: this advisor carries the id over
 * into the prompt's {@link ClientChatOptions}. A session id set in the options wins. It
 * takes the place of Spring AI's chat-memory advisors, which would resend a history the
 * server already has. It implements the call and stream interfaces itself rather than
 * {@code BaseAdvisor}, whose stream wraps every error in an
 * {@code IllegalStateException}.
 */
public final class ConversationSessionAdvisor implements CallAdvisor, StreamAdvisor {

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		return chain.nextCall(withSession(request));
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return Flux.defer(() -> chain.nextStream(withSession(request)));
	}

	private static ChatClientRequest withSession(ChatClientRequest request) {
		Object conversationId = request.context().get(ChatMemory.CONVERSATION_ID);
		if (conversationId == null) {
			return request;
		}
		ChatOptions options = request.prompt().getOptions();
		ClientChatOptions ours = (options != null) ? ClientChatOptions.from(options)
				: ClientChatOptions.builder().build();
		if (ours.getSessionId() != null) {
			return request;
		}
		ClientChatOptions withSession = ours.mutate().sessionId(conversationId.toString()).build();
		return request.mutate().prompt(request.prompt().mutate().chatOptions(withSession).build()).build();
	}

	@Override
	public String getName() {
		return "ConversationSessionAdvisor";
	}

	/**
	 * Where Spring AI's own chat-memory advisors sit,
	 * {@link Advisor#DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER}.
	 */
	@Override
	public int getOrder() {
		return Advisor.DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER;
	}

}
