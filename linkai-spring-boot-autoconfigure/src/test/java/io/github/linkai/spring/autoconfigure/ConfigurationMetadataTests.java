package io.github.linkai.spring.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.linkai.spring.client.spi.ChatProvider;
import io.github.linkai.spring.client.spi.ChatProviders;
import io.github.linkai.spring.client.spi.Validation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata IDEs complete from covers every property. Those of the
 * properties classes come from the configuration processor; a provider's own settings are
 * plain JavaBeans of its package, bound at run time where the processor cannot follow, so
 * their entries are written by hand: this test holds each to its class, by name, type,
 * default and description (the field's Javadoc).
 */
class ConfigurationMetadataTests {

	private static final Pattern FIELD = Pattern.compile(
			"/\\*\\*((?:(?!\\*/).)*?)\\*/\\s*private\\s+(?:final\\s+)?[^;=(]*?\\b(\\w+)\\s*(?:=[^;]*)?;",
			Pattern.DOTALL);

	@Test
	void theProcessorDescribesTheClientProperties() throws IOException {
		Map<String, JsonNode> entries = entries();
		for (String name : new String[] { "linkai.provider", "linkai.api-key", "linkai.clients",
				"linkai.pool.max-connections", "linkai.idle-timeout", "linkai.retry.max-retries",
				"linkai.connect-timeout", "linkai.ssl.bundle" }) {
			assertThat(entries).as(name).containsKey(name);
			assertThat(entries.get(name).path("description").asString()).as("description of %s", name).isNotBlank();
		}
		assertThat(entries.get("linkai.idle-timeout").path("defaultValue").asString()).isEqualTo("60s");
		assertThat(entries.get("linkai.retry.max-retries").path("defaultValue").asInt()).isEqualTo(2);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("providers")
	void everyProviderSettingHasAnEntryThatMatchesItsClass(ChatProvider<?> provider) throws IOException {
		Map<String, JsonNode> entries = entries();
		Object settings = provider.newSettings();
		Map<String, String> javadoc = fieldJavadoc(settings.getClass());
		String prefix = "linkai." + (provider.settingsPrefix().isEmpty() ? "" : provider.settingsPrefix() + ".");
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(settings.getClass())) {
			if (descriptor.getWriteMethod() == null) {
				continue;
			}
			String name = prefix + Validation.settingName(descriptor.getName());
			assertThat(entries).as("metadata of %s", name).containsKey(name);
			JsonNode entry = entries.get(name);
			assertThat(entry.path("type").asString().replace(" ", "")).as("type of %s", name)
				.isEqualTo(descriptor.getReadMethod().getGenericReturnType().getTypeName().replace(" ", ""));
			assertThat(entry.path("description").asString()).as("description of %s", name)
				.isEqualTo(javadoc.get(descriptor.getName()));
			Object value = ReflectionUtils.invokeMethod(descriptor.getReadMethod(), settings);
			assertThat(entry.has("defaultValue") ? entry.get("defaultValue").asString() : null)
				.as("default of %s", name)
				.isEqualTo(defaultValue(value));
		}
	}

	static Stream<ChatProvider<?>> providers() {
		return ChatProviders.load(ConfigurationMetadataTests.class.getClassLoader()).all().stream();
	}

	private static @Nullable String defaultValue(@Nullable Object value) {
		if (value == null || (value instanceof Collection<?> collection && collection.isEmpty())
				|| (value instanceof Map<?, ?> map && map.isEmpty())) {
			return null;
		}
		return value.toString();
	}

	/** Each field's Javadoc as the configuration processor renders a description. */
	private static Map<String, String> fieldJavadoc(Class<?> type) throws IOException {
		Path source = Path.of("src/main/java", type.getName().replace('.', '/') + ".java");
		Map<String, String> javadoc = new HashMap<>();
		Matcher field = FIELD.matcher(Files.readString(source));
		while (field.find()) {
			String text = field.group(1).replaceAll("(?m)^\\s*\\*\\s?", " ");
			text = text.replaceAll("\\{@(?:code|link|literal) ([^}]*)}", "$1").replaceAll("\\s+", " ").strip();
			javadoc.put(field.group(2), text);
		}
		return javadoc;
	}

	private static Map<String, JsonNode> entries() throws IOException {
		Map<String, JsonNode> entries = new HashMap<>();
		try (InputStream in = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
				entries.put(property.get("name").asString(), property);
			}
		}
		return entries;
	}

}
