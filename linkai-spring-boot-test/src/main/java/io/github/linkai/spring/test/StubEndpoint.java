package io.github.linkai.spring.test;

/**
 * The endpoints the {@link ProviderStub} serves, one per provider API in the documents,
 * each at its documented path (the OpenAI-compatible one under {@code /openai/v1}, so
 * that it does not clash with LinkAI's).
 */
public enum StubEndpoint {

	/** LinkAI chat, {@code POST /v1/chat/completions}. */
	LINKAI_CHAT("linkai", "/v1/chat/completions"),

	/** LinkAI memory chat, {@code POST /v1/chat/memory/completions}. */
	LINKAI_MEMORY_CHAT("linkai", "/v1/chat/memory/completions"),

	/**
	 * Yunxiao Lingma {@code ExecuteChat}, {@code POST
	 * /oapi/v1/lingma/organizations/{organizationId}/model/chat}.
	 */
	LINGMA_CHAT("lingma", "/oapi/v1/lingma/organizations/{organizationId}/model/chat"),

	/** Jijyun chat, {@code POST /v1/openapi/chat?apiKey=...}. */
	JIJYUN_CHAT("jijyun", "/v1/openapi/chat"),

	/** An OpenAI-compatible endpoint, {@code POST /openai/v1/chat/completions}. */
	OPENAI_CHAT("openai", "/openai/v1/chat/completions");

	private final String provider;

	private final String path;

	StubEndpoint(String provider, String path) {
		this.provider = provider;
		this.path = path;
	}

	/**
	 * The provider id, as {@code linkai.provider} names it: linkai, lingma, jijyun or
	 * openai.
	 */
	public String provider() {
		return this.provider;
	}

	/** The path the stub serves it at, a template for Lingma's. */
	public String path() {
		return this.path;
	}

}
