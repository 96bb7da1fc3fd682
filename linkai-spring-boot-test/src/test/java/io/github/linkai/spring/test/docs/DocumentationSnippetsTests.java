package io.github.linkai.spring.test.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.github.linkai.spring.autoconfigure.LinkAiAutoConfiguration;
import io.github.linkai.spring.autoconfigure.LinkAiConnectionDetails;
import io.github.linkai.spring.test.ProviderStub;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertiesPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every snippet of the README and of {@code docs/} works as pasted: each Java block
 * compiles on its own (with the starter, the test kit, Spring AI and Spring's web
 * annotations on the class path, as an application that uses them has), and each
 * {@code linkai.*} key of a properties block is a property the starter has, and the block
 * as pasted starts its clients (on the test kit's stub, as a test of the application
 * would).
 */
class DocumentationSnippetsTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern BLOCK = Pattern.compile("(?m)^```(java|properties)\\n(.*?)^```", Pattern.DOTALL);

	private static final Pattern TYPE = Pattern
		.compile("(?m)^(?:public |final |abstract )*(?:class|interface|record|enum) (\\w+)");

	@ParameterizedTest(name = "{0}")
	@MethodSource("javaSnippets")
	void javaSnippetCompiles(String where, String code, @TempDir Path dir) throws IOException {
		Matcher type = TYPE.matcher(code);
		assertThat(type.find()).as("%s declares a class: a snippet is a whole file, pasteable as written", where)
			.isTrue();
		Path source = dir.resolve(type.group(1) + ".java");
		Files.writeString(source, code);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		StringWriter errors = new StringWriter();
		boolean compiled = compiler.getTask(errors, null, null,
				List.of("-proc:none", "-d", dir.toString(), "-classpath", System.getProperty("java.class.path")), null,
				compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source.toFile()))
			.call();
		assertThat(compiled).as("%s compiles:%n%s", where, errors).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("propertiesSnippets")
	void propertiesSnippetNamesOnlyKnownProperties(String where, String properties) throws IOException {
		Set<String> known = knownProperties();
		for (String line : properties.lines().toList()) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.startsWith("linkai.")) {
				continue;
			}
			String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
			assertThat(known).as("%s: %s is a property of the starter", where, key).contains(generic(key));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("propertiesSnippets")
	void propertiesSnippetStartsItsClientsOnTheStub(String where, String properties) throws IOException {
		Properties pasted = new Properties();
		pasted.load(new StringReader(properties));
		try (ProviderStub stub = ProviderStub.builder().start()) {
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LinkAiAutoConfiguration.class))
				.withBean(LinkAiConnectionDetails.class, stub::connectionDetails)
				.withInitializer((context) -> context.getEnvironment()
					.getPropertySources()
					.addFirst(new PropertiesPropertySource(where, pasted)))
				.run((context) -> assertThat(context).as("%s as pasted, with the test kit's stub", where)
					.hasNotFailed());
		}
	}

	static Stream<Arguments> javaSnippets() throws IOException {
		return blocks("java");
	}

	static Stream<Arguments> propertiesSnippets() throws IOException {
		return blocks("properties");
	}

	private static Stream<Arguments> blocks(String language) throws IOException {
		List<Path> files = new ArrayList<>();
		files.add(ROOT.resolve("README.md"));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(files::add);
		}
		List<Arguments> blocks = new ArrayList<>();
		for (Path file : files) {
			String text = Files.readString(file);
			Matcher block = BLOCK.matcher(text);
			while (block.find()) {
				if (block.group(1).equals(language)) {
					int line = (int) text.substring(0, block.start()).lines().count() + 1;
					blocks.add(Arguments.of(ROOT.relativize(file) + ":" + line, block.group(2)));
				}
			}
		}
		return blocks.stream();
	}

	/**
	 * A key as the metadata names it: a named client's keys are the top level's, a list's
	 * element is the list, and a map's entry (with the fields of its value) is the map.
	 */
	private static String generic(String key) {
		String generic = key.replaceFirst("^linkai\\.clients\\.[^.]+\\.", "linkai.");
		return generic.replaceAll("\\[[^]]*](\\..*)?$", "");
	}

	private static Set<String> knownProperties() throws IOException {
		Set<String> known = new HashSet<>();
		try (InputStream in = DocumentationSnippetsTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("the starter's configuration metadata").isNotNull();
			for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
				known.add(property.get("name").asString());
			}
		}
		known.add("management.health.linkai.enabled");
		return known;
	}

}
