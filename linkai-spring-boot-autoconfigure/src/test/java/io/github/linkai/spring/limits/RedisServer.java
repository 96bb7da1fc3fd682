package io.github.linkai.spring.limits;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} (Debian's package) on a free port of 127.0.0.1, started by
 * the tests and stopped by its process (also when the JVM exits), restartable on the same
 * port to make an outage. The tests that use it are skipped, saying why, when the
 * executable is not installed ({@code apt-get install -y redis-server}; {@code .ci/run}
 * installs it). Use as
 * {@code @RegisterExtension static final RedisServer redis = new RedisServer();}.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

	private static final String EXECUTABLE = "redis-server";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

	private final Thread shutdownHook = new Thread(this::stop, "redis-server-stop");

	private Path workDir;

	private int port;

	private volatile Process process;

	/** Whether {@code redis-server} is on the path. */
	public static boolean isInstalled() {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(directory, EXECUTABLE))) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		Assumptions.assumeTrue(isInstalled(), "redis-server is not installed, so the tests against a real Redis are "
				+ "skipped: apt-get install -y redis-server (.ci/run installs it)");
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	/** Starts on a free port; later starts keep the port. */
	public synchronized RedisServer start() {
		if (this.port == 0) {
			this.port = freePort();
			try {
				this.workDir = Files.createTempDirectory("redis-test");
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		}
		if (this.process != null && this.process.isAlive()) {
			return this;
		}
		List<String> command = List.of(EXECUTABLE, "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--dir", this.workDir.toString(), "--daemonize", "no", "--loglevel",
				"warning", "--enable-debug-command", "yes");
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.workDir.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(EXECUTABLE + " could not be started: apt-get install -y redis-server", ex);
		}
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (!ping()) {
			if (!this.process.isAlive() || System.nanoTime() > deadline) {
				String log = readLog();
				stop();
				throw new IllegalStateException("redis-server did not answer PING on port " + this.port + ": " + log);
			}
			sleep(5);
		}
		return this;
	}

	/** Stops the server and waits until it is gone (SIGTERM, then SIGKILL). */
	public synchronized void stop() {
		Process process = this.process;
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
		this.process = null;
	}

	@Override
	public synchronized void close() {
		stop();
		if (this.port != 0) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException ex) {
				// the JVM is shutting down: the hook runs anyway
			}
		}
	}

	public int port() {
		return this.port;
	}

	public String uri() {
		return "redis://127.0.0.1:" + this.port;
	}

	/** Whether the server answers {@code PING} within 200 ms. */
	public boolean ping() {
		return "+PONG".equals(command("PING", 200));
	}

	/** Sends one inline command and returns the first line of the reply. */
	public String command(String inline) {
		return command(inline, 1000);
	}

	private String command(String inline, int timeoutMillis) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), timeoutMillis);
			socket.setSoTimeout(timeoutMillis);
			OutputStream out = socket.getOutputStream();
			out.write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = in.read()) != -1 && c != '\r') {
				line.append((char) c);
			}
			return line.toString();
		}
		catch (IOException ex) {
			return "";
		}
	}

	private String readLog() {
		try {
			return Files.readString(this.workDir.resolve("redis.log"));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
