package io.github.linkai.spring.test;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The stub's deterministic answers, when a test scripts none. They echo the question, in
 * Chinese when it holds Chinese characters and in English otherwise, and are cut into
 * token-sized pieces: a word with the spaces and punctuation after it, or two Chinese
 * characters with theirs ({@code 你好!}, {@code 我能}, {@code 为你}...), as the providers'
 * streams deliver them.
 */
final class Answers {

	private Answers() {
	}

	/**
	 * The answer to a question in a stateless chat.
	 * @param api the API answering, as a person calls it ({@code LinkAI},
	 * {@code Lingma}...)
	 * @param question the text of the last user message
	 * @param images the number of images sent with it
	 * @param promptTokens the tokens of the whole request
	 */
	static Turn chat(String api, String question, int images, int promptTokens) {
		String text;
		if (isChinese(question)) {
			text = "你好!我是 " + api + " 接口模拟器,在本机运行,不联网,也不调用任何模型。你的问题是:“" + question + "”。"
					+ ((images > 0) ? "另外收到了 " + images + " 张图片。" : "") + "配置真实的 API Key 即可得到模型的回答。";
		}
		else {
			text = "Hello! I am the " + api + " API emulator, running on this machine with no network and no model. "
					+ "You asked: \"" + question + "\". "
					+ ((images > 0) ? "You also sent " + images + ((images == 1) ? " image. " : " images. ") : "")
					+ "Configure a real API key to get a model's answer.";
		}
		return new Turn(tokens(text), promptTokens);
	}

	/**
	 * The answer after tool results: it quotes them, in Chinese when the question holds
	 * Chinese characters.
	 * @param question the text of the last user message
	 * @param results the tool results sent since the tool calls
	 * @param promptTokens the tokens of the whole request
	 */
	static Turn toolResults(String question, List<String> results, int promptTokens) {
		String text = isChinese(question) ? "根据工具结果:“" + String.join("”,“", results) + "”。"
				: "From the tools: \"" + String.join("\", \"", results) + "\".";
		return new Turn(tokens(text), promptTokens);
	}

	/**
	 * The answer to a question in a conversation the server remembers.
	 * @param question this turn's question
	 * @param turn the turn's number in the session, from 1
	 * @param previousQuestion the question of the turn before, if any
	 * @param historyTokens the tokens of the remembered turns, sent to the model with the
	 * question
	 */
	static Turn memory(String question, int turn, @Nullable String previousQuestion, int historyTokens) {
		String text;
		if (isChinese(question)) {
			text = "这是本会话的第 " + turn + " 轮。"
					+ ((previousQuestion != null) ? "上一轮你说:“" + previousQuestion + "”。" : "我会记住这次对话。") + "这一轮你说:“"
					+ question + "”。";
		}
		else {
			text = "This is turn " + turn + " of this session. " + ((previousQuestion != null)
					? "Last turn you said: \"" + previousQuestion + "\". " : "I will remember this conversation. ")
					+ "This turn you said: \"" + question + "\".";
		}
		return new Turn(tokens(text), historyTokens + countTokens(question));
	}

	/** The stub's token count of a text: the number of pieces it would be streamed in. */
	static int countTokens(String text) {
		return tokens(text).size();
	}

	/** Cuts a text into token-sized pieces that join back into it. */
	static List<String> tokens(String text) {
		List<String> pieces = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			int start = i;
			int first = text.codePointAt(i);
			i += Character.charCount(first);
			if (isHan(first)) {
				if (i < text.length() && isHan(text.codePointAt(i))) {
					i += Character.charCount(text.codePointAt(i));
				}
			}
			else if (Character.isLetterOrDigit(first)) {
				i = endOfWord(text, i);
			}
			while (i < text.length() && !startsPiece(text.codePointAt(i))) {
				i += Character.charCount(text.codePointAt(i));
			}
			pieces.add(text.substring(start, i));
		}
		return pieces;
	}

	private static int endOfWord(String text, int from) {
		int i = from;
		while (i < text.length()) {
			int c = text.codePointAt(i);
			boolean apostrophe = c == '\'' && i + 1 < text.length() && Character.isLetter(text.codePointAt(i + 1));
			if (isHan(c) || !(Character.isLetterOrDigit(c) || apostrophe)) {
				return i;
			}
			i += Character.charCount(c);
		}
		return i;
	}

	private static boolean startsPiece(int codePoint) {
		return isHan(codePoint) || Character.isLetterOrDigit(codePoint);
	}

	private static boolean isChinese(String text) {
		return text.codePoints().anyMatch(Answers::isHan);
	}

	private static boolean isHan(int codePoint) {
		return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
	}

}
