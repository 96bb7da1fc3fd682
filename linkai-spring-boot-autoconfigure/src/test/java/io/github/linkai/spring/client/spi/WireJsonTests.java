package io.github.linkai.spring.client.spi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The mapper's fast record creation is a patch of Jackson's internals: it is used only on
 * the Jackson line it was checked on, and it must read every reply and stream event of
 * every provider's fixtures exactly as Jackson's own creation does.
 */
class WireJsonTests {

	private static final JsonMapper FAST = WireJson.mapper(true);

	private static final JsonMapper PLAIN = WireJson.mapper(false);

	@Test
	void theRunningJacksonIsTheLineTheFastRecordsWereCheckedOn() {
		// when this fails, Jackson moved: check RecordCreators against the new line (this
		// test's other cases), then move PATCHED_LINE; meanwhile the plain mapper is used
		assertThat(WireJson.jacksonLine()).isEqualTo(WireJson.PATCHED_LINE);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void fastRecordsReadEveryFixtureAsJacksonsOwnCreationDoes(String fixture, Class<?> type, byte[] json) {
		Object plain;
		try {
			plain = PLAIN.readValue(json, type);
		}
		catch (JacksonException ex) {
			// a fixture of a malformed event: it must fail the same way
			assertThatExceptionOfType(ex.getClass()).isThrownBy(() -> FAST.readValue(json, type));
			return;
		}
		assertThat(FAST.readValue(json, type)).isNotNull().isEqualTo(plain);
	}

	/** Each provider's reply fixtures and the JSON events of its stream fixtures. */
	static Stream<Arguments> fixtures() throws IOException {
		List<Arguments> fixtures = new ArrayList<>();
		PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
		for (ChatProvider<?> provider : ChatProviders.load(WireJsonTests.class.getClassLoader()).all()) {
			Class<?> reply = provider.wireTypes()
				.stream()
				.filter((type) -> type.getSimpleName().equals("Reply"))
				.findFirst()
				.orElseThrow();
			for (Resource resource : resources
				.getResources("classpath:io/github/linkai/spring/provider/" + provider.id() + "/*")) {
				String name = provider.id() + "/" + resource.getFilename();
				String content = new String(resource.getContentAsByteArray(), StandardCharsets.UTF_8);
				if (name.endsWith(".json")) {
					if (!name.contains("request")) {
						fixtures.add(Arguments.of(name, reply, content.getBytes(StandardCharsets.UTF_8)));
					}
					continue;
				}
				int event = 0;
				for (String line : content.lines().toList()) {
					String data = line.startsWith("data:") ? line.substring(5).strip() : "";
					if (data.startsWith("{")) {
						fixtures
							.add(Arguments.of(name + " #" + (++event), reply, data.getBytes(StandardCharsets.UTF_8)));
					}
				}
			}
		}
		return fixtures.stream();
	}

}
