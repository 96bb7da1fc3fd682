package io.github.linkai.spring.health;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.linkai.spring.client.ChatClientTarget;
import io.github.linkai.spring.client.error.ProviderApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * How one client's recent calls ended, and the health that follows from it. Memory is
 * bounded whatever the traffic: counts are kept in time buckets across the window, and
 * only the last {@code failureThreshold} provider-side failures in a row are kept.
 * Thread-safe; every method is short.
 */
final class ClientCalls {

	static final Status CREDENTIAL_REJECTED = new Status(Status.OUT_OF_SERVICE.getCode(),
			"The provider rejects the credential: check the client's API key");

	static final Status QUOTA_EXHAUSTED = new Status(Status.OUT_OF_SERVICE.getCode(),
			"The account's credit or call quota is used up: top it up or raise the quota");

	private static final int BUCKETS = 20;

	private final PassiveHealthSettings settings;

	private final long bucketMillis;

	private final long[] bucketNumbers = new long[BUCKETS];

	private final int[] bucketCalls = new int[BUCKETS];

	private final int[] bucketFailures = new int[BUCKETS];

	private final int[] bucketClientErrors = new int[BUCKETS];

	/**
	 * The times of the latest provider-side failures in a row, at most
	 * {@code failureThreshold} of them.
	 */
	private final ArrayDeque<Instant> failureRun = new ArrayDeque<>();

	private int failureRunLength;

	private @Nullable Instant lastSuccess;

	private @Nullable Failure lastFailure;

	private @Nullable CallOutcome lastEvidence;

	private @Nullable Instant lastEvidenceTime;

	ClientCalls(PassiveHealthSettings settings) {
		this.settings = settings;
		this.bucketMillis = Math.max(1, settings.window().toMillis() / BUCKETS);
		Arrays.fill(this.bucketNumbers, Long.MIN_VALUE);
	}

	synchronized void record(Instant time, CallOutcome outcome, @Nullable Throwable error) {
		count(time, outcome);
		if (outcome == CallOutcome.SUCCESS) {
			this.lastSuccess = time;
		}
		else {
			this.lastFailure = Failure.of(time, outcome, error);
		}
		if (!outcome.isEvidence()) {
			return;
		}
		this.lastEvidence = outcome;
		this.lastEvidenceTime = time;
		if (outcome == CallOutcome.PROVIDER_FAILURE) {
			this.failureRunLength++;
			this.failureRun.addLast(time);
			if (this.failureRun.size() > this.settings.failureThreshold()) {
				this.failureRun.removeFirst();
			}
		}
		else {
			this.failureRunLength = 0;
			this.failureRun.clear();
		}
	}

	/**
	 * When a call last ended in a way that says something about the provider, or
	 * {@code null}.
	 */
	synchronized @Nullable Instant lastEvidenceTime() {
		return this.lastEvidenceTime;
	}

	synchronized Health health(Instant now, ChatClientTarget target, Map<String, Object> extraDetails) {
		Instant windowStart = now.minus(this.settings.window());
		Health.Builder health = state(windowStart);
		health.withDetail("provider", target.provider());
		if (!target.host().isEmpty()) {
			health.withDetail("host", target.host());
		}
		if (!target.description().isEmpty()) {
			health.withDetail("target", target.description());
		}
		if (this.lastSuccess != null) {
			health.withDetail("lastSuccess", this.lastSuccess.toString());
		}
		if (this.lastFailure != null) {
			health.withDetail("lastFailure", this.lastFailure.details());
		}
		health.withDetails(recentCalls(now));
		health.withDetails(extraDetails);
		return health.build();
	}

