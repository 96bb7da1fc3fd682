package io.github.linkai.spring.client.http;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLException;

import io.github.linkai.spring.client.ChatResponse;
import io.github.linkai.spring.client.error.ChatRequestValidationException;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.error.ProviderApiException;
import io.github.linkai.spring.client.error.StreamTruncatedException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * Logs every failed call once, at WARN, under {@value #LOGGER_NAME}: the client, its
 * provider, the host and port it called, and what kind of failure it was (connection
 * refused, unknown host, TLS, timeout, an HTTP status and the provider's error code, a
 * stream cut short, an invalid request and its field). Never a credential, the question
 * or the provider's error message, which may quote either.
 */
public final class CallFailureLog implements CallObserver {

	/**
	 * The logger's name: {@code logging.level.io.github.linkai.spring.calls=error}
	 * silences it.
	 */
	public static final String LOGGER_NAME = "io.github.linkai.spring.calls";

	private static final Log logger = LogFactory.getLog(LOGGER_NAME);

	/** One per client: what a failure of its calls is logged with. */
	private final Map<String, Call> clients = new ConcurrentHashMap<>();

	@Override
	public Call start(CallStart call, ContextView context) {
		return this.clients.computeIfAbsent(call.clientName(), (name) -> new ClientFailures(call));
	}

	/**
	 * What kind of failure {@code error} is, in a few words that hold no message text.
	 */
	static String kind(Throwable error) {
		if (error instanceof ProviderApiException api) {
			return "HTTP " + api.statusCode() + ((api.errorType() != null) ? " [" + api.errorType() + "]" : "");
		}
		if (error instanceof ChatRequestValidationException invalid) {
			return "invalid request, " + invalid.field() + " " + invalid.problem();
		}
		if (error instanceof StreamTruncatedException truncated) {
			return "stream cut short after " + truncated.chunksReceived() + " chunk(s)";
		}
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
				return "unknown host";
			}
			if (cause instanceof ConnectException) {
				return "connection refused";
			}
			if (cause instanceof SSLException) {
				return "TLS failure (" + cause.getClass().getSimpleName() + ")";
			}
		}
		if (error instanceof ChatTimeoutException) {
			// the exception's own words say which timer ran out, and hold nothing else
			return "timeout: " + error.getMessage();
		}
		return error.getClass().getSimpleName();
	}

	/** Logs the failures of one client's calls. */
	private static final class ClientFailures implements Call {

		private final String prefix;

		ClientFailures(CallStart call) {
			this.prefix = "Chat call of client '" + call.clientName() + "' (" + call.provider() + ", "
					+ call.serverAddress() + ":" + call.serverPort() + ") failed: ";
		}

		@Override
		public void succeeded(@Nullable ChatResponse response) {
		}

		@Override
		public void failed(Throwable error) {
			if (logger.isWarnEnabled()) {
				logger.warn(this.prefix + kind(error) + " [" + error.getClass().getSimpleName() + "]");
			}
		}

	}

}
