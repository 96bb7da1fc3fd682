package io.github.linkai.sample;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatSession;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.Usage;
import io.github.linkai.spring.client.error.ApiAccessDeniedException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * What the sample does with the auto-configured clients: stream an answer, printing each
 * piece as it arrives, then its token usage; ask the same question of the named client
 * {@value #NAMED_CLIENT} (configured in {@code application.properties}), with a blocking
 * call; then ask two questions in one memory-chat session.
 */
@Component
class SampleConversation implements ApplicationRunner {

	static final String DEFAULT_QUESTION = "你好!请用一句话介绍一下 LinkAI。";

	static final String FIRST_TURN = "My name is Ada and I like Spring Boot.";

	static final String SECOND_TURN = "What is my name?";

	/**
	 * The named client the sample configures ({@code linkai.clients.precise.*}) and
	 * injects by its qualifier.
	 */
	static final String NAMED_CLIENT = "precise";

	private final ChatClient chatClient;

	private final ChatClient namedClient;

	private final MemoryChatClient memoryChatClient;

	private final PrintStream out = System.out;

	SampleConversation(ChatClient chatClient, @Qualifier(NAMED_CLIENT) ChatClient namedClient,
			MemoryChatClient memoryChatClient) {
		this.chatClient = chatClient;
		this.namedClient = namedClient;
		this.memoryChatClient = memoryChatClient;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> questions = args.getNonOptionArgs();
		String question = questions.isEmpty() ? DEFAULT_QUESTION : String.join(" ", questions);

		this.out.println();
		this.out.println("Chat (" + this.chatClient.provider() + "), streamed:");
		this.out.println("> " + question);
		Reply reply = print(this.chatClient.stream(question));
		this.out.println("[usage: " + describe(reply.usage()) + "]");

		this.out.println();
		this.out
			.println("Named client '" + this.namedClient.name() + "' (" + this.namedClient.provider() + "), blocking:");
		this.out.println("> " + question);
		this.out.println("< " + this.namedClient.chat(question));

		this.out.println();
		this.out.println("Memory chat: two turns in a new session, the server keeps the history.");
		try {
			converse(this.memoryChatClient.newSession());
		}
		catch (ApiAccessDeniedException ex) {
			// LinkAI's memory chat is for the standard plan and above; plain chat still
			// worked.
			this.out.println();
			this.out.println("[memory chat skipped: " + ex.getMessage() + "]");
		}
		this.out.println();
	}

	private void converse(ChatSession session) {
		this.out.println("> " + FIRST_TURN);
		String assigned = print(session.stream(FIRST_TURN)).sessionId();
		this.out.println("> " + SECOND_TURN);
		String continuedIn = print(session.stream(SECOND_TURN)).sessionId();
		// The session id identifies an end user to the provider: say what happened, not
		// which id it was.
		boolean continued = assigned != null && assigned.equals(continuedIn);
		this.out
			.println(continued ? "[session continued: the server assigned a session id on turn 1 and turn 2 used it]"
					: "[session not continued: turn 2 did not run in the session assigned on turn 1]");
	}

	/**
	 * Prints each delta as it arrives; returns the usage and session id the stream
	 * reported, if any.
	 */
	private Reply print(Flux<ChatChunk> stream) {
		Usage usage = null;
		String sessionId = null;
		this.out.print("< ");
		for (ChatChunk chunk : stream.toIterable()) {
			this.out.print(chunk.delta());
			this.out.flush();
			usage = (chunk.usage() != null) ? chunk.usage() : usage;
			sessionId = (chunk.sessionId() != null) ? chunk.sessionId() : sessionId;
		}
		this.out.println();
		return new Reply(usage, sessionId);
	}

	private static String describe(@Nullable Usage usage) {
		if (usage == null) {
			return "not reported";
		}
		return Objects.toString(usage.inputTokens(), "?") + " prompt + " + Objects.toString(usage.outputTokens(), "?")
				+ " completion = " + Objects.toString(usage.totalTokens(), "?") + " tokens";
	}

	/** What a streamed reply reported besides its text. */
	private record Reply(@Nullable Usage usage, @Nullable String sessionId) {
	}

}
