package io.github.linkai.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.linkai.spring.client.http.SecretMasker;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsProperties;

/**
 * The settings of one chat client: the top-level {@code linkai.*} client, or a named
 * {@code linkai.clients.<name>.*} one. Unset values of a named client are taken from the top level, except
 * credentials, base URL, app code and model, which are only inherited from a top level of the same provider
 * (a LinkAI key is never sent to another provider). Connection settings ({@code connect-timeout},
 * {@code read-timeout}, {@code ssl.bundle}, {@code redirects}) are Spring Boot's and fall back to
 * {@code spring.http.clients.*}.
 */
public class LinkAiClientProperties extends HttpClientSettingsProperties {

	/**
	 * The API this client talks to: linkai, lingma or jijyun. Named clients default to the top-level
	 * provider, which defaults to linkai.
	 */
	private @Nullable LinkAiProvider provider;

	/**
	 * The credential: the LinkAI API key (optionally "key-appcode", OpenAI-SDK style), the Yunxiao personal
	 * access token (sent as x-yunxiao-token), or the Jijyun apiKey.
	 */
	private @Nullable String apiKey;

	/**
	 * The API's base URL. Defaults to https://api.link-ai.tech for linkai, https://openapi-rdc.aliyuncs.com
	 * (Yunxiao's OpenAPI domain; set your organization's service domain if it has its own) for lingma and
	 * https://chat.jijyun.cn for jijyun.
	 */
	private @Nullable String baseUrl;

	/** LinkAI app or workflow code the calls are bound to, unless a request names another. */
	private @Nullable String appCode;

	/** Default model code (LinkAI: e.g. LinkAI-4o-mini; Jijyun: the chatMode). Unset: the app's default. */
	private @Nullable String model;

	/** Default sampling temperature (LinkAI and Lingma: [0, 1]). Unset: the provider's or app's default. */
	private @Nullable Double temperature;

	/** Default nucleus sampling, top_p ([0, 1]). */
	private @Nullable Double topP;

	/** Default LinkAI frequency penalty, [-2, 2]. */
	private @Nullable Double frequencyPenalty;

	/** Default LinkAI presence penalty, [-2, 2]. */
	private @Nullable Double presencePenalty;

	/** Default longest answer in tokens (Lingma: [1, 4096]; Jijyun). */
	private @Nullable Integer maxTokens;

	/** Default random seed (Lingma). */
	private @Nullable Integer seed;

	/** Default top-k sampling (Lingma). */
	private @Nullable Integer topK;

	/** Yunxiao Lingma settings. */
	private final Lingma lingma = new Lingma();

	/** Jijyun settings. */
	private final Jijyun jijyun = new Jijyun();

	/** Connection pool of this client (Reactor Netty). */
	private final Pool pool = new Pool();

	public @Nullable LinkAiProvider getProvider() {
		return this.provider;
	}

