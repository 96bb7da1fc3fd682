package io.github.linkai.spring.client.http;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The clients' default timer: Netty's {@link HashedWheelTimer} behind Reactor's
 * {@link Scheduler}. Every call arms a deadline and every stream up to three more timers
 * (first event, idle, the drain after its end), nearly all cancelled long before they are
 * due. Reactor's parallel scheduler puts each into a
 * {@code ScheduledThreadPoolExecutor}'s locked queue and often wakes its thread to do so
 * (3.7 µs and 1.3 KB per {@code timeout()} in a loop, against 0.3 µs here); the wheel
 * adds and cancels in lock-free queues. A timer fires within one 10 ms tick after it is
 * due, and what it runs, like whatever is due at once and every
 * {@linkplain #createWorker() worker}, runs on Reactor's parallel scheduler, as before.
 *
 * <p>
 * One wheel, one ticking thread, serves every client of the JVM. Each user holds a lease
 * ({@link #lease()}) and disposes it when done (an application context when it closes);
 * the wheel's thread stops with the last lease and starts again with the next.
 */
public final class TimerWheelScheduler implements Scheduler {

	private static final Wheel SHARED = new Wheel();

	private final Wheel wheel;

	private final HashedWheelTimer timer;

	private final AtomicBoolean disposed = new AtomicBoolean();

	private TimerWheelScheduler(Wheel wheel, HashedWheelTimer timer) {
		this.wheel = wheel;
		this.timer = timer;
	}

	/**
	 * A lease on the shared wheel, started if it is not running: dispose it when its
	 * clients are done.
	 */
	public static TimerWheelScheduler lease() {
		return SHARED.lease();
	}

	@Override
	public Disposable schedule(Runnable task) {
		return Schedulers.parallel().schedule(task);
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		if (delay <= 0) {
			return schedule(task);
		}
		if (this.disposed.get()) {
			throw new RejectedExecutionException("The timer wheel lease is disposed");
		}
		Timeout timeout = this.timer.newTimeout((due) -> Schedulers.parallel().schedule(task), delay, unit);
		return new Disposable() {

			@Override
			public void dispose() {
				timeout.cancel();
			}

			@Override
			public boolean isDisposed() {
				return timeout.isCancelled() || timeout.isExpired();
			}

		};
	}

	@Override
	public Disposable schedulePeriodically(Runnable task, long initialDelay, long period, TimeUnit unit) {
		return Schedulers.parallel().schedulePeriodically(task, initialDelay, period, unit);
	}

	@Override
	public Worker createWorker() {
		return Schedulers.parallel().createWorker();
	}

	/** Gives the lease back: the last one stops the wheel's thread. */
	@Override
	public void dispose() {
		if (this.disposed.compareAndSet(false, true)) {
			this.wheel.release();
		}
	}

	@Override
	public boolean isDisposed() {
		return this.disposed.get();
	}

	@Override
	public String toString() {
		return "TimerWheelScheduler";
	}

	/** A wheel started by its first lease and stopped with its last. */
	static final class Wheel {

		private @Nullable HashedWheelTimer timer;

		private int leases;

		synchronized TimerWheelScheduler lease() {
			HashedWheelTimer running = this.timer;
			if (running == null) {
				running = new HashedWheelTimer(new DefaultThreadFactory("linkai-timer", true), 10,
						TimeUnit.MILLISECONDS, 512);
				this.timer = running;
			}
			this.leases++;
			return new TimerWheelScheduler(this, running);
		}

		synchronized void release() {
			HashedWheelTimer running = this.timer;
			if (--this.leases == 0 && running != null) {
				// timers still pending belong to calls of clients that are gone
				running.stop();
				this.timer = null;
			}
		}

		synchronized boolean isRunning() {
			return this.timer != null;
		}

	}

}
