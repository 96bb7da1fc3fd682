package io.github.linkai.spring.client.http;

import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
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
 */
final class TimerWheelScheduler implements Scheduler {

	/** One wheel for every client: one thread, which only ticks. */
	static final TimerWheelScheduler INSTANCE = new TimerWheelScheduler();

	private final HashedWheelTimer wheel = new HashedWheelTimer(new DefaultThreadFactory("linkai-timer", true), 10,
			TimeUnit.MILLISECONDS, 512);

	private TimerWheelScheduler() {
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
		Timeout timeout = this.wheel.newTimeout((due) -> Schedulers.parallel().schedule(task), delay, unit);
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

	@Override
	public String toString() {
		return "TimerWheelScheduler";
	}

}
