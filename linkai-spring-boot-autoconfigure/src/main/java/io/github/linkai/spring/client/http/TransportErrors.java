package io.github.linkai.spring.client.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

import javax.net.ssl.SSLHandshakeException;

import io.github.linkai.spring.client.error.ChatClientException;
import io.github.linkai.spring.client.error.ChatTimeoutException;
import io.github.linkai.spring.client.error.ChatTransportException;
import io.github.linkai.spring.client.error.LocalSaturationException;
import io.github.linkai.spring.client.error.ResponseDecodingException;
import io.github.linkai.spring.client.spi.SecretMasker;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.netty.handler.timeout.TimeoutException;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.InvalidMediaTypeException;

/**
 * Turns what the transport throws into the typed errors of one client: a timeout is a
 * {@link ChatTimeoutException}, a connection that failed or closed early a
 * {@link ChatTransportException}, a reply the client cannot read a
 * {@link ResponseDecodingException}, a connection this application could not get in time
 * (its pool full) a {@link LocalSaturationException}. Messages keep the cause's kind and
 * never a credential.
 */
final class TransportErrors {

	/**
	 * What a connector raises when its own pool has no connection to give: Reactor
	 * Netty's (its copy of reactor-pool's, or reactor-pool's own) pending-queue limit and
	 * acquire timeout, Apache HttpClient's connection-request timeout. Named, not
	 * imported: they live in a shaded internal package or in an optional library.
	 */
	private static final Set<String> POOL_SATURATION = Set.of(
			"reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException",
			"reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException",
			"reactor.pool.PoolAcquirePendingLimitException", "reactor.pool.PoolAcquireTimeoutException",
			"org.apache.hc.core5.http.ConnectionRequestTimeoutException");

	private final String provider;

	private final String clientName;

	private final SecretMasker masker;

	private final int maxEventBytes;

	TransportErrors(String provider, String clientName, SecretMasker masker, int maxEventBytes) {
		this.provider = provider;
		this.clientName = clientName;
		this.masker = masker;
		this.maxEventBytes = maxEventBytes;
	}

	/**
	 * Whether the failure happened before a connection existed (or before its TLS
	 * handshake completed), so nothing was sent.
	 */
	static boolean isConnectFailure(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
					|| cause instanceof UnresolvedAddressException || cause instanceof SSLHandshakeException
					|| cause instanceof HttpConnectTimeoutException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A failure to connect or to send: the transport's own failure, or else "request
	 * failed".
	 */
	Throwable requestFailed(Throwable error) {
		Throwable translated = translate(error);
		return (translated instanceof ChatClientException) ? translated : requestFailure(error);
	}

	/** The typed error of a transport failure; any other error as it is. */
	Throwable translate(Throwable cause) {
		if (cause instanceof ChatClientException) {
			return cause;
		}
		if (isSaturation(cause)) {
			return new LocalSaturationException(this.provider, this.clientName,
					"No connection free in this client's pool: " + describe(cause), cause);
		}
		if (cause instanceof SslHandshakeTimeoutException) {
			return new ChatTimeoutException(this.provider, this.clientName,
					"TLS handshake not complete within the connect-timeout: " + describe(cause), cause);
		}
		if (isTimeout(cause)) {
			return new ChatTimeoutException(this.provider, this.clientName, "Timed out: " + describe(cause), cause);
		}
		if (cause instanceof PrematureCloseException) {
			return new ChatTransportException(this.provider, this.clientName,
					"Connection closed before the response was complete", cause);
		}
		if (cause instanceof DataBufferLimitException) {
			return new ResponseDecodingException(this.provider, this.clientName,
					"Reply or stream event larger than the client's max-event-size (" + this.maxEventBytes + " bytes): "
							+ describe(cause),
					cause);
		}
		if (cause instanceof InvalidMediaTypeException) {
			// not its message: it quotes the header
			return new ResponseDecodingException(this.provider, this.clientName, "Malformed Content-Type header", null);
		}
		if (cause instanceof DecoderException || cause instanceof NumberFormatException) {
			// Netty could not parse the HTTP response (a bad chunk-size line, random
			// bytes)
			return new ChatTransportException(this.provider, this.clientName,
					"Malformed HTTP response (" + cause.getClass().getSimpleName() + ")", null);
		}
		if (cause instanceof IOException) {
			return requestFailure(cause);
		}
		return cause;
	}

	/**
	 * Whether the connector gave up waiting: Reactor Netty's response and connect
	 * timeouts, the JDK client's request and connect timeouts
	 * ({@link HttpTimeoutException}, an {@link IOException} that would otherwise read as
	 * a failed connection and be retried), a socket timeout (Apache, Jetty) or any
	 * {@link java.util.concurrent.TimeoutException} (Jetty's).
	 */
	private static boolean isTimeout(Throwable cause) {
		return cause instanceof TimeoutException || cause instanceof java.util.concurrent.TimeoutException
				|| cause instanceof ConnectTimeoutException || cause instanceof HttpTimeoutException
				|| cause instanceof SocketTimeoutException;
	}

	/**
	 * Whether this application refused the call for want of a connection (a pool that is
	 * full, a connector's queue of requests that is full), before sending anything.
	 */
	private static boolean isSaturation(Throwable cause) {
		return POOL_SATURATION.contains(cause.getClass().getName()) || cause instanceof RejectedExecutionException;
	}

	private ChatTransportException requestFailure(Throwable cause) {
		return new ChatTransportException(this.provider, this.clientName, "Request failed: " + describe(cause), cause);
	}

	private String describe(Throwable error) {
		String message = this.masker.mask(error.getMessage());
		return error.getClass().getSimpleName() + ((message != null) ? " (" + message + ")" : "");
	}

}
