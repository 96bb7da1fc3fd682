package io.github.linkai.spring.client.http;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The clients' default timer: due tasks run on Reactor's parallel scheduler, never early,
 * cancelled ones never; its thread runs while a lease on it is held.
 */
class TimerWheelSchedulerTests {

	private final TimerWheelScheduler scheduler = TimerWheelScheduler.lease();

	@AfterEach
	void giveTheLeaseBack() {
		this.scheduler.dispose();
	}

	@Test
	void aWheelRunsWhileALeaseIsHeldAndStopsWithTheLast() throws InterruptedException {
		TimerWheelScheduler.Wheel wheel = new TimerWheelScheduler.Wheel();
		TimerWheelScheduler first = wheel.lease();
		TimerWheelScheduler second = wheel.lease();

		first.dispose();
		first.dispose();
		assertThat(wheel.isRunning()).isTrue();
		CountDownLatch ran = new CountDownLatch(1);
		second.schedule(ran::countDown, 10, TimeUnit.MILLISECONDS);
		assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();

		second.dispose();
		assertThat(wheel.isRunning()).isFalse();
		assertThat(second.isDisposed()).isTrue();
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> second.schedule(() -> {
		}, 10, TimeUnit.MILLISECONDS));

		TimerWheelScheduler again = wheel.lease();
		CountDownLatch ranAgain = new CountDownLatch(1);
		again.schedule(ranAgain::countDown, 10, TimeUnit.MILLISECONDS);
		assertThat(ranAgain.await(5, TimeUnit.SECONDS)).isTrue();
		again.dispose();
		assertThat(wheel.isRunning()).isFalse();
	}

	@Test
	void aDelayedTaskRunsOnceDueOnAParallelThread() throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);
		AtomicReference<String> thread = new AtomicReference<>();
		long start = System.nanoTime();
		AtomicReference<Long> elapsed = new AtomicReference<>();

		this.scheduler.schedule(() -> {
			elapsed.set(System.nanoTime() - start);
			thread.set(Thread.currentThread().getName());
			ran.countDown();
		}, 50, TimeUnit.MILLISECONDS);

		assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(elapsed.get()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
		assertThat(thread.get()).startsWith("parallel-");
	}

	@Test
	void aCancelledTaskNeverRuns() throws InterruptedException {
		AtomicBoolean ran = new AtomicBoolean();
		Disposable timer = this.scheduler.schedule(() -> ran.set(true), 30, TimeUnit.MILLISECONDS);

		timer.dispose();

		assertThat(timer.isDisposed()).isTrue();
		Thread.sleep(150);
		assertThat(ran).isFalse();
	}

	@Test
	void aTaskDueNowRunsAtOnce() throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);

		this.scheduler.schedule(ran::countDown, 0, TimeUnit.MILLISECONDS);

		assertThat(ran.await(1, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void reactorsDelayAndTimeoutRunOnIt() {
		StepVerifier.create(Mono.delay(Duration.ofMillis(20), this.scheduler)).expectNext(0L).verifyComplete();
		StepVerifier.create(Mono.never().timeout(Duration.ofMillis(20), this.scheduler))
			.verifyError(TimeoutException.class);
		StepVerifier.create(Mono.just(1).timeout(Duration.ofMinutes(10), this.scheduler))
			.expectNext(1)
			.verifyComplete();
	}

}
