package io.github.linkai.spring.limits;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar period a budget is spent in, in the budget's time zone. Each period is
 * counted apart and never refilled within it: the next one starts afresh.
 */
public enum BudgetPeriod {

	/** A calendar day. */
	DAY,

	/** An ISO week, from Monday. */
	WEEK,

	/** A calendar month. */
	MONTH;

	/**
	 * The name of the period holding {@code now}: {@code 2026-12-06}, {@code 2026-W49} or
	 * {@code 2026-12}.
	 */
	public String key(Instant now, ZoneId zone) {
		LocalDate date = LocalDate.ofInstant(now, zone);
		return switch (this) {
			case DAY -> date.toString();
			case WEEK -> String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
					date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			case MONTH -> date.toString().substring(0, 7);
		};
	}

	/** When the period holding {@code now} starts. */
	public Instant start(Instant now, ZoneId zone) {
		LocalDate date = LocalDate.ofInstant(now, zone);
		LocalDate first = switch (this) {
			case DAY -> date;
			case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> date.withDayOfMonth(1);
		};
		return first.atStartOfDay(zone).toInstant();
	}

	/** When the period holding {@code now} ends: the start of the next one. */
	public Instant end(Instant now, ZoneId zone) {
		LocalDate date = LocalDate.ofInstant(now, zone);
		LocalDate next = switch (this) {
			case DAY -> date.plusDays(1);
			case WEEK -> date.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
			case MONTH -> date.withDayOfMonth(1).plusMonths(1);
		};
		return next.atStartOfDay(zone).toInstant();
	}

}
