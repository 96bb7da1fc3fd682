package io.github.linkai.spring.autoconfigure;

import java.time.Duration;

import io.github.linkai.spring.client.http.SecretMasker;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsProperties;
import org.springframework.util.unit.DataSize;

/**
 * The settings every chat client has: the top-level {@code linkai.*} client, or a named
 * {@code linkai.clients.<name>.*} one. A named client is bound over a copy of the top
 * level, so it inherits every value it does not set, except credentials, base URL and
 * model, which only a top level of the same provider passes on (a LinkAI key is never
 * sent to another provider). A provider's own settings sit beside these: LinkAI's at the
 * client's prefix ({@code app-code}, penalties), the others' in a block named by the
 * provider ({@code lingma.*}, {@code jijyun.*}, {@code openai.*}). Connection settings
 * ({@code connect-timeout}, {@code read-timeout}, {@code ssl.bundle}, {@code redirects})
 * are Spring Boot's and fall back to {@code spring.http.clients.*}.
 */
public class LinkAiClientProperties extends HttpClientSettingsProperties {

	/**
	 * The API this client talks to: linkai, lingma, jijyun or openai. Named clients
	 * default to the top level's.
	 */
	private String provider = "linkai";

	/**
	 * The credential, sent exactly as given: the LinkAI API key, the Yunxiao personal
	 * access token (sent as x-yunxiao-token), the Jijyun apiKey or the OpenAI-compatible
	 * endpoint's API key.
	 */
	private @Nullable String apiKey;

	/**
	 * The API's base URL. Defaults to https://api.link-ai.tech for linkai,
	 * https://openapi-rdc.aliyuncs.com (Yunxiao's OpenAPI domain; set your organization's
	 * service domain if it has its own) for lingma and https://chat.jijyun.cn for jijyun;
	 * required for openai (e.g. https://api.deepseek.com/v1).
	 */
	private @Nullable String baseUrl;

	/**
	 * Default model code (LinkAI: e.g. LinkAI-4o-mini; Jijyun: the chatMode; required for
	 * openai). Unset: the app's or provider's default.
	 */
	private @Nullable String model;

	/**
	 * Default sampling temperature (LinkAI and Lingma: [0, 1]). Unset: the provider's or
	 * app's default.
	 */
	private @Nullable Double temperature;

	/**
	 * Default nucleus sampling, top_p (LinkAI: a whole number in [0, 1]; Lingma: [0, 1]).
	 */
	private @Nullable Double topP;

	/**
	 * Default longest answer in tokens (Lingma: [1, 4096]; Jijyun; openai). Unset: the
	 * provider's default.
	 */
	private @Nullable Integer maxTokens;

	/**
	 * Longest wait for a stream's first data event (the time a model thinks before
	 * answering).
	 */
	private Duration firstEventTimeout = Duration.ofMinutes(2);

	/**
	 * Longest wait between two data events of a stream; SSE comments and keep-alives do
	 * not reset it (unlike read-timeout, which any byte resets).
	 */
	private Duration idleTimeout = Duration.ofSeconds(60);

	/** Longest a whole call or stream may take, retries included. */
	private Duration deadline = Duration.ofMinutes(10);

	/**
	 * Largest stream event (and line) accepted; memory per stream stays bounded by it.
	 * LinkAI documents image, video and file output, which may come as one event.
	 */
	private DataSize maxEventSize = DataSize.ofMegabytes(8);

	/** Retries of failed attempts. */
	private final Retry retry = new Retry();

	/** Connection pool of this client (Reactor Netty). */
	private final Pool pool = new Pool();

	public String getProvider() {
		return this.provider;
	}

	public void setProvider(String provider) {
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

	public @Nullable Integer getMaxTokens() {
		return this.maxTokens;
	}

	public void setMaxTokens(@Nullable Integer maxTokens) {
		this.maxTokens = maxTokens;
	}

	public Duration getFirstEventTimeout() {
		return this.firstEventTimeout;
	}

	public void setFirstEventTimeout(Duration firstEventTimeout) {
		this.firstEventTimeout = firstEventTimeout;
	}

	public Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	public void setIdleTimeout(Duration idleTimeout) {
		this.idleTimeout = idleTimeout;
	}

	public Duration getDeadline() {
		return this.deadline;
	}

	public void setDeadline(Duration deadline) {
		this.deadline = deadline;
	}

	public DataSize getMaxEventSize() {
		return this.maxEventSize;
	}

	public void setMaxEventSize(DataSize maxEventSize) {
		this.maxEventSize = maxEventSize;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Pool getPool() {
		return this.pool;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[provider=" + this.provider + ", apiKey="
				+ SecretMasker.describe(this.apiKey) + ", baseUrl=" + this.baseUrl + ", model=" + this.model + "]";
	}

	/**
	 * Retries: connection failures, 429, 500, 502, 503 and 504 are tried again, with
	 * exponential backoff and jitter or the server's Retry-After; never once a stream has
	 * handed over a chunk, never a memory chat turn the server may have stored, never
	 * another 4xx.
	 */
	public static class Retry {

		/** Attempts after the first; 0 turns retries off. */
		private int maxRetries = 2;

		/** Wait before the first retry; each next one doubles, with 25% jitter. */
		private Duration initialBackoff = Duration.ofMillis(500);

		/** Longest computed wait between two attempts. */
		private Duration maxBackoff = Duration.ofSeconds(8);

		/**
		 * Longest Retry-After a server may ask for and still be waited for; a longer one
		 * fails at once.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(60);

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

	}

	/**
	 * The client's own Reactor Netty connection pool. A stream holds a connection for its
	 * whole length, so the pool bounds the concurrent streams; Reactor Netty's shared
	 * default pool holds only {@code max(16, 2 * cores)} connections.
	 */
	public static class Pool {

		/** Most connections open at once; further calls wait for one. */
		private int maxConnections = 500;

		/** Longest wait for a free connection before the call fails. */
		private Duration pendingAcquireTimeout = Duration.ofSeconds(45);

		/**
		 * Idle time after which a pooled connection is closed, before the server drops
		 * it.
		 */
		private Duration maxIdleTime = Duration.ofSeconds(30);

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public Duration getPendingAcquireTimeout() {
			return this.pendingAcquireTimeout;
		}

		public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = pendingAcquireTimeout;
		}

		public Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		public void setMaxIdleTime(Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
		}

	}

}
