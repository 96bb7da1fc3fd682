package io.github.linkai.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * One top-level client per provider on a WireMock server: its properties, the path it
 * posts to, a reply it accepts and where its credential travels, for the suites that run
 * the same check against every provider.
 */
enum ProviderCase {

	LINKAI("linkai", "Link_tOCJYmHxxm55eA1xsQ", "/v1/chat/completions", """
			{"choices":[{"index":0,"message":{"role":"assistant","content":"你好"},"finish_reason":"stop"}]}"""),

	LINGMA("lingma", "pt-0fh3Kq7ZXw0fbG_35afR2mN0484", "/oapi/v1/lingma/organizations/ORG1/model/chat", """
			{"output":{"finish_reason":"stop","text":"你好"},"requestId":"r-1"}""", "linkai.lingma.organization-id=ORG1"),

	JIJYUN("jijyun", "jjyQX7kfZpWmTr01xyz", "/v1/openapi/chat", """
			{"desc":"你好","msgKey":"api_1","source":[],"usage":{"total_cost":0.001},"visitorId":null}"""),

	OPENAI("openai", "sk-9fJq2LmZx81VbNw3", "/chat/completions", """
			{"choices":[{"index":0,"message":{"role":"assistant","content":"你好"},"finish_reason":"stop"}]}""",
			"linkai.model=deepseek-chat");

	private final String provider;

	private final String credential;

	private final String path;

	private final String reply;

	private final List<String> extraProperties;

	ProviderCase(String provider, String credential, String path, String reply, String... extraProperties) {
		this.provider = provider;
		this.credential = credential;
		this.path = path;
		this.reply = reply;
		this.extraProperties = List.of(extraProperties);
	}

	String credential() {
		return this.credential;
	}

	String path() {
		return this.path;
	}

	String reply() {
		return this.reply;
	}

	/**
	 * The properties of a top-level client of this provider on {@code baseUrl}, then
	 * {@code more}.
	 */
	String[] properties(String baseUrl, String... more) {
		List<String> properties = new ArrayList<>(List.of("linkai.provider=" + this.provider,
				"linkai.api-key=" + this.credential, "linkai.base-url=" + baseUrl));
		properties.addAll(this.extraProperties);
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
	}

	/** A stub of the client's chat path. */
	MappingBuilder chatPath() {
		return post(urlPathEqualTo(this.path));
	}

	/**
	 * A request on {@code path} that carries this client's credential where its provider
	 * wants it.
	 */
	RequestPatternBuilder requestWithCredential(String path) {
		RequestPatternBuilder request = postRequestedFor(urlPathEqualTo(path));
		return switch (this) {
			case LINKAI, OPENAI -> request.withHeader("Authorization", equalTo("Bearer " + this.credential));
			case LINGMA -> request.withHeader("x-yunxiao-token", equalTo(this.credential));
			case JIJYUN -> request.withQueryParam("apiKey", equalTo(this.credential));
		};
	}

}
