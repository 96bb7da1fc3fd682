package io.github.linkai.spring.web;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.linkai.spring.client.ChatChunk;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerSentEvent;

/**
 * A streamed answer as server-sent events, for a controller method of Spring MVC or
 * WebFlux that returns {@code Flux<ServerSentEvent<Object>>} (MVC writes each event from
 * its async task executor, so the Reactor Netty thread that delivers the chunk never
 * blocks on the servlet response):
 *
 * <pre>
 * data:{"delta":"你好","provider":"linkai","client":"default"}
 *
 * data:{"finishReason":"stop","provider":"linkai","client":"default"}
 *
 * data:{"usage":{"inputTokens":9,"outputTokens":6,"totalTokens":15},"provider":"linkai","client":"default"}
 *
 * event:done
 * data:{}
 *
 * </pre>
 *
 * <ul>
 * <li>one unnamed event (a {@code message} in a browser's {@code EventSource}) per chunk,
 * its data a {@link ChatChunkEvent}: {@code delta} on the chunks with content, the finish
 * reason, usage and the like as members of their own (never an empty {@code delta} for
 * them), {@code provider} and {@code client} naming the provider and client that served
 * it, and no event for a chunk that says nothing;</li>
 * <li>after the last chunk, {@code event: done}; then the response completes;</li>
 * <li>if the stream fails, before or after the first chunk, {@code event: error} whose
 * data is the problem detail the same failure gets as a JSON response, without
 * {@code instance} ({@link ChatProblemDetails}; its {@code status} is the status that
 * response would have had, and {@code requestId} the provider's request id when a chunk
 * carried one); then the response completes. The HTTP status stays 200: an event stream's
 * status is sent before the first event, and a browser's {@code EventSource} cannot read
 * the body of an error status anyway.</li>
 * </ul>
 * An {@code EventSource} reconnects by itself when a response ends, which would ask the
 * provider again: close it on {@code done} and on {@code error}. Cancelling (the caller
 * going away) cancels the call.
 */
public final class ChatServerSentEvents {

	/** The name of the event that ends a complete answer. */
	public static final String DONE_EVENT = "done";

	/** The name of the event that ends a failed stream; its data is a problem detail. */
	public static final String ERROR_EVENT = "error";

	private static final Log logger = LogFactory.getLog(ChatServerSentEvents.class);

	private ChatServerSentEvents() {
	}

	/**
	 * The chunks as server-sent events, ending in {@code done} or {@code error}. Nothing
	 * is subscribed until the returned flux is.
	 */
	public static Flux<ServerSentEvent<Object>> of(Flux<ChatChunk> chunks) {
		return Flux.defer(() -> {
			AtomicReference<@Nullable String> requestId = new AtomicReference<>();
			return chunks.<ServerSentEvent<Object>>handle((chunk, events) -> {
				if (chunk.requestId() != null) {
					requestId.set(chunk.requestId());
				}
				ChatChunkEvent data = ChatChunkEvent.of(chunk);
				if (!data.isEmpty()) {
					events.next(ServerSentEvent.<Object>builder(data).build());
				}
			})
				.concatWith(Mono.fromSupplier(ChatServerSentEvents::doneEvent))
				.onErrorResume((error) -> Mono.just(errorEvent(error, requestId.get())));
		});
	}

	private static ServerSentEvent<Object> doneEvent() {
		return ServerSentEvent.<Object>builder(Map.of()).event(DONE_EVENT).build();
	}

	private static ServerSentEvent<Object> errorEvent(Throwable error, @Nullable String requestId) {
		ProblemDetail problem = ChatProblemDetails.forError(error);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		ChatProblemDetails.log(logger, "Chat stream failed (sent as an error event)", error, problem);
		return ServerSentEvent.<Object>builder(problem).event(ERROR_EVENT).build();
	}

}
