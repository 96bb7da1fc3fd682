package io.github.linkai.spring.limits;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import reactor.core.scheduler.Scheduler;

/** A clock reading a scheduler's time, so that virtual time moves both together. */
final class SchedulerClock extends Clock {

	private final Scheduler scheduler;

	private final Instant origin;

	SchedulerClock(Scheduler scheduler, Instant origin) {
		this.scheduler = scheduler;
		this.origin = origin;
	}

	@Override
	public Instant instant() {
		return this.origin.plusNanos(this.scheduler.now(TimeUnit.NANOSECONDS));
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

}
