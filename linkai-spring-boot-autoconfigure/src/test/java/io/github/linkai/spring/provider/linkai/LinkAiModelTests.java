package io.github.linkai.spring.provider.linkai;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The model table of the chat document ({@code 001}): 25 codes with their context
 * lengths.
 */
class LinkAiModelTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			LinkAI-3.5        | 16
			LinkAI-4o-mini    | 128
			LinkAI-4o         | 128
			LinkAI-4-turbo    | 128
			LinkAI-4          | 8
			o1-mini           | 128
			o1-preview        | 128
			moonshot          | 128
			claude-3-5-sonnet | 200
			claude-3-haiku    | 200
			claude-3-sonnet   | 200
			claude-3-opus     | 200
			qwen-turbo        | 8
			qwen-plus         | 32
			qwen-max          | 8
			wenxin            | 8
			wenxin-4          | 8
			doubao-pro-4K     | 4
			doubao-pro-32K    | 32
			doubao-pro-128K   | 128
			glm-4             | 4
			xunfei            | 8
			gemini            | 32
			gemini-1.5-flash  | 1000
			gemini-1.5-pro    | 1000
			""")
	void documentedCodeHasItsDocumentedContextLength(String code, int contextK) {
		LinkAiModel model = LinkAiModel.of(code);

		assertThat(model.code()).isEqualTo(code);
		assertThat(model.contextTokens()).isEqualTo(contextK * 1000);
		assertThat(LinkAiModel.documented()).contains(model);
	}

	@Test
	void documentedModelsAreTheTwentyFiveOfTheTableInItsOrder() {
		assertThat(LinkAiModel.documented()).hasSize(25)
			.startsWith(LinkAiModel.LINKAI_3_5, LinkAiModel.LINKAI_4O_MINI)
			.endsWith(LinkAiModel.GEMINI_1_5_FLASH, LinkAiModel.GEMINI_1_5_PRO)
			.doesNotHaveDuplicates();
	}

	@Test
	void documentedModelsCannotBeChanged() {
		assertThat(LinkAiModel.documented()).isUnmodifiable();
	}

	@Test
	void constantsCarryTheDocumentedCodes() {
		assertThat(LinkAiModel.LINKAI_4O_MINI.code()).isEqualTo("LinkAI-4o-mini");
		assertThat(LinkAiModel.CLAUDE_3_5_SONNET.contextTokens()).isEqualTo(200_000);
		assertThat(LinkAiModel.DOUBAO_PRO_4K.code()).isEqualTo("doubao-pro-4K");
	}

	@Test
	void unknownCodeIsAcceptedWithUnknownContextLength() {
		LinkAiModel model = LinkAiModel.of("deepseek-chat");

		assertThat(model.code()).isEqualTo("deepseek-chat");
		assertThat(model.contextTokens()).isNull();
	}

	@Test
	void codesAreMatchedExactly() {
		assertThat(LinkAiModel.of("linkai-4o-mini").contextTokens()).isNull();
	}

	@Test
	void blankCodeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> LinkAiModel.of(" "));
		assertThatNullPointerException().isThrownBy(() -> new LinkAiModel(null, 8_000));
	}

}
