package io.github.linkai.spring.client.spi;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How configured values read: a blank value means unset, as
 * {@code linkai.model=${MODEL:}} means "the app's default" and an empty {@code app_code}
 * means "no app" in LinkAI's own examples. Settings read through these, so a placeholder
 * with an empty default never sends a blank field.
 */
public final class BlankSettings {

	private BlankSettings() {
	}

	/** The value without surrounding whitespace, {@code null} when blank or unset. */
	public static @Nullable String unsetIfBlank(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** The entries that are not blank, stripped; {@code null} when none is left. */
	public static @Nullable List<String> unsetIfBlank(List<String> values) {
		List<String> kept = values.stream()
			.map(BlankSettings::unsetIfBlank)
			.filter((value) -> value != null)
			.map((value) -> (String) value)
			.toList();
		return kept.isEmpty() ? null : kept;
	}

}
