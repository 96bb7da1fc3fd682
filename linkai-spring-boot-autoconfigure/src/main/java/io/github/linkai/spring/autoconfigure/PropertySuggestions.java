package io.github.linkai.spring.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.github.linkai.spring.client.spi.ChatProvider;
import io.github.linkai.spring.client.spi.Validation;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;

/**
 * The known property closest to a misspelt one, for "did you mean" in a startup failure:
 * the properties every client has and those of its provider, by their names relative to
 * the client's prefix.
 */
final class PropertySuggestions {

	private PropertySuggestions() {
	}

	/**
	 * The property of a client of {@code provider} closest to {@code misspelt} (relative
	 * to the client's prefix), or {@code null} when none is close.
	 * @param topLevel whether the client is the top level's, whose prefix also holds the
	 * shared settings ({@code health.*}, {@code observations.*})
	 */
	static @Nullable String closest(String misspelt, ChatProvider<?> provider, boolean topLevel) {
		List<String> known = new ArrayList<>();
		collect(topLevel ? LinkAiProperties.class : LinkAiClientProperties.class, "", known);
		String block = provider.settingsPrefix();
		collect(provider.newSettings().getClass(), block.isEmpty() ? "" : block + ".", known);
		return closest(misspelt, known);
	}

	static @Nullable String closest(String misspelt, Collection<String> known) {
		String best = null;
		int bestDistance = Math.max(2, misspelt.length() / 4) + 1;
		for (String candidate : known) {
			int distance = distance(misspelt, candidate);
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	/** Every bindable property of a JavaBean and of its nested beans, by dashed name. */
	private static void collect(Class<?> type, String prefix, List<String> names) {
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			Class<?> valueType = property.getPropertyType();
			if (property.getReadMethod() == null || valueType == null || property.getName().equals("class")) {
				continue;
			}
			String name = prefix + Validation.settingName(property.getName());
			if (property.getWriteMethod() != null) {
				names.add(name);
			}
			else if (valueType.getName().startsWith("io.github.linkai.")) {
				collect(valueType, name + ".", names);
			}
		}
	}

	/** The Levenshtein distance: how many letters to insert, delete or change. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int change = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(change, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
