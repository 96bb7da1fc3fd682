package io.github.linkai.spring.health;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.linkai.spring.MisbehavingServer;
import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatClientTarget;
import io.github.linkai.spring.client.error.ApiAccessDeniedException;
import io.github.linkai.spring.client.error.AppNotFoundException;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.BadRequestException;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.error.ChatTransportException;
import io.github.linkai.spring.client.error.ContentRejectedException;
import io.github.linkai.spring.client.error.ErrorDetails;
import io.github.linkai.spring.client.error.LocalSaturationException;
import io.github.linkai.spring.client.error.NotFoundException;
import io.github.linkai.spring.client.error.PermissionDeniedException;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.QuotaExceededException;
import io.github.linkai.spring.client.error.RateLimitedException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.error.ServerErrorException;
import io.github.linkai.spring.client.error.ServiceUnavailableException;
import io.github.linkai.spring.client.error.StreamErrorEventException;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import io.github.linkai.spring.client.http.ClientSettings;
import io.github.linkai.spring.client.http.HttpChatClientFactory;
import io.github.linkai.spring.client.http.RetryPolicy;
import io.github.linkai.spring.provider.linkai.LinkAi;
import io.github.linkai.spring.provider.linkai.LinkAiOptions;
import io.github.linkai.spring.provider.linkai.LinkAiSettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ChatClientHealthTracker}: the passive state rules, with a clock moved
 * by hand.
 */
class ChatClientHealthTrackerTests {

	private static final String KEY = "sk-hEaLtH0123456789abcdef";

	private static final ChatClientTarget TARGET = new ChatClientTarget("acme", "api.acme.test", "app code A1");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	private final ChatClientHealthTracker tracker = new ChatClientHealthTracker(
			new PassiveHealthSettings(Duration.ofMinutes(5), 3), this.clock);

	@Test
	void healthBeforeAnyCallShouldBeUnknown() {
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("reason", "No call has reached the provider yet")
			.containsEntry("provider", "acme")
			.containsEntry("host", "api.acme.test")
			.containsEntry("target", "app code A1")
			.containsEntry("recentCalls", 0)
			.doesNotContainKeys("lastSuccess", "lastFailure", "errorRate");
	}

	@Test
	void healthAfterASuccessShouldBeUp() {
		this.tracker.onSuccess("default");
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("lastSuccess", "2026-11-22T10:00:00Z")
			.containsEntry("recentCalls", 1)
			.containsEntry("errorRate", 0.0)
			.doesNotContainKeys("reason", "lastFailure");
	}

	@Test
	void healthAfterRepeatedServerErrorsInTheWindowShouldBeDownAndUpAgainAfterASuccess() {
		this.tracker.onSuccess("default");
		this.tracker.onFailure("default", serverError(500));
		this.tracker.onFailure("default", serverError(502));
		assertThat(health().getStatus()).as("below the threshold").isEqualTo(Status.UP);
		assertThat(health().getDetails()).containsEntry("consecutiveFailures", 2);
		this.clock.advance(Duration.ofMinutes(1));
		this.tracker.onFailure("default", new ServiceUnavailableException(details(503, null), "service unavailable"));
		Health down = health();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("reason", "PROVIDER_FAILING")
			.containsEntry("consecutiveFailures", 3)
			.containsEntry("recentCalls", 4)
			.containsEntry("recentFailures", 3)
			.containsEntry("errorRate", 0.75);
		assertThat(lastFailure(down)).containsEntry("time", "2026-11-22T10:01:00Z")
			.containsEntry("outcome", "PROVIDER_FAILURE")
			.containsEntry("error", "ServiceUnavailableException")
			.containsEntry("status", 503);
		this.tracker.onSuccess("default");
		assertThat(health().getStatus()).isEqualTo(Status.UP);
		assertThat(health().getDetails()).doesNotContainKeys("consecutiveFailures");
	}

