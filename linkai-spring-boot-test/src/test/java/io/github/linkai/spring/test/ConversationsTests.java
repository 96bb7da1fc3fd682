package io.github.linkai.spring.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link Conversations}. */
class ConversationsTests {

	@Test
	void countsTheTurnsOfEachSessionOfEachApp() {
		Conversations conversations = new Conversations(10);

		conversations.ask("", "s1", "one");
		conversations.ask("", "s1", "two");

		assertThat(conversations.ask("", "s1", "three").text()).contains("turn 3", "\"two\"");
		assertThat(conversations.ask("", "s2", "one").text()).contains("turn 1");
		assertThat(conversations.ask("app", "s1", "one").text()).contains("turn 1");
	}

	@Test
	void forgetsTheLeastRecentlyUsedSessionBeyondItsLimit() {
		Conversations conversations = new Conversations(2);
		conversations.ask("", "s1", "hi");
		conversations.ask("", "s2", "hi");
		conversations.ask("", "s1", "hi");

		conversations.ask("", "s3", "hi");

		assertThat(conversations.ask("", "s1", "hi").text()).contains("turn 3");
		assertThat(conversations.ask("", "s2", "hi").text()).contains("turn 1");
	}

	@Test
	void promptHoldsOnlyTheRememberedRounds() {
		Conversations conversations = new Conversations(10);
		int[] prompts = new int[14];
		for (int turn = 1; turn <= 13; turn++) {
			prompts[turn] = conversations.ask("", "s1", "same").promptTokens();
		}

		// Ten rounds are remembered: the prompt grows until turn 11, then older rounds
		// drop out.
		assertThat(prompts[11]).isGreaterThan(prompts[10]);
		assertThat(prompts[13]).isEqualTo(prompts[12]);
	}

}
