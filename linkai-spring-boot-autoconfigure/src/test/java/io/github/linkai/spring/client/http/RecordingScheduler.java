package io.github.linkai.spring.client.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs waits shorter than 30 s (backoffs, {@code Retry-After}s, the short drain grace
 * after a stream's end marker) at once and records them; longer ones (the default
 * timeouts and deadline) wait for real, and so does the bound on reading an error body
 * ({@link ErrorResponses#BODY_TIMEOUT}), which is no wait between attempts (unless
 * {@link #runningEverythingShortAtOnce()}). Tests of short timeouts use a real scheduler
 * instead.
 */
final class RecordingScheduler implements Scheduler {

	final List<Duration> waits = new CopyOnWriteArrayList<>();

	private final Scheduler delegate = Schedulers.parallel();

	private final boolean everythingShort;

	RecordingScheduler() {
		this(false);
	}

	private RecordingScheduler(boolean everythingShort) {
		this.everythingShort = everythingShort;
	}

	/** A scheduler that runs the error body's bound at once too. */
	static RecordingScheduler runningEverythingShortAtOnce() {
		return new RecordingScheduler(true);
	}

	@Override
	public Disposable schedule(Runnable task) {
		return this.delegate.schedule(task);
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		Duration wait = Duration.ofNanos(unit.toNanos(delay));
		if (wait.equals(ErrorResponses.BODY_TIMEOUT) && !this.everythingShort) {
			return this.delegate.schedule(task, delay, unit);
		}
		if (wait.compareTo(Duration.ofSeconds(30)) < 0) {
			this.waits.add(wait);
			return this.delegate.schedule(task);
		}
		return this.delegate.schedule(task, delay, unit);
	}

	@Override
	public long now(TimeUnit unit) {
		return this.delegate.now(unit);
	}

	@Override
	public Worker createWorker() {
		return this.delegate.createWorker();
	}

}