	@Test
	void transportFailuresTimeoutsAndCutStreamsCountAsProviderFailures() {
		this.tracker.onSuccess("default");
		this.tracker.onFailure("default", new ChatTransportException("acme", "default", "Connection refused", null));
		this.tracker.onFailure("default", new ChatTimeoutException("acme", "default", "Timed out", null));
		this.tracker.onFailure("default", new StreamTruncatedException("acme", "default", 3, null));
		assertThat(health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(lastFailure(health())).containsEntry("error", "StreamTruncatedException")
			.doesNotContainKey("status");
	}

	@Test
	void providerFailuresSpreadWiderThanTheWindowShouldNotMakeItDown() {
		this.tracker.onSuccess("default");
		this.tracker.onFailure("default", serverError(500));
		this.clock.advance(Duration.ofMinutes(3));
		this.tracker.onFailure("default", serverError(500));
		this.clock.advance(Duration.ofMinutes(3));
		this.tracker.onFailure("default", serverError(500));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("consecutiveFailures", 3);
		this.tracker.onFailure("default", serverError(500));
		this.tracker.onFailure("default", serverError(500));
		assertThat(health().getStatus()).as("the last three within five minutes").isEqualTo(Status.DOWN);
	}

	@Test
	void downShouldBecomeUnknownOnceItsFailuresAreOlderThanTheWindow() {
		for (int i = 0; i < 3; i++) {
			this.tracker.onFailure("default", serverError(500));
		}
		assertThat(health().getStatus()).isEqualTo(Status.DOWN);
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails().get("reason").toString())
			.startsWith("The provider was failing at 2026-11-22T10:00:00Z");
		assertThat(health.getDetails()).containsEntry("recentCalls", 0).containsKey("lastFailure");
	}

	@Test
	void clientMistakesShouldNeverMakeItDown() {
		this.tracker.onSuccess("default");
		for (int i = 0; i < 5; i++) {
			this.tracker.onFailure("default",
					new ChatRequestValidationException("acme", "default", "temperature", "must be at most 2"));
			this.tracker.onFailure("default", new BadRequestException(details(400, "invalid_request_error"), "bad"));
			this.tracker.onFailure("default", new NotFoundException(details(404, null), "not found"));
			this.tracker.onFailure("default", new RateLimitedException(details(429, null), "rate limited"));
			this.tracker.onFailure("default", new ContentRejectedException(details(409, null), "rejected"));
			this.tracker.onFailure("default", new AppNotFoundException(details(402, null), "no such app"));
			this.tracker.onFailure("default", new IllegalStateException("a bug in the caller"));
		}
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("recentCalls", 36)
			.containsEntry("recentFailures", 0)
			.containsEntry("recentClientErrors", 35)
			.containsEntry("errorRate", 0.0);
		assertThat(lastFailure(health)).containsEntry("outcome", "CLIENT_ERROR")
			.containsEntry("error", "IllegalStateException");
	}

