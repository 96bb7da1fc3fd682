package io.github.linkai.spring.client.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.admission.Attempt;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.error.ErrorDetails;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.http.CallObserver.Call;
import io.github.linkai.spring.client.http.CallObserver.CallStart;
import io.github.linkai.spring.client.spi.ChatOption;
import io.github.linkai.spring.client.spi.ExchangeContext;
import io.github.linkai.spring.client.spi.SecretMasker;
import io.github.linkai.spring.client.spi.StreamError;
import io.github.linkai.spring.client.spi.WireJson;
import io.github.linkai.spring.client.spi.WireMapping;
import io.github.linkai.spring.client.spi.WireRequest;
import io.github.linkai.spring.client.stream.EventStreamDecoder;
import io.github.linkai.spring.client.stream.EventStreamLines;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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
 * and its observation would duplicate the client's own.
 *
 * @param <R> the provider's reply record
 */
final class ChatExchange<R> {

	private final ClientSettings settings;

	private final String serverAddress;

	private final int serverPort;

	private final WireMapping<R> mapping;

	/** The transport of each key of the client's pool, in its order. */
	private final List<ClientHttpConnector> connectors;

	private final DefaultUriBuilderFactory uris;

	/**
	 * The last URI expanded: a client's requests go to one or two, built once rather than
	 * on every call.
	 */
	private volatile ExpandedUri lastUri;

	private final ChatOptions defaults;

	private final SecretMasker masker;

	private final TransportErrors errors;

	private final ErrorResponses errorResponses;

	private final RequestValidation validation;

	private final ObjectReader responseReader;

	private final EventStreamDecoder<R> streamDecoder;

	private final ObservedCalls observed;

