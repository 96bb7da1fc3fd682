package io.github.linkai.spring.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link Answers}. */
class AnswersTests {

	@Test
	void cutsChineseIntoPairsOfCharactersWithTheirPunctuationAsTheDocumentedStreamDoes() {
		assertThat(Answers.tokens("你好!我能为你做些什么?")).containsExactly("你好!", "我能", "为你", "做些", "什么?");
	}

	@Test
	void cutsEnglishIntoWordsWithTheSpacesAndPunctuationAfterThem() {
		assertThat(Answers.tokens("Hello, it's 2 o'clock.")).containsExactly("Hello, ", "it's ", "2 ", "o'clock.");
	}

	@Test
	void piecesJoinBackIntoTheText() {
		String text = "  混合 text:“Spring Boot 4.1”很好用!\n🙂 ok";

		assertThat(String.join("", Answers.tokens(text))).isEqualTo(text);
	}

	@Test
	void answersInTheLanguageOfTheQuestion() {
		assertThat(Answers.chat("LinkAI", "今天天气怎么样?", 0, 1).text()).startsWith("你好!").contains("“今天天气怎么样?”");
		assertThat(Answers.chat("LinkAI", "How is the weather?", 2, 1).text()).startsWith("Hello!")
			.contains("\"How is the weather?\"", "2 images");
	}

	@Test
	void memoryAnswerNamesTheTurnAndThePreviousQuestion() {
		assertThat(Answers.memory("我叫什么?", 2, "我叫小明。", 10).text())
			.isEqualTo("这是本会话的第 2 轮。上一轮你说:“我叫小明。”。这一轮你说:“我叫什么?”。");
		assertThat(Answers.memory("Hi", 1, null, 0).text()).isEqualTo(
				"This is turn 1 of this session. I will remember this conversation. This turn you said: \"Hi\".");
	}

	@Test
	void countsOneCompletionTokenPerPieceAndTheHistoryInThePrompt() {
		Turn answer = Answers.memory("Who am I?", 3, "I am Ada.", 40);

		assertThat(answer.completionTokens()).isEqualTo(answer.chunks().size());
		assertThat(answer.promptTokens()).isEqualTo(40 + 3);
		assertThat(answer.totalTokens()).isEqualTo(answer.promptTokens() + answer.completionTokens());
	}

}
