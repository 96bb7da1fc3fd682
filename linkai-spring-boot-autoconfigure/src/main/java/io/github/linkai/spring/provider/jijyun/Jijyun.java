package io.github.linkai.spring.provider.jijyun;

import java.util.Objects;
import java.util.Set;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.error.AuthenticationException;
import io.github.linkai.spring.client.error.QuotaExceededException;
import io.github.linkai.spring.client.error.StatusMapping;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.client.spi.ChatOption;

/**
 * Creates Jijyun (语聚AI) chat clients, {@code POST /v1/openapi/chat?apiKey=...}.
 *
 * <pre>{@code
 * ChatClient jijyun = Jijyun.chatClient(
 *         new JijyunSettings(apiKey, Jijyun.DEFAULT_BASE_URL, JijyunOptions.builder().ibotId(ibotId).build()),
 *         factory);
 * }</pre>
 *
 * <p>
 * <b>Request.</b> The API takes one question and no history: a request holds an optional
 * system message first and then exactly one user message, text only; assistant messages
 * and images are rejected before anything is sent. The user message is {@code content},
 * the system message {@code system}. Neutral options: {@code model} is {@code chatMode};
 * {@code temperature} (at least 0) and {@code maxTokens} (at least 1) go out as JSON
 * strings, as the document types them ({@code 0.7 -> "0.7"}, {@code 1.0 -> "1"},
 * {@code 512 -> "512"}); other neutral options are rejected. The rest of the body comes
 * from {@link JijyunOptions}, which also says which source wins when two fill the same
 * field. Unset fields are omitted, except {@code stream}, which is always sent
 * ({@code false} on a blocking call): the document gives it no default, and reading the
 * reply depends on it.
 *
 * <p>
 * <b>Reply.</b> {@code desc} is the {@link ChatResponse#content() content},
 * {@code source[]} the {@link ChatResponse#sources() sources} (link, snippet, title),
 * {@code usage.total_cost} the {@link ChatResponse#cost() cost}. {@code msgKey} (the
 * conversation id) and {@code visitorId} are always in
 * {@link ChatResponse#providerFields()} under those names, their value {@code null} when
 * the reply has none, together with any field the document does not show (unknown fields
 * inside {@code usage} under {@code usage}). {@link ChatResponse#model()} is the
 * {@code chatMode} sent, if any. The document marks {@code usage} as required; a reply
 * without it is still read (the cost is then {@code null}).
 *
 * <p>
 * <b>Stream.</b> The document does not show the stream format. The client reads
 * server-sent events whose {@code data} is a JSON object of the reply's shape,
 * {@code desc} holding the new text; each event becomes a {@link ChatChunk} with the same
 * mapping. The stream is complete at {@code data: [DONE]}, or after an event that carries
 * {@code usage} (the call's cost, known only once the answer is): that event is the final
 * chunk, finish reason {@code stop}. A stream that closes before either fails with
 * {@link StreamTruncatedException}. A JSON reply to a stream request is handed over as
 * one final chunk.
 *
 * <p>
 * <b>Errors.</b> HTTP 401 (no permission) raises {@link AuthenticationException}, 402
 * (API call quota exhausted) {@link QuotaExceededException}; other statuses map as
 * {@link StatusMapping#standard()} does.
 *
 * <p>
 * <b>The API key</b> travels in the query string, yet the exchange never sees it: it is
 * added by the client's connector, below the exchange, so it is in no exception, metric
 * tag or trace attribute. On Reactor Netty it joins the request line only in the channel
 * pipeline, so Reactor Netty's own DEBUG logging of the URI it connects to
 * ({@code reactor.netty.http.client}) does not show it either; on another connector it is
 * part of the URI that connector is given.
 */
public final class Jijyun {

	/** The provider name. */
	public static final String PROVIDER = "jijyun";

	/** The options Jijyun's chat has a field for ({@code model} is {@code chatMode}). */
	public static final Set<ChatOption> SUPPORTED_OPTIONS = JijyunMapping.OPTIONS;

	/** Jijyun's API host. */
	public static final String DEFAULT_BASE_URL = "https://chat.jijyun.cn";

	private Jijyun() {
	}

	/**
	 * A chat client ({@code POST /v1/openapi/chat}).
	 * @param settings the API key, base URL and default Jijyun options
	 * @param factory the HTTP building blocks, the client's name and its default neutral
	 * options; Jijyun uses {@code model} (as {@code chatMode}), {@code temperature} and
	 * {@code maxTokens}, and ignores the others
	 * @throws IllegalArgumentException if both the default {@code model} and
	 * {@code settings.defaults().chatMode()} are set: they fill the same wire field
	 */
	public static ChatClient chatClient(JijyunSettings settings, ChatClientFactory factory) {
		Objects.requireNonNull(settings, "settings must not be null");
		ChatOptions defaults = factory.defaults();
		if (defaults.model() != null && settings.defaults().chatMode() != null) {
			throw new IllegalArgumentException("Jijyun client '" + factory.clientName() + "' sets both model ('"
					+ defaults.model() + "') and chatMode ('" + settings.defaults().chatMode()
					+ "'): both are the chatMode field, set only one");
		}
		return factory.chatClient(new JijyunMapping(settings));
	}

}
