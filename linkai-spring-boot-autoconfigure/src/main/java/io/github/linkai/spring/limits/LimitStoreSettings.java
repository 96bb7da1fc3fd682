package io.github.linkai.spring.limits;

import java.time.Duration;

import io.github.linkai.spring.client.spi.SettingProblems;

/**
 * The top level's {@code linkai.limits.*}: the default client's own limits, which named
 * clients inherit, and, set once for every client, where the limits are kept and what
 * happens when that store cannot be reached.
 */
public class LimitStoreSettings extends LimitSettings {

	/**
	 * Where rate limits, budgets, breaker and key states are kept: memory (this instance
	 * only) or redis (shared by every instance; needs Spring Data Redis with Lettuce and
	 * a Redis connection).
	 */
	private Store store = Store.MEMORY;

	/**
	 * What a call meets while Redis cannot be reached: fail-open lets it through (the
	 * shared limits are skipped; one WARN per outage; counted) or fail-closed refuses it
	 * with LimiterUnavailableException.
	 */
	private Unavailable redisUnavailable = Unavailable.FAIL_OPEN;

	/** The Redis store. */
	private final Redis redis = new Redis();

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public Unavailable getRedisUnavailable() {
		return this.redisUnavailable;
	}

	public void setRedisUnavailable(Unavailable redisUnavailable) {
		this.redisUnavailable = redisUnavailable;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/** Reports each value of the store out of range, named as its property. */
	public void validateStore(SettingProblems problems) {
		positive(problems, "limits.redis.timeout", this.redis.timeout);
		positive(problems, "limits.redis.retry-interval", this.redis.retryInterval);
		positive(problems, "limits.redis.sync-interval", this.redis.syncInterval);
		if (this.redis.unsynchronizedTime == null || this.redis.unsynchronizedTime.isNegative()) {
			problems.reject("limits.redis.unsynchronized-time", this.redis.unsynchronizedTime,
					"Must be zero or positive");
		}
		if (this.redis.unsynchronizedRequests < 1) {
			problems.reject("limits.redis.unsynchronized-requests", this.redis.unsynchronizedRequests,
					"Must be at least 1");
		}
		if (this.redis.keyPrefix == null || this.redis.keyPrefix.isBlank() || this.redis.keyPrefix.contains("{")
				|| this.redis.keyPrefix.contains("}")) {
			problems.reject("limits.redis.key-prefix", this.redis.keyPrefix, "Must be set, without { or }");
		}
	}

	private static void positive(SettingProblems problems, String name, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			problems.reject(name, value, "Must be positive");
		}
	}

	/** Where the limits are kept. */
	public enum Store {

		/** In this instance's memory: each instance counts its own. */
		MEMORY,

		/** On Redis, shared by every instance. */
		REDIS

	}

	/** What a call meets while the store cannot be reached. */
	public enum Unavailable {

		/** Let through; the shared limits are skipped. */
		FAIL_OPEN,

		/** Refused with LimiterUnavailableException. */
		FAIL_CLOSED

	}

	/** The Redis store. */
	public static class Redis {

		/**
		 * Longest each Redis operation may take, capped by the call's remaining deadline;
		 * one that takes longer counts as Redis unavailable.
		 */
		private Duration timeout = Duration.ofMillis(250);

		/** While Redis is unavailable, how often one operation tries it again. */
		private Duration retryInterval = Duration.ofSeconds(1);

		/** How often each instance reads the breaker and key states others wrote. */
		private Duration syncInterval = Duration.ofSeconds(1);

		/**
		 * The first part of every key, for applications that share a Redis but not the
		 * provider accounts; keys are {prefix}:client:... (one hash slot).
		 */
		private String keyPrefix = "linkai";

		/**
		 * How long each instance may decide from its last view of a shared bucket instead
		 * of asking Redis (Bucket4j's delaying optimization): the token rate and the
		 * budget are read from that view, up to unsynchronized-requests requests are
		 * taken from it, and what calls spent is written within that time; a refusal of a
		 * request is always checked on Redis. Zero: every decision asks Redis and every
		 * spend is written at once, exact across instances.
		 */
		private Duration unsynchronizedTime = Duration.ZERO;

		/**
		 * With unsynchronized-time set, how many requests each instance may take from its
		 * view before writing them to Redis: the most it can go over the shared request
		 * rate.
		 */
		private long unsynchronizedRequests = 1;

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getRetryInterval() {
			return this.retryInterval;
		}

		public void setRetryInterval(Duration retryInterval) {
			this.retryInterval = retryInterval;
		}

		public Duration getSyncInterval() {
			return this.syncInterval;
		}

		public void setSyncInterval(Duration syncInterval) {
			this.syncInterval = syncInterval;
		}

		public Duration getUnsynchronizedTime() {
			return this.unsynchronizedTime;
		}

		public void setUnsynchronizedTime(Duration unsynchronizedTime) {
			this.unsynchronizedTime = unsynchronizedTime;
		}

		public long getUnsynchronizedRequests() {
			return this.unsynchronizedRequests;
		}

		public void setUnsynchronizedRequests(long unsynchronizedRequests) {
			this.unsynchronizedRequests = unsynchronizedRequests;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}

}
