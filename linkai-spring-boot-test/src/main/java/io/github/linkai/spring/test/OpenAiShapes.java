package io.github.linkai.spring.test;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the OpenAI-shaped endpoints (the OpenAI-compatible one, LinkAI's chat) write of a
 * turn's reasoning and tool calls: the complete message, the stream's deltas in order,
 * the finish chunk's delta and reason, and the usage with its reasoning tokens.
 */
final class OpenAiShapes {

	private OpenAiShapes() {
	}

	/**
	 * A complete reply's message: the text ({@code null} for a turn that only calls
	 * tools), the reasoning, the calls whole.
	 */
	static ObjectNode message(Turn turn) {
		ObjectNode message = StubHttp.object().put("role", "assistant");
		List<Turn.ToolCall> calls = turn.extras().toolCalls();
		if (calls.isEmpty() || !turn.text().isEmpty()) {
			message.put("content", turn.text());
		}
		else {
			message.putNull("content");
		}
		if (!turn.extras().reasoning().isEmpty()) {
			message.put("reasoning_content", String.join("", turn.extras().reasoning()));
		}
		if (!calls.isEmpty()) {
			ArrayNode wire = message.putArray("tool_calls");
			for (Turn.ToolCall call : calls) {
				wire.add(whole(call, null));
			}
		}
		return message;
	}

	/**
	 * The stream's deltas before the finish chunk: reasoning pieces, text pieces, then
	 * each call's fragments in the turn's style (none in {@link StubWireStyle#GLM}, which
	 * sends the calls whole in the finish chunk).
	 */
	static List<ObjectNode> deltas(Turn turn) {
		Turn.Extras extras = turn.extras();
		List<ObjectNode> deltas = new ArrayList<>(
				extras.reasoning().size() + turn.chunks().size() + 4 * extras.toolCalls().size());
		for (String piece : extras.reasoning()) {
			deltas.add(StubHttp.object().put("reasoning_content", piece));
		}
		for (String piece : turn.chunks()) {
			deltas.add(StubHttp.object().put("content", piece));
		}
		if (extras.style() == StubWireStyle.GLM) {
			return deltas;
		}
		for (int i = 0; i < extras.toolCalls().size(); i++) {
			Turn.ToolCall call = extras.toolCalls().get(i);
			ObjectNode first = StubHttp.object();
			first.putArray("tool_calls").add(whole(new Turn.ToolCall(call.id(), call.name(), ""), i));
			deltas.add(first);
			for (String piece : call.pieces()) {
				ObjectNode fragment = StubHttp.object().put("index", i);
				switch (extras.style()) {
					case DEEPSEEK -> fragment.put("id", "")
						.put("type", "function")
						.putObject("function")
						.put("name", "")
						.put("arguments", piece);
					case QWEN -> fragment.put("id", call.id())
						.put("type", "function")
						.putObject("function")
						.putNull("name")
						.put("arguments", piece);
					default -> fragment.putObject("function").put("arguments", piece);
				}
				ObjectNode delta = StubHttp.object();
				delta.putArray("tool_calls").add(fragment);
				deltas.add(delta);
			}
		}
		return deltas;
	}

	/**
	 * The finish chunk's delta: empty, or (GLM) the calls whole.
	 */
	static ObjectNode finishDelta(Turn turn) {
		ObjectNode delta = StubHttp.object();
		List<Turn.ToolCall> calls = turn.extras().toolCalls();
		if (turn.extras().style() == StubWireStyle.GLM && !calls.isEmpty()) {
			delta.put("role", "assistant").put("content", "");
			ArrayNode wire = delta.putArray("tool_calls");
			for (int i = 0; i < calls.size(); i++) {
				wire.add(whole(calls.get(i), i));
			}
		}
		return delta;
	}

	/** {@code tool_calls} when the turn calls tools, else {@code stop}. */
	static String finishReason(Turn turn) {
		return turn.extras().toolCalls().isEmpty() ? "stop" : "tool_calls";
	}

	/**
	 * The usage: prompt, completion and total tokens, with the reasoning tokens in
	 * {@code completion_tokens_details} when the turn reasons.
	 */
	static ObjectNode usage(Turn turn) {
		ObjectNode usage = StubHttp.object()
			.put("prompt_tokens", turn.promptTokens())
			.put("completion_tokens", turn.completionTokens())
			.put("total_tokens", turn.totalTokens());
		if (!turn.extras().reasoning().isEmpty()) {
			usage.putObject("completion_tokens_details").put("reasoning_tokens", turn.extras().reasoning().size());
		}
		return usage;
	}

	/** The media URLs of the choice ({@code img_urls}), when the turn has some. */
	static void media(ObjectNode choice, Turn turn) {
		if (!turn.extras().media().isEmpty()) {
			ArrayNode urls = choice.putArray("img_urls");
			turn.extras().media().forEach(urls::add);
		}
	}

	private static ObjectNode whole(Turn.ToolCall call, @Nullable Integer index) {
		ObjectNode wire = StubHttp.object();
		if (index != null) {
			wire.put("index", index);
		}
		wire.put("id", call.id()).put("type", "function");
		wire.putObject("function").put("name", call.name()).put("arguments", call.arguments());
		return wire;
	}

}
