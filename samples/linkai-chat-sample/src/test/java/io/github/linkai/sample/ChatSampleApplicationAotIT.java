package io.github.linkai.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the packaged sample in AOT mode, as
 * {@code java -Dspring.aot.enabled=true -jar linkai-chat-sample.jar} in a separate JVM
 * with no API key (so the embedded emulator answers), and reads what it prints. Runs
 * after {@code package} (failsafe, {@code integration-test} phase): the jar must hold
 * what {@code process-aot} generated at {@code prepare-package}.
 *
 * <p>
 * Spring prints nothing that says it ran on the generated code, so the JVM's
 * class-loading log is the witness: the generated application context initializer and the
 * generated definitions of the named client's beans must have been loaded from the jar.
 * In AOT mode the bean definitions come only from that code (no configuration class
 * parsing, no registrar, no condition evaluated), so the named client reaching the
 * conversation also shows that its qualifier and factory method were written out at build
 * time.
 */
class ChatSampleApplicationAotIT {

	private static final String INITIALIZER = "io.github.linkai.sample.ChatSampleApplication__ApplicationContextInitializer";

	/**
	 * Where AOT processing writes the named clients' definitions: beside the registrar's
	 * factory methods.
	 */
	private static final String NAMED_CLIENT_DEFINITIONS = "io.github.linkai.spring.autoconfigure.NamedChatClientsRegistrar__BeanDefinitions$NamedClients";

	private static final Pattern USAGE = Pattern.compile("\\[usage: \\d+ prompt \\+ \\d+ completion = \\d+ tokens]");

	private static final long TIMEOUT_SECONDS = 120;

	/**
	 * An ASCII question: what the child prints is then the same in any console encoding.
	 */
	private static final String QUESTION = "What is Spring Boot?";

	@Test
	void theProcessedJarRunsInAotModeWithTheNamedClient(@TempDir Path temp) throws Exception {
		Path jar = Path.of(System.getProperty("sample.jar", "target/linkai-chat-sample.jar"));
		assertThat(jar).as("the packaged sample").isRegularFile();
		try (JarFile contents = new JarFile(jar.toFile())) {
			assertThat(contents.getEntry("BOOT-INF/classes/" + INITIALIZER.replace('.', '/') + ".class"))
				.as("the AOT-generated initializer in the jar (did process-aot run?)")
				.isNotNull();
		}

		Path classLoading = temp.resolve("class-load.log");
		Path output = temp.resolve("output.txt");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Dspring.aot.enabled=true");
		command.add("-Xlog:class+load=info:file=" + classLoading);
		command.add("-jar");
		command.add(jar.toString());
		// A blank key overrides a LINKAI_API_KEY of the machine running the tests, so the
		// emulator answers.
		command.add("--linkai.api-key=");
		command.addAll(List.of(QUESTION.split(" ")));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().remove("LINKAI_API_KEY");
		Process process = builder.start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
			fail("The sample did not end within " + TIMEOUT_SECONDS + " s; it printed:%n%s", read(output));
		}
		String printed = read(output);

		String question = Pattern.quote(QUESTION);
		assertThat(process.exitValue()).as("exit code; the sample printed:%n%s", printed).isZero();
		assertThat(printed).contains("No linkai.api-key is set: using the embedded LinkAI emulator")
			// the streamed reply, complete: from its first piece to its last, then the
			// usage of the final event
			.containsPattern("Chat \\(linkai\\), streamed:\\R> " + question
					+ "\\R< Hello! I am the LinkAI API emulator, .*" + "You asked: \"" + question
					+ "\"\\. Configure a real API key to get a model's answer\\.\\R" + USAGE.pattern())
			// the named client, injected by its qualifier
			.containsPattern("Named client '" + SampleConversation.NAMED_CLIENT + "' \\(linkai\\), blocking:\\R> "
					+ question + "\\R< Hello! I am the LinkAI API emulator, .*You asked: \"" + question + "\"")
			// the memory conversation continued in the session the server assigned
			.contains(
					"< This is turn 2 of this session. Last turn you said: \"" + SampleConversation.FIRST_TURN + "\".")
			.contains("[session continued: the server assigned a session id on turn 1 and turn 2 used it]")
			.doesNotContain("Exception");
		assertThat(loadedClasses(classLoading)).as("classes loaded from the jar's own classes")
			.contains(INITIALIZER, NAMED_CLIENT_DEFINITIONS);
	}

	/**
	 * The classes the JVM loaded from the application's own classes
	 * ({@code BOOT-INF/classes}).
	 */
	private static List<String> loadedClasses(Path log) throws IOException {
		// e.g. "[0.834s][info][class,load] a.b.C source:
		// jar:nested:/.../x.jar/!BOOT-INF/classes/!/"
		return Files.readAllLines(log, StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> line.contains("[class,load]") && line.contains("BOOT-INF/classes/"))
			.map((line) -> line.substring(line.indexOf("[class,load]") + "[class,load]".length()).trim())
			.map((line) -> line.substring(0, line.indexOf(' ')))
			.toList();
	}

	private static String read(Path file) throws IOException {
		return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
	}

}
