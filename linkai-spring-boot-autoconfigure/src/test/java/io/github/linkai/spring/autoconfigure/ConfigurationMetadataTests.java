package io.github.linkai.spring.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import io.github.linkai.spring.client.spi.ChatProvider;
import io.github.linkai.spring.client.spi.ChatProviders;
import io.github.linkai.spring.client.spi.ProviderConfigurationException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata IDEs complete from covers every provider's own settings:
 * they are plain JavaBeans in the provider packages, which the configuration processor
 * does not see, so their entries are written by hand and this test keeps them from
 * drifting.
 */
class ConfigurationMetadataTests {

	@Test
	void everyProviderSettingHasADescribedEntry() throws IOException {
		Map<String, JsonNode> entries = new HashMap<>();
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
				entries.put(property.get("name").asString(), property);
			}
		}
		assertThat(entries).containsKeys("linkai.provider", "linkai.api-key", "linkai.clients",
				"linkai.pool.max-connections");
		for (ChatProvider<?> provider : ChatProviders.load(getClass().getClassLoader()).all()) {
			String prefix = "linkai." + (provider.settingsPrefix().isEmpty() ? "" : provider.settingsPrefix() + ".");
			for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(provider.newSettings().getClass())) {
				if (descriptor.getWriteMethod() == null) {
					continue;
				}
				String name = prefix + ProviderConfigurationException.settingName(descriptor.getName());
				assertThat(entries).as("metadata of %s", name).containsKey(name);
				assertThat(entries.get(name).path("description").asString()).as("description of %s", name).isNotBlank();
			}
		}
	}

}
