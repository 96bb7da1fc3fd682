package io.github.linkai.spring.observation;

import java.time.Duration;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.http.CallObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Observes every call of the clients it is given to with Micrometer: one
 * {@link ChatObservationContext} observation per call or stream, over its retries, to its
 * answer, its last chunk, its cancellation or its error. Its parent is the observation in
 * the subscriber's Reactor context (where WebFlux and Spring AI put theirs), else the
 * thread's current one.
 */
public class ChatCallObserver implements CallObserver {

	private static final DefaultChatObservationConvention DEFAULT_CONVENTION = new DefaultChatObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable ChatObservationConvention convention;

	private final String retryEventName;

	private final boolean recordContent;

	/**
	 * An observer of calls.
	 * @param registry where the calls are observed
	 * @param convention the names of the observation, {@code null} for the default ones
	 * @param recordContent whether prompts and answers are added to the observation (span
	 * attributes {@code gen_ai.input.messages} and {@code gen_ai.output.messages}): they
	 * are personal data
	 */
	public ChatCallObserver(ObservationRegistry registry, @Nullable ChatObservationConvention convention,
			boolean recordContent) {
		this.registry = registry;
		this.convention = convention;
		this.retryEventName = ((convention != null) ? convention : DEFAULT_CONVENTION).getRetryEventName();
		this.recordContent = recordContent;
	}

	@Override
	public Call start(CallStart call, ContextView reactor) {
		ChatOptions options = call.request().options();
		ChatObservationContext context = new ChatObservationContext(call.provider(), call.clientName(), options.model(),
				call.serverAddress(), call.serverPort(), call.stream());
		context.requestOptions(options.temperature(), options.topP(), options.maxTokens());
		if (this.recordContent) {
			context.recordContent(ChatContent.input(call.request().messages()));
		}
		Observation observation = ChatObservationDocumentation.CHAT.observation(this.convention, DEFAULT_CONVENTION,
				() -> context, this.registry);
		Observation parent = reactor.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		if (parent != null) {
			observation.parentObservation(parent);
		}
		return new ObservedCall(observation.start(), context, this.retryEventName);
	}

	/**
	 * One call's observation, stopped once whatever ends the call: a cancel may still
	 * follow the last signal.
	 */
	private static final class ObservedCall implements Call {

		private final Observation observation;

		private final ChatObservationContext context;

		private final String retryEventName;

		ObservedCall(Observation observation, ChatObservationContext context, String retryEventName) {
			this.observation = observation;
			this.context = context;
			this.retryEventName = retryEventName;
		}

		@Override
		public Context context(Context reactor) {
			return reactor.put(ObservationThreadLocalAccessor.KEY, this.observation);
		}

		@Override
		public void retrying(Throwable error, Duration delay) {
			this.context.retried();
			this.observation.event(Observation.Event.of(this.retryEventName, "retry after " + describe(error)));
		}

		@Override
		public void chunk(ChatChunk chunk) {
			this.context.chunk(chunk);
		}

		@Override
		public void succeeded(@Nullable ChatResponse response) {
			if (response != null) {
				this.context.response(response);
			}
			else {
				this.context.streamCompleted();
			}
			stop();
		}

		@Override
		public void failed(Throwable error) {
			this.observation.error(error);
			stop();
		}

		@Override
		public void cancelled() {
			this.context.cancel();
			stop();
		}

		private void stop() {
			if (this.context.markStopped()) {
				this.observation.stop();
			}
		}

		private static String describe(Throwable error) {
			return (error instanceof ProviderApiException api) ? "HTTP " + api.statusCode()
					: error.getClass().getSimpleName();
		}

	}

}
