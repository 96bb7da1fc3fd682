package io.github.linkai.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Streams an answer to a question, holds a two-turn conversation in LinkAI's memory chat,
 * and exits. The question can be given as arguments. With {@code LINKAI_API_KEY} (or
 * {@code linkai.api-key}) set it talks to LinkAI; without, to an embedded emulator of
 * LinkAI's API (see {@link EmulatorEnvironmentPostProcessor}).
 */
@SpringBootApplication
public class ChatSampleApplication {

	/**
	 * Runs the sample.
	 * @param args an optional question, and Spring Boot options such as
	 * {@code --linkai.base-url=...}
	 */
	public static void main(String[] args) {
		// A command-line sample: once the conversation has run, close the context (and
		// the emulator) and exit.
		SpringApplication.run(ChatSampleApplication.class, args).close();
	}

}
