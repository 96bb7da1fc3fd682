package io.github.linkai.spring.client.http;

import java.util.Objects;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatClient;
import io.github.linkai.spring.client.ChatEndpoint;
import io.github.linkai.spring.client.ChatOptions;
import io.github.linkai.spring.client.ChatRequest;
import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.MemoryChatClient;
import io.github.linkai.spring.client.spi.ChatClientFactory;
import io.github.linkai.spring.client.spi.WireMapping;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Builds the clients of one configured client on the shared exchange: its connector (in a
 * Boot application built by Boot's {@code ClientHttpConnectorBuilder}, with the client's
 * timeouts, TLS and connection pool) and its {@link ClientSettings}. A provider turns it
 * into clients, one per endpoint:
 *
 * <pre>{@code
 * ChatClient deepseek = OpenAi.chatClient(OpenAiSettings.of(apiKey, "https://api.deepseek.com/v1"),
 *         new HttpChatClientFactory(connector, ClientSettings.builder("deepseek")
 *             .defaults(new ChatOptions("deepseek-chat", null, null, null)).build()));
 * }</pre>
 */
public final class HttpChatClientFactory implements ChatClientFactory {

	private final ClientHttpConnector connector;

	private final ClientSettings settings;

	/**
	 * A factory of one client's clients.
	 * @param connector the transport for the clients this factory makes
	 * @param settings the client's settings
	 */
	public HttpChatClientFactory(ClientHttpConnector connector, ClientSettings settings) {
		this.connector = Objects.requireNonNull(connector, "connector must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
	}

	@Override
	public String clientName() {
		return this.settings.name();
	}

	@Override
	public ChatOptions defaults() {
		return this.settings.defaults();
	}

	@Override
	public ChatClient chatClient(WireMapping<?> mapping) {
		return new ExchangeChatClient(exchange(mapping));
	}

	@Override
	public MemoryChatClient memoryChatClient(WireMapping<?> mapping) {
		return new ExchangeMemoryChatClient(exchange(mapping));
	}

	private ChatExchange<?> exchange(WireMapping<?> mapping) {
		return new ChatExchange<>(mapping, this.connector, this.settings);
	}

	/** Every client's calls: a name over an exchange. */
	private abstract static class ExchangeEndpoint implements ChatEndpoint {

		private final ChatExchange<?> exchange;

		ExchangeEndpoint(ChatExchange<?> exchange) {
			this.exchange = exchange;
		}

		@Override
		public String name() {
			return this.exchange.clientName();
		}

		@Override
		public String provider() {
			return this.exchange.provider();
		}

		@Override
		public Mono<ChatResponse> chatReactive(ChatRequest request) {
			return this.exchange.call(request);
		}

		@Override
		public Flux<ChatChunk> stream(ChatRequest request) {
			return this.exchange.stream(request);
		}

	}

	private static final class ExchangeChatClient extends ExchangeEndpoint implements ChatClient {

		ExchangeChatClient(ChatExchange<?> exchange) {
			super(exchange);
		}

		@Override
		public String toString() {
			return "ChatClient[name=" + name() + ", provider=" + provider() + "]";
		}

	}

	private static final class ExchangeMemoryChatClient extends ExchangeEndpoint implements MemoryChatClient {

		ExchangeMemoryChatClient(ChatExchange<?> exchange) {
			super(exchange);
		}

		@Override
		public String toString() {
			return "MemoryChatClient[name=" + name() + ", provider=" + provider() + "]";
		}

	}

}