	/**
	 * An exchange for one client.
	 * @param mapping the provider endpoint's wire mapping
	 * @param connector the transport, which the mapping decorates with each key of the
	 * client's pool ({@link ClientSettings#moreKeys()} after its own)
	 * @param settings the client's settings; default options the endpoint does not
	 * support are dropped
	 */
	ChatExchange(WireMapping<R> mapping, ClientHttpConnector connector, ClientSettings settings) {
		this.mapping = Objects.requireNonNull(mapping, "mapping must not be null");
		Objects.requireNonNull(connector, "connector must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		List<ClientHttpConnector> connectors = new ArrayList<>(List.of(mapping.decorate(connector)));
		List<String> secrets = new ArrayList<>(mapping.secrets());
		for (String key : settings.moreKeys()) {
			connectors.add(mapping.decorate(connector, key));
			secrets.addAll(mapping.secrets(key));
		}
		this.connectors = List.copyOf(connectors);
		this.masker = new SecretMasker(secrets);
		this.errors = new TransportErrors(mapping.provider(), settings.name(), this.masker, settings.maxEventBytes());
		URI baseUri = URI.create(mapping.baseUrl());
		this.errorResponses = new ErrorResponses(mapping.statusMapping(), this.masker, baseUri, settings);
		this.uris = new DefaultUriBuilderFactory(mapping.baseUrl());
		this.lastUri = new ExpandedUri("", Map.of(), baseUri);
		this.serverAddress = String.valueOf(baseUri.getHost());
		this.serverPort = (baseUri.getPort() != -1) ? baseUri.getPort()
				: ("http".equals(baseUri.getScheme()) ? 80 : 443);
		this.validation = new RequestValidation(mapping, settings.name());
		// Defaults an endpoint has no field for are dropped (a named client inherits the
		// top level's); those kept are checked once, here, so a misconfigured client
		// fails
		// when it is created, not on every call.
		this.defaults = ChatOption.retain(settings.defaults(), mapping.supportedOptions());
		this.validation.validateOptions(this.defaults);
		this.responseReader = WireJson.mapper().readerFor(mapping.replyType());
		this.streamDecoder = new EventStreamDecoder<>(mapping, this.responseReader, this.masker,
				new EventStreamLines(settings.maxEventBytes()), settings.scheduler());
		this.observed = new ObservedCalls(settings.observer());
	}

	/** The configured client's name. */
	String clientName() {
		return this.settings.name();
	}

	/** The provider. */
	String provider() {
		return this.mapping.provider();
	}

	/** Sends the request and emits the complete reply. */
	Mono<ChatResponse> call(ChatRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		return this.observed.call(() -> start(request, false), (call) -> Mono.deferContextual((reactor) -> {
			GatedAttempts attempts = GatedAttempts.of(reactor, this.connectors);
			return attempts.next().flatMap((attempt) -> {
				ExchangeContext context = prepare(request);
				return send(context, attempt, attempts, false, MediaType.APPLICATION_JSON_VALUE, null)
					.flatMap((response) -> readReply(response, context))
					.onErrorMap(this.errors::translate)
					.doOnError((error) -> attempts.failed(attempt, error));
			}).retryWhen(retries(call, () -> false, attempts));
		}).timeout(this.settings.deadline(), Mono.error(() -> deadlineExceeded(0)), this.settings.scheduler()));
	}

	/**
	 * Sends the request with streaming on and emits each chunk as its event arrives. The
	 * observation covers the whole stream, to its last event, its cancellation or its
	 * error.
	 */
	Flux<ChatChunk> stream(ChatRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		return this.observed.stream(() -> start(request, true), (call) -> Flux.defer(() -> {
			// never retried once a chunk has reached the subscriber: the error surfaces
			// instead
			AtomicInteger delivered = new AtomicInteger();
			return Flux.deferContextual((reactor) -> {
				GatedAttempts attempts = GatedAttempts.of(reactor, this.connectors);
				return attempts.next().flatMapMany((attempt) -> {
					ExchangeContext context = prepare(request);
					CallPolicy policy = this.settings.policy();
					StreamTimeouts timeouts = new StreamTimeouts(policy.getFirstEventTimeout(), policy.getIdleTimeout(),
							this.settings.scheduler());
					// timed from the request's writing, through the response's headers,
					// to each chunk: a server that takes the request and never answers is
					// cut off as one that stops mid-answer
					return send(context, attempt, attempts, true, MediaType.TEXT_EVENT_STREAM_VALUE, timeouts::written)
						.flatMapMany((response) -> readStream(response, context))
						.map(timeouts::chunk)
						.takeUntilOther(timeouts.expiry(context))
						.onErrorMap(this.errors::translate)
						.doOnError((error) -> attempts.failed(attempt, error));
				})
					.doOnNext((chunk) -> delivered.incrementAndGet())
					.retryWhen(retries(call, () -> delivered.get() > 0, attempts));
			})
				// one timer for the whole stream (Reactor's timeout() would schedule one
				// per chunk)
				.takeUntilOther(Mono.delay(this.settings.deadline(), this.settings.scheduler())
					.then(Mono.defer(() -> Mono.error(deadlineExceeded(delivered.get())))));
		}));
	}

	/**
	 * What the observer is told of a call as it starts: the client's defaults applied.
	 */
	private CallStart start(ChatRequest request, boolean stream) {
		ChatOptions options = request.options().orElse(this.defaults);
		return new CallStart(this.mapping.provider(), this.settings.name(),
				options.equals(request.options()) ? request : request.mutate().options(options).build(), stream,
				this.serverAddress, this.serverPort);
	}

	/**
	 * Retries what the client's {@link RetryPolicy} says may pass on a second attempt,
	 * never once a stream has handed over a chunk, and never after a wait the deadline
	 * would cut short. A failure that switched to another usable key of the pool is tried
	 * again at once with it (at most once per other key, so this ends), and the switch is
	 * not one of the policy's {@code max-retries}: a pool's switches never use up the
	 * retries. Each retry is told to the call's observer.
	 */
	private Retry retries(Call call, BooleanSupplier delivered, GatedAttempts attempts) {
		RetryPolicy policy = this.settings.retry();
		boolean stateful = this.mapping.supportsSessionId();
		Scheduler scheduler = this.settings.scheduler();
		long deadline = this.settings.deadline().toNanos();
		return Retry.from((signals) -> {
			// made per subscription, as the deadline's timer is
			long start = scheduler.now(TimeUnit.NANOSECONDS);
			return signals.concatMap((signal) -> {
				Throwable error = signal.failure();
				if (attempts.switchedKey() && !delivered.getAsBoolean()) {
					call.retrying(error, Duration.ZERO);
					return Mono.just(signal.totalRetries());
				}
				Duration left = Duration.ofNanos(deadline - (scheduler.now(TimeUnit.NANOSECONDS) - start));
				long retries = signal.totalRetries() - attempts.keySwitches();
				Duration delay = delivered.getAsBoolean() ? null
						: policy.delay(error, retries, stateful, ThreadLocalRandom.current().nextDouble(), left);
				if (delay == null) {
					return Mono.error(error);
				}
				call.retrying(error, delay);
				return Mono.delay(delay, scheduler);
			});
		});
	}

	private ChatTimeoutException deadlineExceeded(int chunks) {
		return new ChatTimeoutException(this.mapping.provider(), this.settings.name(),
				"Deadline of " + this.settings.deadline() + " exceeded (deadline)"
						+ ((chunks > 0) ? " after " + chunks + " chunk(s); the answer is incomplete" : ""),
				null);
	}

	private ExchangeContext prepare(ChatRequest request) {
		this.validation.validate(request);
		ChatOptions effective = request.options().orElse(this.defaults);
		return new ExchangeContext(this.mapping.provider(), this.settings.name(),
				effective.equals(request.options()) ? request : request.mutate().options(effective).build());
	}

	/**
	 * Posts the request's JSON; a failure before a response arrives is a transport
	 * failure.
	 * @param written told once the request is written, if given
	 */
	private Mono<ClientHttpResponse> send(ExchangeContext context, Attempt attempt, GatedAttempts attempts,
			boolean stream, String accept, @Nullable Runnable written) {
		WireRequest wire = this.mapping.toWire(context.request(), stream);
		byte[] body = WireJson.mapper().writeValueAsBytes(wire.body());
		return attempts.connector(attempt).connect(HttpMethod.POST, uri(wire), (request) -> {
			HttpHeaders headers = request.getHeaders();
			wire.headers().forEach(headers::set);
			headers.set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
			headers.set(HttpHeaders.ACCEPT, accept);
			headers.setContentLength(body.length);
			Mono<Void> write = request.writeWith(Mono.fromSupplier(() -> request.bufferFactory().wrap(body)));
			return (written != null) ? write.then(Mono.fromRunnable(written)) : write;
		})
			.onErrorMap(this.errors::requestFailed)
			.doOnNext((response) -> attempts.answered(attempt, response.getHeaders()));
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
			return this.errorResponses.errorFrom(response, context);
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
		if (error != null && error.status() != null) {
			throw this.mapping.statusMapping()
				.map(new ErrorDetails(context.provider(), context.clientName(), error.status(),
						this.masker.mask(error.type()), this.masker.mask(error.message()), null));
		}
		if (error != null) {
			throw new ProviderApiException(new ErrorDetails(context.provider(), context.clientName(), status,
					this.masker.mask(error.type()), this.masker.mask(error.message()), null),
					"with an error object instead of an answer");
		}
		return this.mapping.toResponse(reply, context);
	}

	private Flux<ChatChunk> readStream(ClientHttpResponse response, ExchangeContext context) {
		if (!response.getStatusCode().is2xxSuccessful()) {
			return this.errorResponses.<ChatChunk>errorFrom(response, context).flux();
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
		return this.streamDecoder.decode(response.getBody(), context);
	}

	private ResponseDecodingException decodingError(ExchangeContext context, String message,
			@Nullable Throwable cause) {
		return new ResponseDecodingException(context.provider(), context.clientName(), this.masker.mask(message),
				cause);
	}

	private record ExpandedUri(String template, Map<String, ?> variables, URI uri) {
	}

}
