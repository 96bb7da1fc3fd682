package io.github.linkai.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the layering: the client core ({@code client}, {@code provider}) is usable
 * without a Spring Boot context and without a meter registry, so it imports nothing from
 * Spring Boot or Micrometer's core; and providers depend on the core, never on the Spring
 * glue, and on each other only where one shares another's wire format (LinkAI's chat API
 * is OpenAI-shaped and reads it with the openai package's records). The Spring AI adapter
 * ({@code ai}) is core too: it builds on Spring AI's model API, never on Boot, and names
 * no provider.
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
		for (String provider : List.of("linkai", "lingma", "jijyun", "openai")) {
			List<String> imports = importsIn("provider/" + provider);
			assertThat(imports).as(provider)
				.isNotEmpty()
				.noneMatch((line) -> line.contains("org.springframework.boot") || line.contains("io.micrometer.core")
						|| line.contains("io.github.linkai.spring.autoconfigure")
						|| (line.contains("io.github.linkai.spring.provider.")
								&& !line.contains("io.github.linkai.spring.provider." + provider)
								&& !sharesWireFormat(provider, line)));
		}
	}

	@Test
	void linkAiUsesTheSharedOpenAiWireFormatAndOpenAiUsesNoOtherProvider() throws IOException {
		assertThat(importsIn("provider/linkai")).anyMatch((line) -> line.contains("spring.provider.openai."));
		assertThat(importsIn("provider/openai"))
			.noneMatch((line) -> line.contains("spring.provider.") && !line.contains("spring.provider.openai."));
	}

	@Test
	void healthNamesNoProviderAndDoesNotDependOnTheGlue() throws IOException {
		assertThat(importsIn("health")).isNotEmpty()
			.noneMatch((line) -> line.contains("io.github.linkai.spring.provider")
					|| line.contains("io.github.linkai.spring.autoconfigure"));
	}

	@Test
	void webNamesNoProviderAndImportsNothingFromSpringBootOrTheGlue() throws IOException {
		assertThat(importsIn("web")).isNotEmpty()
			.noneMatch((line) -> line.contains("io.github.linkai.spring.provider")
					|| line.contains("io.github.linkai.spring.autoconfigure")
					|| line.contains("org.springframework.boot"));
	}

	@Test
	void springAiAdapterDependsOnSpringAiNotOnBootAndNamesNoProvider() throws IOException {
		assertThat(importsIn("ai")).isNotEmpty()
			.anyMatch((line) -> line.contains("org.springframework.ai."))
			.noneMatch((line) -> line.contains("org.springframework.boot") || line.contains("io.micrometer.core")
					|| line.contains("io.github.linkai.spring.provider")
					|| line.contains("io.github.linkai.spring.autoconfigure"));
	}

	@Test
	void onlyTheAdapterAndTheGlueUseSpringAi() throws IOException {
		for (String packagePath : List.of("client", "provider", "observation", "health", "web")) {
			assertThat(importsIn(packagePath)).as(packagePath)
				.noneMatch((line) -> line.contains("org.springframework.ai.")
						|| line.contains("io.github.linkai.spring.ai."));
		}
	}

	/**
	 * LinkAI's chat API has OpenAI's shape: it reads it with the openai package's records
	 * and mapping.
	 */
	private static boolean sharesWireFormat(String provider, String importLine) {
		return "linkai".equals(provider) && importLine.contains("io.github.linkai.spring.provider.openai.");
	}

	private static List<String> importsIn(String packagePath) throws IOException {
		Path dir = SOURCES.resolve(packagePath);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.flatMap(ArchitectureTests::lines)
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
