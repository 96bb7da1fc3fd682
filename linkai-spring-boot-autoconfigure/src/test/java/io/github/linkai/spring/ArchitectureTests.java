package io.github.linkai.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the layering: the client core ({@code client}, {@code provider}) is usable without a Spring Boot
 * context and without a meter registry, so it imports nothing from Spring Boot or Micrometer's core; and
 * providers depend on the core, never on each other or on the Spring glue.
 */
class ArchitectureTests {

	private static final Path SOURCES = Path.of("src/main/java/io/github/linkai/spring");

	@Test
	void clientCoreImportsNothingFromSpringBootOrMicrometerCore() throws IOException {
		assertThat(importsIn("client")).isNotEmpty()
			.noneMatch((line) -> line.contains("org.springframework.boot") || line.contains("io.micrometer.core"));
	}

	@Test
	void providersImportNoSpringBootNoOtherProviderAndNoGlue() throws IOException {
		for (String provider : List.of("linkai", "lingma", "jijyun")) {
			List<String> imports = importsIn("provider/" + provider);
			assertThat(imports).as(provider)
				.noneMatch((line) -> line.contains("org.springframework.boot") || line.contains("io.micrometer.core")
						|| line.contains("io.github.linkai.spring.autoconfigure")
						|| (line.contains("io.github.linkai.spring.provider.")
								&& !line.contains("io.github.linkai.spring.provider." + provider)));
		}
	}

	private static List<String> importsIn(String packagePath) throws IOException {
		Path dir = SOURCES.resolve(packagePath);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter((file) -> file.toString().endsWith(".java")).flatMap(ArchitectureTests::lines)
				.filter((line) -> line.startsWith("import "))
				.toList();
		}
	}

	private static Stream<String> lines(Path file) {
		try {
			return Files.readAllLines(file).stream();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
