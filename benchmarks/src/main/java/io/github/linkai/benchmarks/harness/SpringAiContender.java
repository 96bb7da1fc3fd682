package io.github.linkai.benchmarks.harness;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Spring AI 2.0's {@link OpenAiChatModel} (the openai-java SDK on OkHttp) with its
 * defaults but retries, on the stub's OpenAI-shaped variant: it cannot read LinkAI's
 * documented reply, which has no {@code id}.
 */
final class SpringAiContender extends OpenAiShapedContender {

	private static final Prompt PROMPT = new Prompt(Harness.QUESTION);

	private final OpenAiChatModel model;

	private final OpenAiChatModel held;

	SpringAiContender(String stubUrl) {
		this.model = model(stubUrl + "openai/v1");
		this.held = model(stubUrl + "openai-hold/v1");
	}

	private static OpenAiChatModel model(String baseUrl) {
		return OpenAiChatModel.builder()
			.options(OpenAiChatOptions.builder()
				.baseUrl(baseUrl)
				.apiKey("bench-key")
				.model("LinkAI-4o-mini")
				.maxRetries(0)
				.build())
			.build();
	}

	@Override
	public String name() {
		return "Spring AI 2.0.1";
	}

	@Override
	public Mono<?> call() {
		return Mono.fromCallable(() -> this.model.call(PROMPT));
	}

	@Override
	public Flux<?> stream() {
		return this.model.stream(PROMPT);
	}

	@Override
	public Flux<?> heldStream() {
		return this.held.stream(PROMPT);
	}

}