	@Test
	void clientMistakesBeforeAnySuccessShouldLeaveItUnknown() {
		for (int i = 0; i < 5; i++) {
			this.tracker.onFailure("default", new BadRequestException(details(400, null), "bad"));
		}
		assertThat(health().getStatus()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void clientMistakesBetweenProviderFailuresShouldNotEndTheRun() {
		this.tracker.onFailure("default", serverError(500));
		this.tracker.onFailure("default", new BadRequestException(details(400, null), "bad"));
		this.tracker.onFailure("default", serverError(500));
		this.tracker.onFailure("default", serverError(500));
		assertThat(health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void aRejectedCredentialShouldBeOutOfServiceSayingToCheckTheKey() {
		this.tracker.onSuccess("default");
		this.tracker.onFailure("default",
				new AuthenticationException(details(401, "invalid_api_key"), "check the key"));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getStatus().getDescription()).contains("rejects the credential").contains("API key");
		assertThat(health.getDetails()).containsEntry("reason", "CREDENTIAL_REJECTED");
		assertThat(lastFailure(health)).containsEntry("outcome", "CREDENTIAL_REJECTED")
			.containsEntry("error", "AuthenticationException")
			.containsEntry("status", 401)
			.containsEntry("providerError", "invalid_api_key");
	}

	@Test
	void aForbiddenAccountOrPlanShouldAlsoBeCredentialRejected() {
		this.tracker.onFailure("default", new PermissionDeniedException(details(403, null), "permission denied"));
		assertThat(health().getDetails()).containsEntry("reason", "CREDENTIAL_REJECTED");
		this.tracker.onFailure("default", new ApiAccessDeniedException(details(408, null), "no API access"));
		assertThat(health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health().getDetails()).containsEntry("reason", "CREDENTIAL_REJECTED");
	}

	@Test
	void aUsedUpQuotaShouldBeOutOfServiceWhateverStatusTheProviderMapsItFrom() {
		// one provider says 402, another 406: what counts is the type its status mapping
		// chose
		for (int status : new int[] { 402, 406 }) {
			ChatClientHealthTracker tracker = new ChatClientHealthTracker(PassiveHealthSettings.defaults(), this.clock);
			tracker.onFailure("default", new QuotaExceededException(details(status, null), "quota used up"));
			Health health = tracker.health("default", TARGET);
			assertThat(health.getStatus()).as("%d", status).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getStatus().getDescription()).contains("quota");
			assertThat(health.getDetails()).containsEntry("reason", "QUOTA_EXHAUSTED");
			assertThat(lastFailure(health)).containsEntry("status", status);
		}
	}

	@Test
	void aStatusAloneShouldNotMeanQuota() {
		this.tracker.onSuccess("default");
		this.tracker.onFailure("default", new AppNotFoundException(details(402, null), "no such app"));
		assertThat(health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void outOfServiceShouldEndWithASuccessOrBecomeUnknownAfterTheWindow() {
		this.tracker.onFailure("default", new QuotaExceededException(details(406, null), "quota used up"));
		this.tracker.onSuccess("default");
		assertThat(health().getStatus()).isEqualTo(Status.UP);
		this.tracker.onFailure("default", new AuthenticationException(details(401, null), "check the key"));
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		this.clock.advance(Duration.ofMinutes(2));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails().get("reason").toString()).startsWith("The credential was rejected at");
	}

	@Test
	void providerFailuresAfterARejectedCredentialShouldFollowTheFailureRules() {
		this.tracker.onFailure("default", new AuthenticationException(details(401, null), "check the key"));
		this.tracker.onFailure("default", serverError(500));
		assertThat(health().getStatus()).isEqualTo(Status.UNKNOWN);
		this.tracker.onFailure("default", serverError(500));
		this.tracker.onFailure("default", serverError(500));
		assertThat(health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void otherProviderSideFailuresShouldCountTowardsDown() {
		this.tracker.onFailure("default", new ResponseDecodingException("acme", "default", "Malformed JSON", null));
		this.tracker.onFailure("default", new StreamErrorEventException("acme", "default", "server_error", null));
		this.tracker.onFailure("default", new ProviderApiException(details(200, null), "with an error object"));
		assertThat(health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void theErrorRateShouldCountOnlyCallsWithinTheWindow() {
		this.tracker.onFailure("default", serverError(500));
		this.tracker.onFailure("default", serverError(500));
		this.clock.advance(Duration.ofMinutes(6));
		this.tracker.onSuccess("default");
		this.tracker.onSuccess("default");
		this.tracker.onSuccess("default");
		this.tracker.onFailure("default", serverError(500));
		assertThat(health().getDetails()).containsEntry("window", "PT5M")
			.containsEntry("recentCalls", 4)
			.containsEntry("recentFailures", 1)
			.containsEntry("errorRate", 0.25);
	}

	@Test
	void clientsShouldBeTrackedApart() {
		for (int i = 0; i < 3; i++) {
			this.tracker.onFailure("support", serverError(500));
		}
		this.tracker.onSuccess("default");
		assertThat(health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.tracker.health("support", TARGET).getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.tracker.health("other", TARGET).getStatus()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void lastEvidenceShouldIgnoreClientMistakes() {
		assertThat(this.tracker.lastEvidence("default")).isNull();
		this.tracker.onSuccess("default");
		this.clock.advance(Duration.ofSeconds(30));
		this.tracker.onFailure("default", new BadRequestException(details(400, null), "bad"));
		assertThat(this.tracker.lastEvidence("default")).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
	}

	@Test
	void detailsShouldNeverHoldAnErrorMessageOrTheKey() throws IOException {
		this.tracker.onSuccess("default");
		this.tracker.onFailure("default", new AuthenticationException(
				new ErrorDetails("acme", "default", 401, "invalid_api_key", "Incorrect API key provided: " + KEY, null),
				"check the key"));
		this.tracker.onFailure("default",
				new ChatTransportException("acme", "default", "Request failed for " + KEY, new IOException(KEY)));
		this.tracker.onFailure("default", new ChatRequestValidationException("acme", "default", "messages", KEY));
		String json = JsonMapper.builder().build().writeValueAsString(health());
		assertThat(json).doesNotContain(KEY)
			.doesNotContain("Incorrect API key")
			.contains("ChatRequestValidationException");
	}

	@Test
	void callsRefusedForWantOfALocalConnectionShouldNeverBeCounted() throws InterruptedException {
		String event = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"你\"},\"finish_reason\":null}]}\n\n";
		ConnectionProvider pool = ConnectionProvider.builder("health-saturation")
			.maxConnections(1)
			.pendingAcquireMaxCount(1)
			.pendingAcquireTimeout(Duration.ofMillis(100))
			.build();
		List<ChatChunk> held = new CopyOnWriteArrayList<>();
		Disposable stream = null;
		try (MisbehavingServer server = MisbehavingServer.start((exchange) -> {
			exchange.readRequest();
			exchange.chunkedHead(200, "text/event-stream").chunk(event).hold();
		})) {
			ChatClient client = LinkAi.chatClient(new LinkAiSettings(KEY, server.baseUrl(), LinkAiOptions.none()),
					new HttpChatClientFactory(new ReactorClientHttpConnector(HttpClient.create(pool)),
							ClientSettings.builder("default").retry(new RetryPolicy()).observer(this.tracker).build()));
			stream = client.stream("holds the only connection").subscribe(held::add);
			for (int i = 0; i < 100 && held.isEmpty(); i++) {
				Thread.sleep(50);
			}
			assertThat(held).as("the held stream's first chunk").hasSize(1);
			for (int i = 0; i < 5; i++) {
				assertThatExceptionOfType(LocalSaturationException.class).isThrownBy(() -> client.chat("one more"));
			}
		}
		finally {
			if (stream != null) {
				stream.dispose();
			}
			pool.dispose();
		}
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("recentCalls", 0).doesNotContainKey("lastFailure");
		assertThat(CallOutcome.of(new LocalSaturationException("acme", "default", "pool full", null)))
			.isEqualTo(CallOutcome.REJECTED_LOCALLY);
	}

	@Test
	void callOutcomeShouldBeJudgedByType() {
		assertThat(CallOutcome.of(serverError(500))).isEqualTo(CallOutcome.PROVIDER_FAILURE);
		assertThat(CallOutcome.of(new ChatTimeoutException("acme", "c", "t", null)))
			.isEqualTo(CallOutcome.PROVIDER_FAILURE);
		assertThat(CallOutcome.of(new AuthenticationException(details(401, null), "m")))
			.isEqualTo(CallOutcome.CREDENTIAL_REJECTED);
		assertThat(CallOutcome.of(new QuotaExceededException(details(402, null), "m")))
			.isEqualTo(CallOutcome.QUOTA_EXHAUSTED);
		assertThat(CallOutcome.of(new AppNotFoundException(details(402, null), "m")))
			.isEqualTo(CallOutcome.CLIENT_ERROR);
		assertThat(CallOutcome.of(new RateLimitedException(details(429, null), "m")))
			.isEqualTo(CallOutcome.CLIENT_ERROR);
		assertThat(CallOutcome.of(new NullPointerException())).isEqualTo(CallOutcome.CLIENT_ERROR);
	}

	private Health health() {
		return this.tracker.health("default", TARGET);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> lastFailure(Health health) {
		assertThat(health.getDetails()).containsKey("lastFailure");
		return (Map<String, Object>) health.getDetails().get("lastFailure");
	}

	private static ServerErrorException serverError(int status) {
		return new ServerErrorException(details(status, null), "server error");
	}

	private static ErrorDetails details(int status, @Nullable String errorType) {
		return new ErrorDetails("acme", "default", status, errorType, null, null);
	}

}
