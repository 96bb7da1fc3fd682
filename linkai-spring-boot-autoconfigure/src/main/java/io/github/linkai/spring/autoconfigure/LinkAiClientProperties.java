package io.github.linkai.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.linkai.spring.client.http.CallPolicy;
import io.github.linkai.spring.client.http.RetryPolicy;
import io.github.linkai.spring.client.spi.SecretMasker;
import io.github.linkai.spring.client.spi.SettingProblems;
import io.github.linkai.spring.limits.BreakerSettings;
import io.github.linkai.spring.limits.BudgetSettings;
import io.github.linkai.spring.limits.LimitSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.http.client.HttpCookieHandling;
import org.springframework.boot.http.client.HttpRedirects;

/**
 * The settings every chat client has: the top-level {@code linkai.*} client, or a named
 * {@code linkai.clients.<name>.*} one. A named client is bound over a copy of the top
 * level, so it inherits every value it does not set, except credentials, base URL and
 * model, which only a top level of the same provider passes on (a LinkAI key is never
 * sent to another provider). How calls are bounded and retried is the core's
 * {@link CallPolicy}, whose properties (timeouts, sizes, {@code retry.*}) this class
 * inherits. A provider's own settings sit beside these: LinkAI's at the client's prefix
 * ({@code app-code}, penalties), the others' in a block named by the provider
 * ({@code lingma.*}, {@code jijyun.*}, {@code openai.*}). Connection settings
 * ({@code connect-timeout}, {@code read-timeout}, {@code ssl.bundle}, {@code redirects},
 * {@code cookie-handling}) have Spring Boot's names and fall back to
 * {@code spring.http.clients.*}.
 */
public class LinkAiClientProperties extends CallPolicy {

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
	 * Several credentials of one account (or of accounts of one app), instead of api-key:
	 * calls spread over them; one the provider rate limits is left for another at once,
	 * one it rejects or finds out of credit rests for key-cooldown. Shown and logged only
	 * by position, never by value.
	 */
	private List<String> apiKeys = new ArrayList<>();

	/** How long a key the provider rejected or found out of credit rests. */
	private Duration keyCooldown = Duration.ofMinutes(10);

	/**
	 * Other configured clients that answer, in turn, when this one fails on the
	 * provider's or the account's side before its answer began (never on a failure of the
	 * request itself). Not inherited from the top level. Memory chat never falls back.
	 */
	private List<String> fallback = new ArrayList<>();

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
	 * Connect timeout of the client's HTTP connections. Unset:
	 * spring.http.clients.connect-timeout, else 10s.
	 */
	private @Nullable Duration connectTimeout;

	/**
	 * Read timeout: the longest gap between two network reads of a response (Spring
	 * Boot's name for a response timeout). Unset: spring.http.clients.read-timeout, else
	 * 120s.
	 */
	private @Nullable Duration readTimeout;

	/**
	 * Whether the client follows HTTP redirects (to the same origin only, with the
	 * credential). Unset: spring.http.clients.redirects, else none are followed.
	 */
	private @Nullable HttpRedirects redirects;

	/** How the client handles cookies. Unset: spring.http.clients.cookie-handling. */
	private @Nullable HttpCookieHandling cookieHandling;

	/** TLS of the client's connections. */
	private final Ssl ssl = new Ssl();

	/** Connection pool of this client (Reactor Netty). */
	private final Pool pool = new Pool();

	/** Calls in flight and request and token rates of this client. */
	private final LimitSettings limits;

	/** What this client may spend per calendar period, in cost or in tokens. */
	private final BudgetSettings budget = new BudgetSettings();

	/** The circuit breaker of this client. */
	private final BreakerSettings breaker = new BreakerSettings();

	public LinkAiClientProperties() {
		this(new LimitSettings());
	}

	/** Properties whose {@code limits} are of a type of the subclass's choice. */
	protected LinkAiClientProperties(LimitSettings limits) {
		this.limits = limits;
	}

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

	public List<String> getApiKeys() {
		return this.apiKeys;
	}