	/** The rules, in order; the README's table says the same. */
	private Health.Builder state(Instant windowStart) {
		CallOutcome lastEvidence = this.lastEvidence;
		Instant lastEvidenceTime = this.lastEvidenceTime;
		if (lastEvidence == null || lastEvidenceTime == null) {
			return Health.unknown().withDetail("reason", "No call has reached the provider yet");
		}
		boolean recent = !lastEvidenceTime.isBefore(windowStart);
		return switch (lastEvidence) {
			case SUCCESS -> Health.up();
			case CREDENTIAL_REJECTED ->
				recent ? Health.status(CREDENTIAL_REJECTED).withDetail("reason", "CREDENTIAL_REJECTED")
						: stale("The credential was rejected");
			case QUOTA_EXHAUSTED -> recent ? Health.status(QUOTA_EXHAUSTED).withDetail("reason", "QUOTA_EXHAUSTED")
					: stale("The quota was used up");
			case PROVIDER_FAILURE -> {
				boolean repeated = this.failureRunLength >= this.settings.failureThreshold();
				if (repeated && !this.failureRun.getFirst().isBefore(windowStart)) {
					yield Health.down()
						.withDetail("reason", "PROVIDER_FAILING")
						.withDetail("consecutiveFailures", this.failureRunLength);
				}
				if (repeated && !recent) {
					yield stale("The provider was failing");
				}
				// not enough evidence within the window: the state before these failures
				// holds
				yield ((this.lastSuccess != null) ? Health.up()
						: Health.unknown().withDetail("reason", "No call has succeeded yet"))
					.withDetail("consecutiveFailures", this.failureRunLength);
			}
			case CLIENT_ERROR, REJECTED_LOCALLY -> throw new IllegalStateException("Not evidence: " + lastEvidence);
		};
	}

	/**
	 * Bad evidence older than the window: a readiness group holding this client would
	 * otherwise never get the traffic that could show it recovered.
	 */
	private Health.Builder stale(String what) {
		return Health.unknown()
			.withDetail("reason", what + " at " + this.lastEvidenceTime + "; no call has reached the provider since "
					+ "within the window");
	}

	private Map<String, Object> recentCalls(Instant now) {
		long current = bucketNumber(now);
		int calls = 0;
		int failures = 0;
		int clientErrors = 0;
		for (int i = 0; i < BUCKETS; i++) {
			long number = this.bucketNumbers[i];
			if (number <= current && number > current - BUCKETS) {
				calls += this.bucketCalls[i];
				failures += this.bucketFailures[i];
				clientErrors += this.bucketClientErrors[i];
			}
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("window", this.settings.window().toString());
		details.put("recentCalls", calls);
		details.put("recentFailures", failures);
		details.put("recentClientErrors", clientErrors);
		if (calls > 0) {
			details.put("errorRate", Math.round(1000.0 * failures / calls) / 1000.0);
		}
		return details;
	}

	private void count(Instant time, CallOutcome outcome) {
		long number = bucketNumber(time);
		int i = (int) Math.floorMod(number, (long) BUCKETS);
		if (this.bucketNumbers[i] != number) {
			if (this.bucketNumbers[i] > number) {
				return; // older than the window already
			}
			this.bucketNumbers[i] = number;
			this.bucketCalls[i] = 0;
			this.bucketFailures[i] = 0;
			this.bucketClientErrors[i] = 0;
		}
		this.bucketCalls[i]++;
		if (outcome == CallOutcome.CLIENT_ERROR) {
			this.bucketClientErrors[i]++;
		}
		else if (outcome != CallOutcome.SUCCESS) {
			this.bucketFailures[i]++;
		}
	}

	private long bucketNumber(Instant time) {
		return Math.floorDiv(time.toEpochMilli(), this.bucketMillis);
	}

	/**
	 * The last failure as health details show it: the error's type and status, never its
	 * message (a provider may quote the request in it).
	 */
	private record Failure(Instant time, CallOutcome outcome, String error, @Nullable Integer status,
			@Nullable String providerError) {

		static Failure of(Instant time, CallOutcome outcome, @Nullable Throwable error) {
			String type = (error != null) ? error.getClass().getSimpleName() : "unknown";
			if (error instanceof ProviderApiException api) {
				return new Failure(time, outcome, type, api.statusCode(), api.errorType());
			}
			return new Failure(time, outcome, type, null, null);
		}

		Map<String, Object> details() {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("time", this.time.toString());
			details.put("outcome", this.outcome.name());
			details.put("error", this.error);
			if (this.status != null) {
				details.put("status", this.status);
			}
			if (this.providerError != null) {
				details.put("providerError", this.providerError);
			}
			return details;
		}

	}

}
