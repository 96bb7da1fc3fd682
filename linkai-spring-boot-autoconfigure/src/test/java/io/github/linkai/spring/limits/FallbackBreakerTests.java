package io.github.linkai.spring.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.FakeChatClient;
import io.github.linkai.spring.client.admission.GatedCalls;
import io.github.linkai.spring.client.admission.PriceTable;
import io.github.linkai.spring.client.error.ErrorDetails;
import io.github.linkai.spring.client.error.ServiceUnavailableException;
import io.github.linkai.spring.client.fallback.FallbackChatClient;
import io.github.linkai.spring.client.fallback.FallbackTarget;
import io.github.linkai.spring.client.spi.ChatOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fallback chain skips a client whose breaker is open, without sending it anything, and
 * tries it once when the cooldown has passed: on virtual time, with fake clients.
 */
class FallbackBreakerTests {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final SchedulerClock clock = new SchedulerClock(this.time, Instant.parse("2026-12-06T10:00:00Z"));

	private final Limits limits = Limits
		.inMemory(new Limits.Context(PriceTable.empty(), this.clock, this.time, LimitsListener.NONE, "linkai"));

	private final FakeChatClient primary = new FakeChatClient("assistant", "linkai")
		.failing(() -> new ServiceUnavailableException(new ErrorDetails("linkai", "assistant", 503, null, "busy", null),
				"service unavailable"));

	private final FakeChatClient deepseek = new FakeChatClient("deepseek", "openai");

	private final List<String> fallbacks = new CopyOnWriteArrayList<>();

	private final ChatClient chain = chain();

	@AfterEach
	void close() {
		this.limits.close();
		this.time.dispose();
	}

	@Test
	void anOpenBreakerIsSkippedUntilItsCooldownThenTriedOnce() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.chain.chat(ChatRequest.of("hi")).clientName()).isEqualTo("deepseek");
		}
		assertThat(this.primary.calls()).isEqualTo(3);
		assertThat(this.limits.breakerState("assistant")).isEqualTo("OPEN");

		assertThat(this.chain.chat(ChatRequest.of("hi")).clientName()).isEqualTo("deepseek");
		assertThat(this.primary.calls()).as("skipped while open: nothing sent").isEqualTo(3);
		assertThat(this.fallbacks).last().isEqualTo("assistant->deepseek:UNAVAILABLE");

		this.time.advanceTimeBy(Duration.ofSeconds(30).plusMillis(1));
		this.primary.answering(FakeChatClient.chunk("back", "stop"));

		assertThat(this.chain.chat(ChatRequest.of("hi")).clientName()).isEqualTo("assistant");
		assertThat(this.primary.calls()).isEqualTo(4);
		assertThat(this.limits.breakerState("assistant")).isEqualTo("CLOSED");
	}

	@Test
	void aTrialThatFailsOpensTheBreakerForAnotherCooldown() {
		for (int i = 0; i < 3; i++) {
			this.chain.chat(ChatRequest.of("hi"));
		}
		this.time.advanceTimeBy(Duration.ofSeconds(30).plusMillis(1));

		assertThat(this.chain.chat(ChatRequest.of("hi")).clientName()).isEqualTo("deepseek");
		assertThat(this.primary.calls()).isEqualTo(4);
		assertThat(this.limits.breakerState("assistant")).isEqualTo("OPEN");

		this.time.advanceTimeBy(Duration.ofSeconds(29));
		this.chain.chat(ChatRequest.of("hi"));
		assertThat(this.primary.calls()).isEqualTo(4);
	}

	@Test
	void aStreamClosesTheBreakerAtItsFirstChunk() {
		for (int i = 0; i < 3; i++) {
			this.chain.stream(ChatRequest.of("hi")).blockLast();
		}
		this.time.advanceTimeBy(Duration.ofSeconds(30).plusMillis(1));
		this.primary.failingAfterAChunk(() -> new ServiceUnavailableException(
				new ErrorDetails("linkai", "assistant", 503, null, "busy", null), "cut"));

		this.chain.stream(ChatRequest.of("hi")).onErrorComplete().blockLast();

		assertThat(this.limits.breakerState("assistant")).isEqualTo("CLOSED");
		assertThat(this.deepseek.calls()).isEqualTo(3);
	}

	private ChatClient chain() {
		BreakerSettings breaker = new BreakerSettings();
		breaker.setFailureThreshold(3);
		breaker.setCooldown(Duration.ofSeconds(30));
		ClientLimits limits = new ClientLimits("linkai", "assistant", new LimitSettings(), new BudgetSettings(),
				breaker, List.of("k"), Duration.ofMinutes(10));
		ChatClient gated = new GatedCalls(this.limits.gate(limits), "linkai", "assistant", null, Duration.ofMinutes(1),
				this.clock, PriceTable.empty())
			.chatClient(this.primary);
		return new FallbackChatClient(
				List.of(new FallbackTarget(gated, EnumSet.allOf(ChatOption.class)),
						new FallbackTarget(this.deepseek, EnumSet.allOf(ChatOption.class))),
				(from, to, reason, context) -> this.fallbacks.add(from + "->" + to + ":" + reason),
				Duration.ofMinutes(1), this.time);
	}

}
