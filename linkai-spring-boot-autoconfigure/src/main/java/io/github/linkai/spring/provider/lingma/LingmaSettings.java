package io.github.linkai.spring.provider.lingma;

import io.github.linkai.spring.client.spi.BaseUrls;
import io.github.linkai.spring.client.spi.SecretMasker;
import org.jspecify.annotations.Nullable;

/**
 * Where and as whom a Lingma client calls {@code ExecuteChat}.
 *
 * @param token the Yunxiao personal access token, sent as {@code x-yunxiao-token}
 * @param baseUrl the organization's service domain, e.g.
 * {@code https://openapi-rdc.aliyuncs.com}; a bare domain means {@code https}, trailing
 * slashes are dropped, and {@code null} means {@link Lingma#DEFAULT_BASE_URL}
 * @param organizationId the organization ({@code organizationId} of the request path):
 * one path segment, so never {@code .} or {@code ..} and without {@code /}, {@code \},
 * {@code ?}, {@code #}, {@code %}, {@code ;} or control characters
 * @param defaults the client's knowledge base options, which a request's
 * {@link LingmaOptions} override; {@code null} means none
 */
public record LingmaSettings(String token, String baseUrl, String organizationId, LingmaOptions defaults) {

	/**
	 * Checks and normalises the settings.
	 * @throws IllegalArgumentException naming the field that is missing or invalid
	 */
	public LingmaSettings(@Nullable String token, @Nullable String baseUrl, @Nullable String organizationId,
			@Nullable LingmaOptions defaults) {
		this.token = required("token", token);
		this.baseUrl = normalize(baseUrl);
		this.organizationId = required("organizationId", organizationId);
		String problem = organizationIdProblem(this.organizationId);
		if (problem != null) {
			throw new IllegalArgumentException("organizationId " + problem);
		}
		this.defaults = (defaults != null) ? defaults : LingmaOptions.none();
	}

	/** Settings for the default service domain and no knowledge base options. */
	public static LingmaSettings of(String token, String organizationId) {
		return new LingmaSettings(token, null, organizationId, null);
	}

	private static String required(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(
					field + " must be set (it was " + ((value != null) ? "blank" : "null") + ")");
		}
		return value.strip();
	}

	/**
	 * What is wrong with an organization id, or {@code null} when it is one path segment:
	 * it is expanded into the request path, where {@code ..} or a {@code /} would reach
	 * another endpoint of the organization's API with the token. The problem never echoes
	 * a control character.
	 */
	static @Nullable String organizationIdProblem(String organizationId) {
		if (organizationId.equals(".") || organizationId.equals("..")) {
			return "must be one path segment, the Yunxiao organization id, not '" + organizationId + "'";
		}
		for (int i = 0; i < organizationId.length(); i++) {
			char c = organizationId.charAt(i);
			if ("/\\?#%;".indexOf(c) != -1 || Character.isISOControl(c)) {
				String shown = Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
				return "must be one path segment, the Yunxiao organization id, but holds " + shown + " at index " + i;
			}
		}
		return null;
	}

	private static String normalize(@Nullable String baseUrl) {
		if (baseUrl == null) {
			return Lingma.DEFAULT_BASE_URL;
		}
		String url = baseUrl.strip();
		if (!url.isEmpty() && !url.contains("://")) {
			url = "https://" + url;
		}
		return BaseUrls.normalize(url);
	}

	@Override
	public String toString() {
		return "LingmaSettings[token=" + SecretMasker.describe(this.token) + ", baseUrl=" + this.baseUrl
				+ ", organizationId=" + this.organizationId + ", defaults=" + this.defaults + "]";
	}

}
