package io.github.linkai.spring.provider.linkai;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A LinkAI model code and its context length in tokens (K = 1,000 as LinkAI's table
 * counts), with constants for the codes LinkAI documents. Any other code works too:
 * {@link #of(String)} accepts codes this list does not know yet (their context length is
 * then unknown).
 *
 * @param code the value of the {@code model} field
 * @param contextTokens the context length, or {@code null} if unknown
 */
public record LinkAiModel(String code, @Nullable Integer contextTokens) {

	public static final LinkAiModel LINKAI_3_5 = new LinkAiModel("LinkAI-3.5", 16_000);

	public static final LinkAiModel LINKAI_4O_MINI = new LinkAiModel("LinkAI-4o-mini", 128_000);

	public static final LinkAiModel LINKAI_4O = new LinkAiModel("LinkAI-4o", 128_000);

	public static final LinkAiModel LINKAI_4_TURBO = new LinkAiModel("LinkAI-4-turbo", 128_000);

	public static final LinkAiModel LINKAI_4 = new LinkAiModel("LinkAI-4", 8_000);

	public static final LinkAiModel O1_MINI = new LinkAiModel("o1-mini", 128_000);

	public static final LinkAiModel O1_PREVIEW = new LinkAiModel("o1-preview", 128_000);

	public static final LinkAiModel MOONSHOT = new LinkAiModel("moonshot", 128_000);

	public static final LinkAiModel CLAUDE_3_5_SONNET = new LinkAiModel("claude-3-5-sonnet", 200_000);

	public static final LinkAiModel CLAUDE_3_HAIKU = new LinkAiModel("claude-3-haiku", 200_000);

	public static final LinkAiModel CLAUDE_3_SONNET = new LinkAiModel("claude-3-sonnet", 200_000);

	public static final LinkAiModel CLAUDE_3_OPUS = new LinkAiModel("claude-3-opus", 200_000);

	public static final LinkAiModel QWEN_TURBO = new LinkAiModel("qwen-turbo", 8_000);

	public static final LinkAiModel QWEN_PLUS = new LinkAiModel("qwen-plus", 32_000);

	public static final LinkAiModel QWEN_MAX = new LinkAiModel("qwen-max", 8_000);

	public static final LinkAiModel WENXIN = new LinkAiModel("wenxin", 8_000);

	public static final LinkAiModel WENXIN_4 = new LinkAiModel("wenxin-4", 8_000);

	public static final LinkAiModel DOUBAO_PRO_4K = new LinkAiModel("doubao-pro-4K", 4_000);

	public static final LinkAiModel DOUBAO_PRO_32K = new LinkAiModel("doubao-pro-32K", 32_000);

	public static final LinkAiModel DOUBAO_PRO_128K = new LinkAiModel("doubao-pro-128K", 128_000);

	public static final LinkAiModel GLM_4 = new LinkAiModel("glm-4", 4_000);

	public static final LinkAiModel XUNFEI = new LinkAiModel("xunfei", 8_000);

	public static final LinkAiModel GEMINI = new LinkAiModel("gemini", 32_000);

	public static final LinkAiModel GEMINI_1_5_FLASH = new LinkAiModel("gemini-1.5-flash", 1_000_000);

	public static final LinkAiModel GEMINI_1_5_PRO = new LinkAiModel("gemini-1.5-pro", 1_000_000);

	private static final List<LinkAiModel> DOCUMENTED = List.of(LINKAI_3_5, LINKAI_4O_MINI, LINKAI_4O, LINKAI_4_TURBO,
			LINKAI_4, O1_MINI, O1_PREVIEW, MOONSHOT, CLAUDE_3_5_SONNET, CLAUDE_3_HAIKU, CLAUDE_3_SONNET, CLAUDE_3_OPUS,
			QWEN_TURBO, QWEN_PLUS, QWEN_MAX, WENXIN, WENXIN_4, DOUBAO_PRO_4K, DOUBAO_PRO_32K, DOUBAO_PRO_128K, GLM_4,
			XUNFEI, GEMINI, GEMINI_1_5_FLASH, GEMINI_1_5_PRO);

	public LinkAiModel {
		Objects.requireNonNull(code, "code must not be null");
		if (code.isBlank()) {
			throw new IllegalArgumentException("code must not be blank");
		}
	}

	/**
	 * The documented model of that code, or a model of unknown context length for a code
	 * not listed.
	 */
	public static LinkAiModel of(String code) {
		for (LinkAiModel model : DOCUMENTED) {
			if (model.code.equals(code)) {
				return model;
			}
		}
		return new LinkAiModel(code, null);
	}

	/** The models LinkAI documents, in its table's order. */
	public static List<LinkAiModel> documented() {
		return DOCUMENTED;
	}

}
