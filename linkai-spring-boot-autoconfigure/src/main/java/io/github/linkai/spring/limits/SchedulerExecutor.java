package io.github.linkai.spring.limits;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * A Reactor {@link Scheduler} as the {@link ScheduledExecutorService} Bucket4j completes
 * a reserved wait on: only {@link #schedule(Runnable, long, TimeUnit)} and
 * {@link #execute(Runnable)} are supported, which is all Bucket4j's scheduling buckets
 * use. Waits thus hold no thread and follow the clients' timer (a virtual one in tests).
 */
final class SchedulerExecutor extends AbstractExecutorService implements ScheduledExecutorService {

	private final Scheduler scheduler;

	private final Runnable onSchedule;

	SchedulerExecutor(Scheduler scheduler) {
		this(scheduler, () -> {
		});
	}

	/**
	 * An executor that also runs {@code onSchedule} when a task is scheduled: for
	 * Bucket4j, when a reservation has been answered and only its wait is left.
	 */
	SchedulerExecutor(Scheduler scheduler, Runnable onSchedule) {
		this.scheduler = scheduler;
		this.onSchedule = onSchedule;
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
		this.onSchedule.run();
		return new Scheduled(this.scheduler.schedule(command, delay, unit), unit.toNanos(delay));
	}

	@Override
	public void execute(Runnable command) {
		this.scheduler.schedule(command);
	}

	@Override
	public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
		throw new UnsupportedOperationException();
	}

	@Override
	public void shutdown() {
		// the scheduler belongs to the clients
	}

	@Override
	public List<Runnable> shutdownNow() {
		return List.of();
	}

	@Override
	public boolean isShutdown() {
		return false;
	}

	@Override
	public boolean isTerminated() {
		return false;
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) {
		return false;
	}

	/** A scheduled task as a future: it can be cancelled, and has no result. */
	private record Scheduled(Disposable task, long delayNanos) implements ScheduledFuture<Object> {

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(this.delayNanos, TimeUnit.NANOSECONDS);
		}

		@Override
		public int compareTo(Delayed other) {
			return Long.compare(this.delayNanos, other.getDelay(TimeUnit.NANOSECONDS));
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			this.task.dispose();
			return true;
		}

		@Override
		public boolean isCancelled() {
			return this.task.isDisposed();
		}

		@Override
		public boolean isDone() {
			return this.task.isDisposed();
		}

		@Override
		public Object get() {
			throw new UnsupportedOperationException();
		}

		@Override
		public Object get(long timeout, TimeUnit unit) {
			throw new UnsupportedOperationException();
		}

	}

}
