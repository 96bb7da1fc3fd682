package io.github.linkai.spring.client.spi;

import io.github.linkai.spring.client.error.ChatRequestValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Raises {@link ChatRequestValidationException}s that name the provider, the client and
 * the field.
 */
public final class Validation {

	private final String provider;

	private final String clientName;

	public Validation(String provider, String clientName) {
		this.provider = provider;
		this.clientName = clientName;
	}

	/**
	 * Fails with {@code field problem}, e.g.
	 * {@code fail("temperature", "must be in [0, 1] but was 1.5")}.
	 */
	public ChatRequestValidationException fail(String field, String problem) {
		return new ChatRequestValidationException(this.provider, this.clientName, field, problem);
	}

	/** Checks that a set number lies in [min, max]. */
	public void range(String field, @Nullable Number value, double min, double max) {
		if (value == null) {
			return;
		}
		double d = value.doubleValue();
		if (Double.isNaN(d) || d < min || d > max) {
			throw fail(field, "must be in [" + format(min) + ", " + format(max) + "] but was " + value);
		}
	}

	/** Checks that a set number is finite and at least {@code min}. */
	public void atLeast(String field, @Nullable Number value, double min) {
		if (value == null) {
			return;
		}
		double d = value.doubleValue();
		if (!Double.isFinite(d) || d < min) {
			throw fail(field, "must be a finite number of at least " + format(min) + " but was " + value);
		}
	}

	private static String format(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

}
