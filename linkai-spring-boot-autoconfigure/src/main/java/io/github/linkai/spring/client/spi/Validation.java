package io.github.linkai.spring.client.spi;

import java.util.Locale;

import io.github.linkai.spring.client.error.ChatRequestValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Checks values against a provider's documented rules and reports what breaks them,
 * naming the field: for a request, as a {@link ChatRequestValidationException} that names
 * the provider, the client and the field; for a client's settings, to its
 * {@link SettingProblems} as the setting that holds the field. The same rules thus check
 * a request and, once when the client is configured, its defaults.
 */
public final class Validation {

	private final Reporter reporter;

	/** A validation of requests, failing with {@link ChatRequestValidationException}s. */
	public Validation(String provider, String clientName) {
		this.reporter = (field, value, problem) -> new ChatRequestValidationException(provider, clientName, field,
				problem);
	}

	private Validation(Reporter reporter) {
		this.reporter = reporter;
	}

	/**
	 * A validation of settings, reporting each problem to {@code problems} by the setting
	 * that holds the field: {@code frequencyPenalty} in block {@code openai} is
	 * {@code openai.frequency-penalty}, {@code extraBody.x} is
	 * {@code openai.extra-body[x]}, {@code stop[2]} is {@code openai.stop[2]}.
	 * @param block where the fields are set under the client's prefix: {@code ""} for the
	 * prefix itself
	 */
	public static Validation ofSettings(SettingProblems problems, String block) {
		return new Validation((field, value, problem) -> {
			String setting = (block.isEmpty() ? "" : block + ".") + settingName(field);
			problems.reject(setting, value, capitalize(problem));
			return new IllegalArgumentException(setting + " " + problem);
		});
	}

	/**
	 * The setting a field is bound from: {@code frequencyPenalty} is
	 * {@code frequency-penalty}, a nested name becomes a map key ({@code extraBody.x} is
	 * {@code extra-body[x]}) and an index is kept.
	 */
	public static String settingName(String field) {
		int end = 0;
		while (end < field.length() && field.charAt(end) != '.' && field.charAt(end) != '[') {
			end++;
		}
		String head = field.substring(0, end).replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
		String tail = field.substring(end);
		return head + (tail.startsWith(".") ? "[" + tail.substring(1) + "]" : tail);
	}

	/**
	 * The problem with a field, to be thrown, e.g.
	 * {@code throw validation.fail("temperature", "must be in [0, 1] but was 1.5")}.
	 */
	public RuntimeException fail(String field, String problem) {
		return this.reporter.report(field, null, problem);
	}

	/**
	 * The problem with a field's value, to be thrown; the value is shown only as a
	 * setting's, never as a request's.
	 */
	public RuntimeException fail(String field, @Nullable Object value, String problem) {
		return this.reporter.report(field, value, problem);
	}

	/** Checks that a set number lies in [min, max]. */
	public void range(String field, @Nullable Number value, double min, double max) {
		if (value == null) {
			return;
		}
		double d = value.doubleValue();
		if (Double.isNaN(d) || d < min || d > max) {
			throw this.reporter.report(field, value,
					"must be in [" + format(min) + ", " + format(max) + "] but was " + value);
		}
	}

	/** Checks that a set number is finite and at least {@code min}. */
	public void atLeast(String field, @Nullable Number value, double min) {
		if (value == null) {
			return;
		}
		double d = value.doubleValue();
		if (!Double.isFinite(d) || d < min) {
			throw this.reporter.report(field, value,
					"must be a finite number of at least " + format(min) + " but was " + value);
		}
	}

	private static String format(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

	private static String capitalize(String problem) {
		return problem.isEmpty() ? problem : Character.toUpperCase(problem.charAt(0)) + problem.substring(1);
	}

	/**
	 * Makes the exception that reports a problem, after telling whoever collects them.
	 */
	@FunctionalInterface
	private interface Reporter {

		RuntimeException report(String field, @Nullable Object value, String problem);

	}

}
