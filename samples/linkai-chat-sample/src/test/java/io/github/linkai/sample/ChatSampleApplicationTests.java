package io.github.linkai.sample;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.test.ProviderStub;
import io.github.linkai.spring.test.StubAnswer;
import io.github.linkai.spring.test.StubEndpoint;
import io.github.linkai.spring.test.StubRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Runs the sample's {@code main} as a user would and reads what it prints. */
@ExtendWith(OutputCaptureExtension.class)
class ChatSampleApplicationTests {

	private static final Pattern EMULATOR_PORT = Pattern
		.compile("embedded LinkAI emulator at http://127\\.0\\.0\\.1:(\\d+)");

	private static final Pattern USAGE = Pattern.compile("\\[usage: \\d+ prompt \\+ \\d+ completion = \\d+ tokens]");

	private static final Pattern SESSION_ID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	@Test
	void mainRunsTheConversationOnTheEmbeddedEmulatorAndStopsIt(CapturedOutput output) {
		// A blank key overrides a LINKAI_API_KEY of the machine running the tests, so the
		// emulator answers.
		ChatSampleApplication.main(new String[] { "--linkai.api-key=" });

		assertThat(output).contains("No linkai.api-key is set: using the embedded LinkAI emulator")
			.contains("Set the LINKAI_API_KEY environment variable to talk to LinkAI")
			.contains("> " + SampleConversation.DEFAULT_QUESTION)
			.contains("< 你好!我是 LinkAI 接口模拟器")
			.contains("你的问题是:“" + SampleConversation.DEFAULT_QUESTION + "”")
			.containsPattern(USAGE)
			.contains("Named client '" + SampleConversation.NAMED_CLIENT + "' (linkai), blocking:")
			.contains("> " + SampleConversation.SECOND_TURN)
			.contains(
					"< This is turn 2 of this session. Last turn you said: \"" + SampleConversation.FIRST_TURN + "\".")
			.contains("[session continued: the server assigned a session id on turn 1 and turn 2 used it]")
			.doesNotContainPattern(SESSION_ID);
		Matcher emulator = EMULATOR_PORT.matcher(output.getOut());
		assertThat(emulator.find()).isTrue();
		int port = Integer.parseInt(emulator.group(1));
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> connect(port));
	}

	@Test
	void mainTalksToTheConfiguredApiWithTheConfiguredKeyInsteadOfTheEmulator(CapturedOutput output) {
		String key = "Link_SampleTestKey";
		try (ProviderStub api = ProviderStub.builder().apiKey(key).start()) {
			ChatSampleApplication.main(new String[] { "--linkai.api-key=" + key, "--linkai.base-url=" + api.baseUrl(),
					"What", "is", "Spring", "Boot?" });
		}

		assertThat(output).doesNotContain("embedded LinkAI emulator")
			.contains("> What is Spring Boot?")
			.contains("You asked: \"What is Spring Boot?\"")
			.containsPattern(USAGE)
			.containsPattern(
					"Named client 'precise' \\(linkai\\), blocking:\\R> What is Spring Boot\\?\\R< .*You asked")
			.contains("[session continued")
			.doesNotContain(key)
			.doesNotContainPattern(SESSION_ID);
	}

	@Test
	void mainFailsOnARejectedKeyWithoutPrintingIt(CapturedOutput output) {
		String key = "Link_NotTheRightKey";
		try (ProviderStub api = ProviderStub.builder().apiKey("Link_SampleTestKey").start()) {
			assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> ChatSampleApplication
				.main(new String[] { "--linkai.api-key=" + key, "--linkai.base-url=" + api.baseUrl() }));
		}

		assertThat(output).contains("AuthenticationException").doesNotContain(key);
	}

	@Test
	void mainSkipsTheMemoryChatWhenTheAccountsPlanHasNoAccessToIt(CapturedOutput output) {
		String key = "Link_SampleTestKey";
		try (ProviderStub api = ProviderStub.builder().apiKey(key).start()) {
			// LinkAI's memory chat for an account below the standard plan: the documented
			// 408
			api.on(StubRequests.endpoint(StubEndpoint.LINKAI_MEMORY_CHAT))
				.answer(StubAnswer.status(408, "No API access: memory chat needs the standard plan"));
			ChatSampleApplication
				.main(new String[] { "--linkai.api-key=" + key, "--linkai.base-url=" + api.baseUrl() });
		}

		assertThat(output).containsPattern(USAGE)
			.contains("[memory chat skipped: [linkai/default] HTTP 408")
			.doesNotContain("[session continued");
	}

	private static void connect(int port) throws IOException {
		new Socket("127.0.0.1", port).close();
	}

}
