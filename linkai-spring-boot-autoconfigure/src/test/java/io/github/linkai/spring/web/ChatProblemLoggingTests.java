package io.github.linkai.spring.web;

import ch.qos.logback.classic.Level;
import io.github.linkai.spring.LoggerLevels;
import io.github.linkai.spring.client.error.BlockingCallException;
import io.github.linkai.spring.client.error.ErrorDetails;
import io.github.linkai.spring.client.error.ServiceUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the web layer logs when it answers a failure: a blocking call on an event loop
 * with its own message (no call was made, so nothing else logged it), a chat call's
 * failure only as the answer it got (its cause was logged when the call failed).
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatProblemLoggingTests {

	private final ChatClientExceptionHandler handler = new ChatClientExceptionHandler();

	private LoggerLevels levels;

	@BeforeEach
	void logWhatThisTestChecks() {
		this.levels = LoggerLevels.set(Level.INFO, "io.github.linkai.spring.web");
	}

	@AfterEach
	void restoreLogging() {
		this.levels.close();
	}

	@Test
	void aBlockingCallOnAnEventLoopIsLoggedAtWarnWithItsMessage(CapturedOutput output) {
		this.handler.handleChatClientException(new BlockingCallException("openai", "deepseek", "reactor-http-nio-3"));

		assertThat(output).contains("WARN")
			.contains("chat() blocks its thread and was called on the non-blocking thread 'reactor-http-nio-3'");
	}

	@Test
	void aCallsFailureIsLoggedOnlyAsTheAnswerItGot(CapturedOutput output) {
		this.handler.handleChatClientException(new ServiceUnavailableException(
				new ErrorDetails("openai", "deepseek", 503, "busy", "the question was ...", null), "unavailable"));

		assertThat(output).doesNotContain("WARN")
			.contains("ServiceUnavailableException from openai/deepseek, provider status 503 [busy], answered as 503")
			.doesNotContain("the question was");
	}

}
