package io.github.linkai.spring.client.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.error.ChatClientException;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.error.ChatTransportException;
import io.github.linkai.spring.client.error.ErrorDetails;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.RedirectNotFollowedException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ExchangeContext;
import io.github.linkai.spring.client.spi.StreamError;
import io.github.linkai.spring.client.spi.WireMapping;
import io.github.linkai.spring.client.spi.WireRequest;
import io.github.linkai.spring.client.stream.EventStreamDecoder;
import io.github.linkai.spring.client.stream.EventStreamLines;
import io.github.linkai.spring.observation.ChatContent;
import io.github.linkai.spring.observation.ChatObservationContext;
import io.github.linkai.spring.observation.ChatObservationConvention;
import io.github.linkai.spring.observation.ChatObservationDocumentation;
import io.github.linkai.spring.observation.DefaultChatObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.TimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import reactor.util.context.Context;
import reactor.util.context.ContextView;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * The one path every provider call takes: validate, apply the client's defaults, send,
 * map error statuses, decode the body or the event stream, and translate transport
 * failures. Timeouts, retries and observation belong here, once, for all providers.
 *
 * <p>
 * It talks to the {@link ClientHttpConnector} (Boot's, with its SSL bundles and
 * {@code spring.http.clients} settings) without WebClient on top: a request is one
 * pre-encoded JSON body and a reply one JSON document or an event stream this class
 * frames itself, so WebClient's URI templates, codecs, filters and per-request builders
 * would only add work (they doubled the CPU per call, measured in {@code benchmarks/}),
 * and its observation would duplicate this one's.
 *
 * @param <R> the provider's reply record
 * @param <C> the provider's stream event record
 */
public final class ChatExchange<R, C> {

	private static final DefaultChatObservationConvention DEFAULT_CONVENTION = new DefaultChatObservationConvention();

