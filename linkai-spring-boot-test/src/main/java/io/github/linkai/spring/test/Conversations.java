package io.github.linkai.spring.test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Server-side conversation memory, as LinkAI's memory chat keeps it: per app and session,
 * the last few rounds. Bounded in sessions too, the least recently used being forgotten,
 * so a long-running demo does not grow without limit. Thread-safe.
 */
final class Conversations {

	// LinkAI's memory rounds are configured per app; the stub stands in with one fixed
	// number.
	private static final int REMEMBERED_ROUNDS = 10;

	private final Map<String, Conversation> sessions;

	Conversations(int maxSessions) {
		this.sessions = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Conversation> eldest) {
				return size() > maxSessions;
			}

		};
	}

	/**
	 * Answers the next question of a session and remembers the round.
	 * @param app the app the session belongs to (memory is isolated per app), empty for
	 * none
	 * @param sessionId the session
	 * @param question this turn's question
	 */
	synchronized Turn ask(String app, String sessionId, String question) {
		Conversation conversation = this.sessions.computeIfAbsent(app + '\n' + sessionId, (key) -> new Conversation());
		return conversation.ask(question);
	}

	/** Forgets every session. */
	synchronized void clear() {
		this.sessions.clear();
	}

	private static final class Conversation {

		private final Deque<Round> rounds = new ArrayDeque<>();

		private int turns;

		Turn ask(String question) {
			this.turns++;
			Round previous = this.rounds.peekLast();
			int historyTokens = this.rounds.stream().mapToInt(Round::tokens).sum();
			Turn answer = Answers.memory(question, this.turns, questionOf(previous), historyTokens);
			this.rounds.addLast(new Round(question, Answers.countTokens(question) + answer.completionTokens()));
			if (this.rounds.size() > REMEMBERED_ROUNDS) {
				this.rounds.removeFirst();
			}
			return answer;
		}

		private static @Nullable String questionOf(@Nullable Round round) {
			return (round != null) ? round.question() : null;
		}

	}

	private record Round(String question, int tokens) {
	}

}