	public void setProvider(@Nullable LinkAiProvider provider) {
		this.provider = provider;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getAppCode() {
		return this.appCode;
	}

	public void setAppCode(@Nullable String appCode) {
		this.appCode = appCode;
	}

	public @Nullable String getModel() {
		return this.model;
	}

	public void setModel(@Nullable String model) {
		this.model = model;
	}

	public @Nullable Double getTemperature() {
		return this.temperature;
	}

	public void setTemperature(@Nullable Double temperature) {
		this.temperature = temperature;
	}

	public @Nullable Double getTopP() {
		return this.topP;
	}

	public void setTopP(@Nullable Double topP) {
		this.topP = topP;
	}

	public @Nullable Double getFrequencyPenalty() {
		return this.frequencyPenalty;
	}

	public void setFrequencyPenalty(@Nullable Double frequencyPenalty) {
		this.frequencyPenalty = frequencyPenalty;
	}

	public @Nullable Double getPresencePenalty() {
		return this.presencePenalty;
	}

	public void setPresencePenalty(@Nullable Double presencePenalty) {
		this.presencePenalty = presencePenalty;
	}

	public @Nullable Integer getMaxTokens() {
		return this.maxTokens;
	}

	public void setMaxTokens(@Nullable Integer maxTokens) {
		this.maxTokens = maxTokens;
	}

	public @Nullable Integer getSeed() {
		return this.seed;
	}

	public void setSeed(@Nullable Integer seed) {
		this.seed = seed;
	}

	public @Nullable Integer getTopK() {
		return this.topK;
	}

	public void setTopK(@Nullable Integer topK) {
		this.topK = topK;
	}

	public Lingma getLingma() {
		return this.lingma;
	}

	public Jijyun getJijyun() {
		return this.jijyun;
	}

	public Pool getPool() {
		return this.pool;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[provider=" + this.provider + ", apiKey="
				+ SecretMasker.describe(this.apiKey) + ", baseUrl=" + this.baseUrl + ", appCode=" + this.appCode
				+ ", model=" + this.model + "]";
	}

	/** Yunxiao Lingma ExecuteChat settings. */
	public static class Lingma {

		/** The Yunxiao organization (enterprise) id, the organizationId path parameter. Required for lingma. */
		private @Nullable String organizationId;

		/** Whether answers use the organization's knowledge base (the teamDocs query parameter). */
		private @Nullable Boolean teamDocs;

		/** Knowledge base ids to search (the kbIds body field). */
		private List<String> kbIds = new ArrayList<>();

		public @Nullable String getOrganizationId() {
			return this.organizationId;
		}

		public void setOrganizationId(@Nullable String organizationId) {
			this.organizationId = organizationId;
		}

		public @Nullable Boolean getTeamDocs() {
			return this.teamDocs;
		}

		public void setTeamDocs(@Nullable Boolean teamDocs) {
			this.teamDocs = teamDocs;
		}

		public List<String> getKbIds() {
			return this.kbIds;
		}

		public void setKbIds(List<String> kbIds) {
			this.kbIds = kbIds;
		}

	}

	/** Jijyun chat settings: defaults for the body fields of the same names. */
	public static class Jijyun {

		/** The assistant id (ibotID). */
		private @Nullable String ibotId;

		/** The knowledge id (knowledge). */
		private @Nullable String knowledge;

		/** Whether the search engine is used (search). */
		private @Nullable Boolean search;

		/** Tools the assistant may use (tools). */
		private List<String> tools = new ArrayList<>();

		/** Intentions (intention). */
		private List<String> intention = new ArrayList<>();

		/** Background setting of the conversation (system). */
		private @Nullable String system;

		/** Format of the returned content (return_format). */
		private @Nullable String returnFormat;

		/** How the knowledge assistant handles a question (handler_type). */
		private @Nullable String handlerType;

		/** The fixed reply of the knowledge assistant (fix_content). */
		private @Nullable String fixContent;

		public @Nullable String getIbotId() {
			return this.ibotId;
		}

		public void setIbotId(@Nullable String ibotId) {
			this.ibotId = ibotId;
		}

		public @Nullable String getKnowledge() {
			return this.knowledge;
		}

		public void setKnowledge(@Nullable String knowledge) {
			this.knowledge = knowledge;
		}

		public @Nullable Boolean getSearch() {
			return this.search;
		}

		public void setSearch(@Nullable Boolean search) {
			this.search = search;
		}

		public List<String> getTools() {
			return this.tools;
		}

		public void setTools(List<String> tools) {
			this.tools = tools;
		}

		public List<String> getIntention() {
			return this.intention;
		}

		public void setIntention(List<String> intention) {
			this.intention = intention;
		}

		public @Nullable String getSystem() {
			return this.system;
		}

		public void setSystem(@Nullable String system) {
			this.system = system;
		}

		public @Nullable String getReturnFormat() {
			return this.returnFormat;
		}

		public void setReturnFormat(@Nullable String returnFormat) {
			this.returnFormat = returnFormat;
		}

		public @Nullable String getHandlerType() {
			return this.handlerType;
		}

		public void setHandlerType(@Nullable String handlerType) {
			this.handlerType = handlerType;
		}

		public @Nullable String getFixContent() {
			return this.fixContent;
		}

		public void setFixContent(@Nullable String fixContent) {
			this.fixContent = fixContent;
		}

	}

	/**
	 * The client's own Reactor Netty connection pool. A stream holds a connection for its whole length, so the
	 * pool bounds the concurrent streams; Reactor Netty's shared default pool holds only
	 * {@code max(16, 2 * cores)} connections.
	 */
	public static class Pool {

		/** Most connections open at once; further calls wait for one. Unset: 500. */
		private @Nullable Integer maxConnections;

		/** Longest wait for a free connection before the call fails. Unset: 45s. */
		private @Nullable Duration pendingAcquireTimeout;

		/** Idle time after which a pooled connection is closed, before the server drops it. Unset: 30s. */
		private @Nullable Duration maxIdleTime;

		public @Nullable Integer getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(@Nullable Integer maxConnections) {
			this.maxConnections = maxConnections;
		}

		public @Nullable Duration getPendingAcquireTimeout() {
			return this.pendingAcquireTimeout;
		}

		public void setPendingAcquireTimeout(@Nullable Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = pendingAcquireTimeout;
		}

		public @Nullable Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		public void setMaxIdleTime(@Nullable Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
		}

	}

}
