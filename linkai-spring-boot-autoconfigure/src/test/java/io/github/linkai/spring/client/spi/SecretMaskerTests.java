package io.github.linkai.spring.client.spi;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials replaced in text that leaves the library. */
class SecretMaskerTests {

	private static final String KEY = "Link_tOCJYmHxxm55eA1xs";

	@Test
	void everyOccurrenceOfASecretIsMasked() {
		SecretMasker masker = new SecretMasker(List.of(KEY));

		assertThat(masker.mask("key " + KEY + " is invalid (" + KEY + ")")).isEqualTo("key ****** is invalid (******)");
	}

	@Test
	void everySecretIsMasked() {
		SecretMasker masker = new SecretMasker(List.of(KEY, "pt-0123456789"));

		assertThat(masker.mask(KEY + " / pt-0123456789")).isEqualTo("****** / ******");
	}

	@Test
	void keyWithAppCodeKeepsOnlyTheAppCodeVisible() {
		SecretMasker masker = new SecretMasker(List.of(KEY));

		assertThat(masker.mask("Bearer " + KEY + "-Kv2fXJcH2")).isEqualTo("Bearer ******-Kv2fXJcH2");
	}

	@Test
	void textWithoutSecretsIsUnchanged() {
		SecretMasker masker = new SecretMasker(List.of(KEY));

		assertThat(masker.mask("应用不存在")).isEqualTo("应用不存在");
	}

	@Test
	void nullTextStaysNull() {
		assertThat(new SecretMasker(List.of(KEY)).mask(null)).isNull();
	}

	@Test
	void secretsTooShortToMaskSafelyAndNullsAreIgnored() {
		SecretMasker masker = new SecretMasker(Arrays.asList("abc", null, "12345"));

		assertThat(masker.mask("abc 12345")).isEqualTo("abc 12345");
	}

	@Test
	void withoutSecretsNothingIsMasked() {
		assertThat(new SecretMasker(List.of()).mask(KEY)).isEqualTo(KEY);
	}

	@Test
	void describeTellsOnlyWhetherASecretIsSet() {
		assertThat(SecretMasker.describe(KEY)).isEqualTo(SecretMasker.MASK);
		assertThat(SecretMasker.describe("")).isEqualTo("<unset>");
		assertThat(SecretMasker.describe(null)).isEqualTo("<unset>");
	}

}
