package io.github.linkai.spring.provider.lingma;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.ORGANIZATION;
import static io.github.linkai.spring.provider.lingma.LingmaTestSupport.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Settings are checked and normalised when created; options merge value by value. */
class LingmaSettingsTests {

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t\n" })
	void settingsWithoutATokenNameTheField(String token) {
		assertThatIllegalArgumentException().isThrownBy(() -> new LingmaSettings(token, null, ORGANIZATION, null))
			.withMessageStartingWith("token must be set");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " " })
	void settingsWithoutAnOrganizationIdNameTheField(String organizationId) {
		assertThatIllegalArgumentException().isThrownBy(() -> new LingmaSettings(TOKEN, null, organizationId, null))
			.withMessageStartingWith("organizationId must be set");
	}

	@ParameterizedTest
	@ValueSource(strings = { ".", "..", "../admin", "org/../x", "a/b", "a\\b", "a?b=1", "a#b", "%2e%2e", "a;b",
			"a\u0000b", "a\rb", "a\u007fb" })
	void anOrganizationIdThatIsNotOnePathSegmentIsRejected(String organizationId) {
		assertThatIllegalArgumentException().isThrownBy(() -> new LingmaSettings(TOKEN, null, organizationId, null))
			.withMessageStartingWith("organizationId must be one path segment")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContainPattern("\\p{Cntrl}"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "60d54f3daccf2bbd6659f3ad", "org-1_a.b", "...", "a..b", "org 1" })
	void anOrganizationIdThatIsOnePathSegmentIsKept(String organizationId) {
		assertThat(new LingmaSettings(TOKEN, null, organizationId, null).organizationId()).isEqualTo(organizationId);
	}

	@ParameterizedTest
	@CsvSource({ "https://openapi-rdc.aliyuncs.com/, https://openapi-rdc.aliyuncs.com",
			"'  https://test.rdc.aliyuncs.com//  ', https://test.rdc.aliyuncs.com",
			"test.rdc.aliyuncs.com, https://test.rdc.aliyuncs.com", "http://127.0.0.1:8089/, http://127.0.0.1:8089",
			"https://gateway.example.com/yunxiao/, https://gateway.example.com/yunxiao" })
	void baseUrlIsNormalised(String baseUrl, String expected) {
		assertThat(new LingmaSettings(TOKEN, baseUrl, ORGANIZATION, null).baseUrl()).isEqualTo(expected);
	}

	@Test
	void baseUrlDefaultsToTheCentralServiceDomain() {
		assertThat(LingmaSettings.of(TOKEN, ORGANIZATION).baseUrl()).isEqualTo("https://openapi-rdc.aliyuncs.com")
			.isEqualTo(Lingma.DEFAULT_BASE_URL);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "ftp://files.example.com", "https://", "http://exa mple.com" })
	void baseUrlThatIsNoHttpUrlIsRejected(String baseUrl) {
		assertThatIllegalArgumentException().isThrownBy(() -> new LingmaSettings(TOKEN, baseUrl, ORGANIZATION, null))
			.withMessageStartingWith("baseUrl must be an http(s) URL");
	}

	@Test
	void tokenAndOrganizationIdAreStripped() {
		LingmaSettings settings = new LingmaSettings(" " + TOKEN + "\n", null, " " + ORGANIZATION + " ", null);

		assertThat(settings.token()).isEqualTo(TOKEN);
		assertThat(settings.organizationId()).isEqualTo(ORGANIZATION);
	}

	@Test
	void missingDefaultsMeanNoLingmaOptions() {
		assertThat(LingmaSettings.of(TOKEN, ORGANIZATION).defaults()).isEqualTo(LingmaOptions.none());
	}

	@Test
	void lingmaOptionsTakeTheValuesTheyLeaveUnsetFromTheDefaults() {
		LingmaOptions defaults = new LingmaOptions(List.of("kb-ops"), true, null, null);

		assertThat(LingmaOptions.none().orElse(defaults)).isEqualTo(defaults);
		assertThat(LingmaOptions.useTeamDocs(false).orElse(defaults))
			.isEqualTo(new LingmaOptions(List.of("kb-ops"), false, null, null));
		assertThat(LingmaOptions.knowledgeBases().orElse(defaults))
			.isEqualTo(new LingmaOptions(List.of(), true, null, null));
		assertThat(LingmaOptions.knowledgeBases("kb-qa").orElse(LingmaOptions.none()))
			.isEqualTo(LingmaOptions.knowledgeBases("kb-qa"));
	}

	@Test
	void lingmaOptionsAreForLingma() {
		assertThat(LingmaOptions.none().provider()).isEqualTo(Lingma.PROVIDER).isEqualTo("lingma");
	}

}