	public void setApiKeys(List<String> apiKeys) {
		this.apiKeys = apiKeys;
	}

	/**
	 * The client's credentials in order: api-key alone, or the api-keys; blanks dropped,
	 * each stripped.
	 */
	public List<String> credentials() {
		String single = (this.apiKey != null) ? this.apiKey.strip() : "";
		if (!single.isEmpty()) {
			return List.of(single);
		}
		List<String> keys = new ArrayList<>();
		for (String key : this.apiKeys) {
			if (key != null && !key.isBlank()) {
				keys.add(key.strip());
			}
		}
		return keys;
	}

	/** The credential a provider sends: api-key, else the first of api-keys. */
	public @Nullable String primaryApiKey() {
		List<String> credentials = credentials();
		return credentials.isEmpty() ? this.apiKey : credentials.get(0);
	}

	public Duration getKeyCooldown() {
		return this.keyCooldown;
	}

	public void setKeyCooldown(Duration keyCooldown) {
		this.keyCooldown = keyCooldown;
	}

	public List<String> getFallback() {
		return this.fallback;
	}

	public void setFallback(List<String> fallback) {
		this.fallback = fallback;
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

	public @Nullable Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(@Nullable Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public @Nullable Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(@Nullable Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public @Nullable HttpRedirects getRedirects() {
		return this.redirects;
	}

	public void setRedirects(@Nullable HttpRedirects redirects) {
		this.redirects = redirects;
	}

	public @Nullable HttpCookieHandling getCookieHandling() {
		return this.cookieHandling;
	}

	public void setCookieHandling(@Nullable HttpCookieHandling cookieHandling) {
		this.cookieHandling = cookieHandling;
	}

	/**
	 * Declared again only to mark it nested for the configuration processor, which does
	 * not look into a type of another class (and the core cannot name Boot's annotation).
	 */
	@Override
	@NestedConfigurationProperty
	public RetryPolicy getRetry() {
		return super.getRetry();
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Pool getPool() {
		return this.pool;
	}

	@NestedConfigurationProperty
	public LimitSettings getLimits() {
		return this.limits;
	}

	@NestedConfigurationProperty
	public BudgetSettings getBudget() {
		return this.budget;
	}

	@NestedConfigurationProperty
	public BreakerSettings getBreaker() {
		return this.breaker;
	}

	@Override
	public void validate(SettingProblems problems) {
		super.validate(problems);
		if (this.pool.getMaxConnections() < 1) {
			problems.reject("pool.max-connections", this.pool.getMaxConnections(), "Must be at least 1");
		}
		validateKeys(problems);
		this.limits.validate(problems);
		this.budget.validate(problems);
		this.breaker.validate(problems);
	}

	/** The key pool: one of api-key and api-keys, each key set and different. */
	private void validateKeys(SettingProblems problems) {
		if (this.apiKey != null && !this.apiKey.isBlank() && !this.apiKeys.isEmpty()) {
			problems.reject("api-keys", null, "Set api-key or api-keys, not both");
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < this.apiKeys.size(); i++) {
			String key = this.apiKeys.get(i);
			if (key == null || key.isBlank()) {
				problems.reject("api-keys[" + i + "]", null, "Is blank: remove it or set the key");
			}
			else if (!seen.add(key.strip())) {
				problems.reject("api-keys[" + i + "]", null, "Is the same key as an earlier one");
			}
		}
		if (this.keyCooldown == null || this.keyCooldown.isNegative() || this.keyCooldown.isZero()) {
			problems.reject("key-cooldown", this.keyCooldown, "Must be positive");
		}
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[provider=" + this.provider + ", apiKey="
				+ SecretMasker.describe(this.apiKey) + ", apiKeys="
				+ this.apiKeys.stream().map(SecretMasker::describe).toList() + ", baseUrl=" + this.baseUrl + ", model="
				+ this.model + "]";
	}

	/** TLS of a client's connections. */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) the client uses, e.g. for a
		 * corporate proxy's CA. Unset: spring.http.clients.ssl.bundle.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
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
