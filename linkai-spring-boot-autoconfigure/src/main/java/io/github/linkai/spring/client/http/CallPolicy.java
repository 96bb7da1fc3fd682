package io.github.linkai.spring.client.http;

import java.time.Duration;

import io.github.linkai.spring.client.spi.SettingProblems;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * How a client's calls are bounded and retried: how long they may take and wait, how
 * large an event may be, when a failed attempt is made again. A JavaBean with every
 * default written here, once: Spring Boot binds a configured client's properties onto it
 * ({@code linkai.idle-timeout}, {@code linkai.clients.<name>.retry.max-retries}) and its
 * configuration processor documents them from it. Not changed once a client is built with
 * it.
 */
public class CallPolicy {

	/** The largest event that fits in one array. */
	private static final DataSize MAX_EVENT_SIZE_LIMIT = DataSize.ofBytes(Integer.MAX_VALUE);

	/**
	 * Longest wait, from sending a stream's request, for its first chunk (the time a
	 * model thinks before answering); response headers alone do not end it.
	 */
	private Duration firstEventTimeout = Duration.ofMinutes(2);

	/**
	 * Longest wait between two events of a stream that carry part of the answer; SSE
	 * comments, pings and events that yield no chunk do not reset it (unlike
	 * read-timeout, which any byte resets).
	 */
	private Duration idleTimeout = Duration.ofSeconds(60);

	/** Longest a whole call or stream may take, retries included. */
	private Duration deadline = Duration.ofMinutes(10);

	/**
	 * Largest stream event (and line), or complete reply, accepted; memory per stream
	 * stays bounded by it. LinkAI documents image, video and file output, which may come
	 * as one event.
	 */
	private DataSize maxEventSize = DataSize.ofMegabytes(8);

	/** Retries of failed attempts. */
	private final RetryPolicy retry = new RetryPolicy();

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

	public RetryPolicy getRetry() {
		return this.retry;
	}

	/** Reports each value out of range, named as the client's property. */
	public void validate(SettingProblems problems) {
		positive(problems, "first-event-timeout", this.firstEventTimeout);
		positive(problems, "idle-timeout", this.idleTimeout);
		positive(problems, "deadline", this.deadline);
		if (this.maxEventSize == null || this.maxEventSize.toBytes() < 1
				|| this.maxEventSize.compareTo(MAX_EVENT_SIZE_LIMIT) > 0) {
			problems.reject("max-event-size", this.maxEventSize, "Must be between 1B and 2GB");
		}
		this.retry.validate(problems);
	}

	/** {@link #getMaxEventSize()} in bytes, once checked. */
	int maxEventBytes() {
		return (int) this.maxEventSize.toBytes();
	}

	private static void positive(SettingProblems problems, String setting, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			problems.reject(setting, value, "Must be positive");
		}
	}

}
