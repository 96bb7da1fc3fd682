package io.github.linkai.benchmarks.harness;

import java.util.concurrent.atomic.AtomicReference;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * LangChain4j's OpenAI models (its default JDK {@code HttpClient} transport) with their
 * defaults but retries, on the stub's OpenAI-shaped variant. Its stream is callbacks;
 * here a {@link Flux} that cancels the stream's handle when disposed.
 */
final class LangChain4jContender extends OpenAiShapedContender {

	private final OpenAiChatModel model;

	private final OpenAiStreamingChatModel streaming;

	private final OpenAiStreamingChatModel held;

	private final String version;

	LangChain4jContender(String stubUrl, String version) {
		this.model = OpenAiChatModel.builder()
			.baseUrl(stubUrl + "openai/v1")
			.apiKey("bench-key")
			.modelName("LinkAI-4o-mini")
			.maxRetries(0)
			.build();
		this.streaming = streaming(stubUrl + "openai/v1");
		this.held = streaming(stubUrl + "openai-hold/v1");
		this.version = version;
	}

	private static OpenAiStreamingChatModel streaming(String baseUrl) {
		return OpenAiStreamingChatModel.builder()
			.baseUrl(baseUrl)
			.apiKey("bench-key")
			.modelName("LinkAI-4o-mini")
			.build();
	}

	@Override
	public String name() {
		return "LangChain4j " + this.version;
	}

	@Override
	public Mono<?> call() {
		return Mono.fromCallable(() -> this.model.chat(Harness.QUESTION));
	}

	@Override
	public Flux<?> stream() {
		return stream(this.streaming);
	}

	@Override
	public Flux<?> heldStream() {
		return stream(this.held);
	}

	private static Flux<?> stream(OpenAiStreamingChatModel model) {
		return Flux.create((FluxSink<String> sink) -> {
			AtomicReference<StreamingHandle> handle = new AtomicReference<>();
			sink.onDispose(() -> {
				StreamingHandle started = handle.get();
				if (started != null && !started.isCancelled()) {
					started.cancel();
				}
			});
			model.chat(Harness.QUESTION, new StreamingChatResponseHandler() {

				@Override
				public void onPartialResponse(String text) {
					sink.next(text);
				}

				@Override
				public void onPartialResponse(PartialResponse response, PartialResponseContext context) {
					handle.set(context.streamingHandle());
					if (sink.isCancelled()) {
						context.streamingHandle().cancel();
						return;
					}
					sink.next(response.text());
				}

				@Override
				public void onCompleteResponse(ChatResponse response) {
					sink.complete();
				}

				@Override
				public void onError(Throwable error) {
					sink.error(error);
				}

			});
		});
	}

}
