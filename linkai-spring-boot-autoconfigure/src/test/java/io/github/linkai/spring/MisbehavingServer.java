package io.github.linkai.spring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on a raw socket of 127.0.0.1 that misbehaves as a test tells it to: reads a
 * request and never answers, answers half and holds the connection, never answers a TLS
 * handshake, dribbles. No HTTP library decides what goes on the wire. Each connection is
 * served on a thread of its own by the {@link Behaviour} given; every socket closes with
 * the server.
 */
public final class MisbehavingServer implements AutoCloseable {

	private final ServerSocket socket;

	private final Behaviour behaviour;

	private final List<Socket> connections = new CopyOnWriteArrayList<>();

	private final AtomicInteger accepted = new AtomicInteger();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger closedByClient = new AtomicInteger();

	private volatile boolean stopped;

	private MisbehavingServer(Behaviour behaviour) throws IOException {
		this.behaviour = behaviour;
		this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "misbehaving-server-" + this.socket.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** A server that serves every connection with {@code behaviour}. */
	public static MisbehavingServer start(Behaviour behaviour) {
		try {
			return new MisbehavingServer(behaviour);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The port on 127.0.0.1. */
	public int port() {
		return this.socket.getLocalPort();
	}

	/** {@code http://127.0.0.1:port}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/** TCP connections accepted so far. */
	public int connections() {
		return this.accepted.get();
	}

	/** Requests read whole so far (by {@link Exchange#readRequest()}). */
	public int requests() {
		return this.requests.get();
	}

	/** Connections the client closed (or reset) while the server still held them. */
	public int closedByClient() {
		return this.closedByClient.get();
	}

	@Override
	public void close() {
		this.stopped = true;
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		for (Socket connection : this.connections) {
			try {
				connection.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
	}

	private void accept() {
		while (!this.stopped) {
			Socket connection;
			try {
				connection = this.socket.accept();
			}
			catch (IOException ex) {
				return; // closed
			}
			this.accepted.incrementAndGet();
			this.connections.add(connection);
			Thread serving = new Thread(() -> serve(connection), "misbehaving-connection-" + connection.getPort());
			serving.setDaemon(true);
			serving.start();
		}
	}

	private void serve(Socket connection) {
		try (connection) {
			this.behaviour.serve(new Exchange(connection));
		}
		catch (IOException | RuntimeException ex) {
			// a client that went away, or a server being closed
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** What the server does with one connection. */
	@FunctionalInterface
	public interface Behaviour {

		void serve(Exchange exchange) throws IOException, InterruptedException;

	}

	/** One connection, as a behaviour sees it. */
	public final class Exchange {

		private final Socket connection;

		private final InputStream in;

		private final OutputStream out;

		Exchange(Socket connection) throws IOException {
			this.connection = connection;
			this.in = connection.getInputStream();
			this.out = connection.getOutputStream();
		}

		/**
		 * Reads one request, its head and a body of the {@code Content-Length} it gives,
		 * and returns it as text; {@code null} when the client closed first.
		 */
		public String readRequest() throws IOException {
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			int matched = 0;
			while (matched < 4) {
				int b = this.in.read();
				if (b == -1) {
					return null;
				}
				head.write(b);
				matched = (b == ((matched % 2 == 0) ? '\r' : '\n')) ? matched + 1 : ((b == '\r') ? 1 : 0);
			}
			String text = head.toString(StandardCharsets.ISO_8859_1);
			int length = 0;
			for (String line : text.split("\r\n")) {
				if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
					length = Integer.parseInt(line.substring("content-length:".length()).trim());
				}
			}
			byte[] body = this.in.readNBytes(length);
			MisbehavingServer.this.requests.incrementAndGet();
			return text + new String(body, StandardCharsets.UTF_8);
		}

		/** Writes {@code text} (UTF-8) and flushes it. */
		public Exchange write(String text) throws IOException {
			this.out.write(text.getBytes(StandardCharsets.UTF_8));
			this.out.flush();
			return this;
		}

		/**
		 * Writes a response head with {@code Transfer-Encoding: chunked}, the connection
		 * kept alive.
		 */
		public Exchange chunkedHead(int status, String contentType) throws IOException {
			return write("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType
					+ "\r\nTransfer-Encoding: chunked\r\n\r\n");
		}

		/** Writes {@code text} as one chunk of a chunked body. */
		public Exchange chunk(String text) throws IOException {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			this.out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			this.out.write(bytes);
			this.out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			this.out.flush();
			return this;
		}

		/** Ends a chunked body. */
		public Exchange lastChunk() throws IOException {
			return write("0\r\n\r\n");
		}

		/**
		 * Holds the connection, reading and dropping whatever comes, until the client
		 * closes it (counted) or the server is closed.
		 */
		public void hold() throws IOException {
			byte[] buffer = new byte[1024];
			try {
				while (this.in.read(buffer) != -1) {
					// dropped
				}
			}
			catch (SocketException ex) {
				if (MisbehavingServer.this.stopped) {
					return;
				}
			}
			MisbehavingServer.this.closedByClient.incrementAndGet();
		}

		/** Waits {@code millis}, or less when the server closes. */
		public void pause(long millis) throws InterruptedException {
			new CountDownLatch(1).await(millis, TimeUnit.MILLISECONDS);
		}

		/** Closes the connection with a TCP reset. */
		public void reset() throws IOException {
			this.connection.setSoLinger(true, 0);
			this.connection.close();
		}

	}

}
