package io.github.linkai.spring.provider.linkai;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** API keys, bare or with the app code appended as the chat document ({@code 001}) allows for OpenAI SDKs. */
class LinkAiCredentialsTests {

	@Test
	void blankKeyIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> LinkAiCredentials.parse("  "))
			.withMessage("key must not be blank");
	}

	@Test
	void bareKeyHasNoAppCode() {
		LinkAiCredentials credentials = LinkAiCredentials.parse("Link_tOCJYmHxxm55eA1xs");

		assertThat(credentials.apiKey()).isEqualTo("Link_tOCJYmHxxm55eA1xs");
		assertThat(credentials.appCode()).isNull();
	}

	@Test
	void keyWithAppCodeIsSplitAtTheDash() {
		LinkAiCredentials credentials = LinkAiCredentials.parse("Link_tOCJYmHxxm55eA1xs-Kv2fXJcH2");

		assertThat(credentials.apiKey()).isEqualTo("Link_tOCJYmHxxm55eA1xs");
		assertThat(credentials.appCode()).isEqualTo("Kv2fXJcH2");
	}

	@Test
	void keyIsSplitAtItsLastDash() {
		LinkAiCredentials credentials = LinkAiCredentials.parse("Link_a-b-Kv2fXJcH2");

		assertThat(credentials.apiKey()).isEqualTo("Link_a-b");
		assertThat(credentials.appCode()).isEqualTo("Kv2fXJcH2");
	}

	@Test
	void surroundingWhitespaceIsIgnored() {
		LinkAiCredentials credentials = LinkAiCredentials.parse(" Link_tOCJYmHxxm55eA1xs-Kv2fXJcH2\n");

		assertThat(credentials.apiKey()).isEqualTo("Link_tOCJYmHxxm55eA1xs");
		assertThat(credentials.appCode()).isEqualTo("Kv2fXJcH2");
	}

	@Test
	void dashAtEitherEndDoesNotSplit() {
		assertThat(LinkAiCredentials.parse("Link_tOCJYmHxxm55eA1xs-")).isEqualTo(
				new LinkAiCredentials("Link_tOCJYmHxxm55eA1xs-", null));
		assertThat(LinkAiCredentials.parse("-Link_tOCJYmHxxm55eA1xs")).isEqualTo(
				new LinkAiCredentials("-Link_tOCJYmHxxm55eA1xs", null));
	}

	@Test
	void toStringHidesTheKeyAndShowsTheAppCode() {
		LinkAiCredentials credentials = LinkAiCredentials.parse("Link_tOCJYmHxxm55eA1xs-Kv2fXJcH2");

		assertThat(credentials).hasToString("LinkAiCredentials[apiKey=******, appCode=Kv2fXJcH2]");
	}

	@Test
	void keyIsRequired() {
		assertThatNullPointerException().isThrownBy(() -> LinkAiCredentials.parse(null));
		assertThatNullPointerException().isThrownBy(() -> new LinkAiCredentials(null, "Kv2fXJcH2"));
	}

}