	/**
	 * What a second attempt may get past: throttling and the server errors that are often
	 * transient.
	 */
	private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 500, 502, 503, 504);

	/**
	 * Of those, the ones that say the server did not take the request: only these are
	 * retried for a stateful call.
	 */
	private static final Set<Integer> REFUSED_STATUSES = Set.of(429, 503);

	private final ClientSettings settings;

	private final URI baseUri;

	private final String serverAddress;

	private final int serverPort;

	private final WireMapping<R, C> mapping;

	private final ClientHttpConnector connector;

	private final DefaultUriBuilderFactory uris;

	/**
	 * The last URI expanded: a client's requests go to one or two, built once rather than
	 * on every call.
	 */
	private volatile ExpandedUri lastUri;

	private final ChatOptions defaults;

	private final SecretMasker masker;

	private final RequestValidation validation;

	private final ObjectReader responseReader;

	private final EventStreamLines eventLines;

	private final EventStreamDecoder<C> streamDecoder;

	private final String retryEventName;

	/**
	 * An exchange for one client.
	 * @param mapping the provider endpoint's wire mapping
	 * @param connector the transport, as the mapping decorated it
	 * @param settings the client's settings; default options the endpoint does not
	 * support are dropped
	 */
	public ChatExchange(WireMapping<R, C> mapping, ClientHttpConnector connector, ClientSettings settings) {
		this.mapping = Objects.requireNonNull(mapping, "mapping must not be null");
		this.connector = Objects.requireNonNull(connector, "connector must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.masker = new SecretMasker(mapping.secrets());
		this.baseUri = URI.create(mapping.baseUrl());
		this.uris = new DefaultUriBuilderFactory(mapping.baseUrl());
		this.lastUri = new ExpandedUri("", Map.of(), this.baseUri);
		this.serverAddress = String.valueOf(this.baseUri.getHost());
		this.serverPort = (this.baseUri.getPort() != -1) ? this.baseUri.getPort()
				: ("http".equals(this.baseUri.getScheme()) ? 80 : 443);
		this.validation = new RequestValidation(mapping, settings.name());
		// Defaults an endpoint has no field for are dropped (a named client inherits the
		// top level's); those
		// kept are checked once, here, so a misconfigured client fails when it is
		// created, not on every call.
		this.defaults = ChatOption.retain(settings.defaults(), mapping.supportedOptions());
		this.validation.validateOptions(this.defaults);
		this.responseReader = WireJson.mapper().readerFor(mapping.responseType());
		this.eventLines = new EventStreamLines(settings.maxEventBytes());
		this.streamDecoder = new EventStreamDecoder<>(mapping, WireJson.mapper().reader(), settings);
		ChatObservationConvention convention = settings.observationConvention();
		this.retryEventName = ((convention != null) ? convention : DEFAULT_CONVENTION).getRetryEventName();
	}

	/** The configured client's name. */
	public String clientName() {
		return this.settings.name();
	}

	/** The provider. */
	public String provider() {
		return this.mapping.provider();
	}

	/** Sends the request and emits the complete reply. */
	public Mono<ChatResponse> call(ChatRequest request) {
		Mono<ChatResponse> sent = Mono.defer(() -> {
			ExchangeContext context = prepare(request);
			return send(context, false, MediaType.APPLICATION_JSON_VALUE)
				.flatMap((response) -> readReply(response, context));
		})
			.onErrorMap(this::translate)
			.retryWhen(retries(() -> false))
			.timeout(this.settings.deadline(), Mono.error(() -> deadlineExceeded(0)), this.settings.scheduler());
		CallListener listener = this.settings.listener();
		Mono<ChatResponse> call = (listener != null)
				? sent.doOnSuccess((response) -> listener.onSuccess(this.settings.name()))
					.doOnError((error) -> listener.onFailure(this.settings.name(), error))
				: sent;
		if (this.settings.observationRegistry().isNoop()) {
			return call;
		}
		return Mono.deferContextual((reactor) -> {
			ObservedCall observed = observe(request, false, reactor);
			// stopped before the value is handed on: a blocking caller may read the
			// meters as soon as it has it
			return call.doOnSuccess(observed::succeeded)
				.doOnError(observed::failed)
				.doOnCancel(observed::cancelled)
				.contextWrite(observed::propagate);
		});
	}

	/**
	 * Sends the request with streaming on and emits each chunk as its event arrives. The
	 * observation covers the whole stream, to its last event, its cancellation or its
	 * error.
	 */
	public Flux<ChatChunk> stream(ChatRequest request) {
		Flux<ChatChunk> sent = Flux.defer(() -> {
			// never retried once a chunk has reached the subscriber: the error surfaces
			// instead
			AtomicInteger delivered = new AtomicInteger();
			return Flux.defer(() -> {
				ExchangeContext context = prepare(request);
				return send(context, true, MediaType.TEXT_EVENT_STREAM_VALUE)
					.flatMapMany((response) -> readStream(response, context));
			})
				.onErrorMap(this::translate)
				.doOnNext((chunk) -> delivered.incrementAndGet())
				.retryWhen(retries(() -> delivered.get() > 0))
				// one timer for the whole stream (Reactor's timeout() would schedule one
				// per chunk)
				.takeUntilOther(Mono.delay(this.settings.deadline(), this.settings.scheduler())
					.then(Mono.defer(() -> Mono.error(deadlineExceeded(delivered.get())))));
		});
		CallListener listener = this.settings.listener();
		Flux<ChatChunk> stream = (listener != null) ? sent.doOnComplete(() -> listener.onSuccess(this.settings.name()))
			.doOnError((error) -> listener.onFailure(this.settings.name(), error)) : sent;
		if (this.settings.observationRegistry().isNoop()) {
			return stream;
		}
		return Flux.deferContextual((reactor) -> {
			ObservedCall observed = observe(request, true, reactor);
			return stream.doOnNext(observed.context::chunk)
				.doOnComplete(() -> observed.succeeded(null))
				.doOnError(observed::failed)
				.doOnCancel(observed::cancelled)
				.contextWrite(observed::propagate);
		});
	}

	/**
	 * A started observation of one call, parent of the HTTP client's own. Its parent is
	 * the observation in the subscriber's Reactor context (where WebFlux and Spring AI
	 * put theirs) or else the thread's current one.
	 */
	private ObservedCall observe(ChatRequest request, boolean stream, ContextView reactor) {
		ChatObservationContext context = observationContext(request, stream);
		Observation observation = ChatObservationDocumentation.CHAT.observation(this.settings.observationConvention(),
				DEFAULT_CONVENTION, () -> context, this.settings.observationRegistry());
		Observation parent = reactor.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		if (parent != null) {
			observation.parentObservation(parent);
		}
		return new ObservedCall(observation.start(), context);
	}

	private ChatObservationContext observationContext(ChatRequest request, boolean stream) {
		ChatOptions options = (request != null) ? request.options().orElse(this.defaults) : this.defaults;
		ChatObservationContext context = new ChatObservationContext(this.mapping.provider(), this.settings.name(),
				options.model(), this.serverAddress, this.serverPort, stream);
		context.requestOptions(options.temperature(), options.topP(), options.maxTokens());
		if (this.settings.recordContent() && request != null) {
			context.recordContent(ChatContent.input(request.messages()));
		}
		return context;
	}

	/**
	 * Retries what may pass on a second attempt (connection failures; 429, 500, 502, 503,
	 * 504), never what cannot (any other 4xx), never once a stream has handed over a
	 * chunk, and never a call the server may have acted on when it keeps state (a memory
	 * chat turn would be stored twice): for those only failures to connect, 429 and 503.
	 * Each retry is an event on the observation.
	 */
	private Retry retries(BooleanSupplier delivered) {
		RetryPolicy policy = this.settings.retry();
		return Retry.from((signals) -> signals.concatMap((signal) -> Mono.deferContextual((reactor) -> {
			Throwable error = signal.failure();
			Duration delay = (signal.totalRetries() < policy.maxRetries() && !delivered.getAsBoolean())
					? retryDelay(error, signal.totalRetries(), policy) : null;
			if (delay == null) {
				return Mono.error(error);
			}
			Observation observation = reactor.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			if (observation != null && observation.getContext() instanceof ChatObservationContext context) {
				context.retried();
				observation.event(Observation.Event.of(this.retryEventName, "retry after " + describeRetry(error)));
			}
			return Mono.delay(delay, this.settings.scheduler());
		})));
	}

	private @Nullable Duration retryDelay(Throwable error, long retry, RetryPolicy policy) {
		if (error instanceof ProviderApiException api) {
			if (!RETRYABLE_STATUSES.contains(api.statusCode())) {
				return null;
			}
			if (this.mapping.supportsSessionId() && !REFUSED_STATUSES.contains(api.statusCode())) {
				// a 500, 502 or 504 may come after the server (or the one behind a
				// gateway) stored the turn
				return null;
			}
			Duration asked = api.retryAfter();
			if (asked != null) {
				return (asked.compareTo(policy.maxRetryAfter()) <= 0) ? asked : null;
			}
			return policy.backoff(retry, ThreadLocalRandom.current().nextDouble());
		}
		if (error instanceof ChatTransportException && (isConnectFailure(error)
				|| (!(error instanceof ChatTimeoutException) && !this.mapping.supportsSessionId()))) {
			// not connected: nothing was sent; reset or closed early: only a stateless
			// endpoint may see it twice
			return policy.backoff(retry, ThreadLocalRandom.current().nextDouble());
		}
		return null;
	}

	private static boolean isConnectFailure(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof io.netty.channel.ConnectTimeoutException
					|| cause instanceof java.nio.channels.UnresolvedAddressException) {
				return true;
			}
		}
		return false;
	}

	private static String describeRetry(Throwable error) {
		return (error instanceof ProviderApiException api) ? "HTTP " + api.statusCode()
				: error.getClass().getSimpleName();
	}

	private ChatTimeoutException deadlineExceeded(int chunks) {
		return new ChatTimeoutException(this.mapping.provider(), this.settings.name(),
				"Deadline of " + this.settings.deadline() + " exceeded (deadline)"
						+ ((chunks > 0) ? " after " + chunks + " chunk(s); the answer is incomplete" : ""),
				null);
	}

	private ExchangeContext prepare(ChatRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		this.validation.validate(request);
		ChatOptions effective = request.options().orElse(this.defaults);
		return new ExchangeContext(this.mapping.provider(), this.settings.name(),
				effective.equals(request.options()) ? request : request.mutate().options(effective).build());
	}

	/**
	 * Posts the request's JSON; a failure before a response arrives is a transport
	 * failure.
	 */
	private Mono<ClientHttpResponse> send(ExchangeContext context, boolean stream, String accept) {
		WireRequest wire = this.mapping.toWire(context.request(), stream);
		byte[] body = WireJson.mapper().writeValueAsBytes(wire.body());
		return this.connector.connect(HttpMethod.POST, uri(wire), (request) -> {
			HttpHeaders headers = request.getHeaders();
			wire.headers().forEach(headers::set);
			headers.set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
			headers.set(HttpHeaders.ACCEPT, accept);
			headers.setContentLength(body.length);
			return request.writeWith(Mono.fromSupplier(() -> request.bufferFactory().wrap(body)));
		}).onErrorMap(this::requestFailed);
	}

	private URI uri(WireRequest wire) {
		ExpandedUri last = this.lastUri;
		if (!last.template().equals(wire.uriTemplate()) || !last.variables().equals(wire.uriVariables())) {
			last = new ExpandedUri(wire.uriTemplate(), wire.uriVariables(),
					this.uris.expand(wire.uriTemplate(), wire.uriVariables()));
			this.lastUri = last;
		}
		return last.uri();
	}

	private Mono<ChatResponse> readReply(ClientHttpResponse response, ExchangeContext context) {
		if (!response.getStatusCode().is2xxSuccessful()) {
			return errorFrom(response, context);
		}
		MediaType contentType = response.getHeaders().getContentType();
		int status = response.getStatusCode().value();
		return BodyBytes.read(response.getBody(), this.settings.maxEventBytes())
			.switchIfEmpty(Mono.error(() -> decodingError(context, "Empty response body", null)))
			.map((bytes) -> decodeReply(bytes, status, contentType, context));
	}

	private ChatResponse decodeReply(byte[] bytes, int status, @Nullable MediaType contentType,
			ExchangeContext context) {
		R reply;
		try {
			reply = this.responseReader.readValue(bytes);
		}
		catch (JacksonException ex) {
			// Not the parser's message: it quotes the offending text, which may hold a
			// cut-off credential.
			throw decodingError(context,
					"Malformed JSON reply (Content-Type " + contentType + ") at " + WireJson.describeLocation(ex),
					null);
		}
		StreamError error = this.mapping.replyError(reply);
		if (error != null) {
			throw new ProviderApiException(new ErrorDetails(context.provider(), context.clientName(), status,
					this.masker.mask(error.type()), this.masker.mask(error.message()), null),
					"with an error object instead of an answer");
		}
		return this.mapping.toResponse(reply, context);
	}

	private Flux<ChatChunk> readStream(ClientHttpResponse response, ExchangeContext context) {
		if (!response.getStatusCode().is2xxSuccessful()) {
			return this.<ChatChunk>errorFrom(response, context).flux();
		}
		MediaType contentType = response.getHeaders().getContentType();
		if (contentType != null && contentType.isCompatibleWith(MediaType.APPLICATION_JSON)) {
			// The server ignored stream=true and sent the whole answer: hand it over as
			// one final chunk.
			return readReply(response, context).map(ChatChunk::of).flux();
		}
		if (contentType != null && !contentType.isCompatibleWith(MediaType.TEXT_EVENT_STREAM)) {
			return response.getBody()
				.doOnNext(DataBufferUtils::release)
				.then(Mono.<ChatChunk>error(decodingError(context,
						"Expected a text/event-stream reply but got Content-Type " + contentType, null)))
				.flux();
		}
		return this.streamDecoder.decode(this.eventLines.events(response.getBody()), context);
	}

	/**
	 * The typed error of an error response. Only a bounded prefix of the body is read: a
	 * huge error page keeps its status instead of failing on the codec's buffer limit.
	 */
	private <T> Mono<T> errorFrom(ClientHttpResponse response, ExchangeContext context) {
		HttpHeaders headers = response.getHeaders();
		int status = response.getStatusCode().value();
		Flux<DataBuffer> prefix = DataBufferUtils.takeUntilByteCount(response.getBody(),
				this.settings.maxErrorBodyBytes());
		return BodyBytes.read(prefix, Integer.MAX_VALUE)
			.defaultIfEmpty(new byte[0])
			.onErrorResume((error) -> Mono.just(new byte[0]))
			.flatMap((bytes) -> {
				StreamError body = ErrorBodies.parse(bytes, this.masker);
				ErrorDetails details = new ErrorDetails(context.provider(), context.clientName(), status, body.type(),
						body.message(), RetryAfter.parse(headers.getFirst("Retry-After-Ms"),
								headers.getFirst(HttpHeaders.RETRY_AFTER), this.settings.clock()));
				if (response.getStatusCode().is3xxRedirection()) {
					// the connector did not follow it (off by default, never to another
					// origin): say where it pointed
					return Mono.error(new RedirectNotFollowedException(details,
							RedirectNotFollowedException.origin(this.baseUri, headers.getFirst(HttpHeaders.LOCATION))));
				}
				return Mono.error(this.mapping.statusMapping().map(details));
			});
	}

	private ResponseDecodingException decodingError(ExchangeContext context, String message,
			@Nullable Throwable cause) {
		return new ResponseDecodingException(context.provider(), context.clientName(), this.masker.mask(message),
				cause);
	}

	/**
	 * A failure to connect or to send: the transport's own failure, or else "request
	 * failed".
	 */
	private Throwable requestFailed(Throwable error) {
		Throwable translated = translate(error);
		return (translated instanceof ChatClientException) ? translated : requestFailure(error);
	}

	private ChatTransportException requestFailure(Throwable cause) {
		return new ChatTransportException(this.mapping.provider(), this.settings.name(),
				"Request failed: " + describe(cause), cause);
	}

	private Throwable translate(Throwable cause) {
		if (cause instanceof ChatClientException) {
			return cause;
		}
		String provider = this.mapping.provider();
		if (cause instanceof TimeoutException || cause instanceof java.util.concurrent.TimeoutException
				|| cause instanceof io.netty.channel.ConnectTimeoutException) {
			return new ChatTimeoutException(provider, this.settings.name(), "Timed out: " + describe(cause), cause);
		}
		if (cause instanceof PrematureCloseException) {
			return new ChatTransportException(provider, this.settings.name(),
					"Connection closed before the response was complete", cause);
		}
		if (cause instanceof DataBufferLimitException) {
			return new ResponseDecodingException(provider, this.settings.name(),
					"Reply or stream event larger than the client's max-event-size (" + this.settings.maxEventBytes()
							+ " bytes): " + describe(cause),
					cause);
		}
		if (cause instanceof InvalidMediaTypeException) {
			// not its message: it quotes the header
			return new ResponseDecodingException(provider, this.settings.name(), "Malformed Content-Type header", null);
		}
		if (cause instanceof DecoderException || cause instanceof NumberFormatException) {
			// Netty could not parse the HTTP response (a bad chunk-size line, random
			// bytes)
			return new ChatTransportException(provider, this.settings.name(),
					"Malformed HTTP response (" + cause.getClass().getSimpleName() + ")", null);
		}
		if (cause instanceof IOException) {
			return requestFailure(cause);
		}
		return cause;
	}

	private String describe(Throwable error) {
		String message = this.masker.mask(error.getMessage());
		return error.getClass().getSimpleName() + ((message != null) ? " (" + message + ")" : "");
	}

	private record ExpandedUri(String template, Map<String, ?> variables, URI uri) {
	}

	/**
	 * One call's observation, stopped once whatever ends the call: a cancel may still
	 * follow the last signal.
	 */
	private static final class ObservedCall {

		private final Observation observation;

		private final ChatObservationContext context;

		ObservedCall(Observation observation, ChatObservationContext context) {
			this.observation = observation;
			this.context = context;
		}

		void succeeded(@Nullable ChatResponse response) {
			if (response != null) {
				this.context.response(response);
			}
			else {
				this.context.streamCompleted();
			}
			stop();
		}

		void failed(Throwable error) {
			this.observation.error(error);
			stop();
		}

		void cancelled() {
			this.context.cancel();
			stop();
		}

		Context propagate(Context reactor) {
			return reactor.put(ObservationThreadLocalAccessor.KEY, this.observation);
		}

		private void stop() {
			if (this.context.markStopped()) {
				this.observation.stop();
			}
		}

	}

}
