package io.github.linkai.spring.autoconfigure;

/** The chat APIs a configured client can talk to. */
public enum LinkAiProvider {

	/** LinkAI chat completions and memory chat ({@code https://api.link-ai.tech}). */
	LINKAI,

	/** Alibaba Cloud Yunxiao Lingma ExecuteChat (on the organization's service domain). */
	LINGMA,

	/** Jijyun (语聚AI) chat ({@code https://chat.jijyun.cn}). */
	JIJYUN;

	/** The lower-case name used in properties, metrics and errors. */
	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
