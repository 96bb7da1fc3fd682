package io.github.linkai.benchmarks.stub;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stub in a JVM of its own, so its CPU, heap and threads are not counted as the
 * client's.
 */
public final class StubProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	/** Starts the stub on this JVM's class path and waits until it listens. */
	public StubProcess(StubSettings settings) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
		command.addAll(List.of("-Xmx1g", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
				StubServer.class.getName()));
		command.addAll(settings.toArguments());
		this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
		int listening = -1;
		String line;
		while (listening < 0 && (line = output.readLine()) != null) {
			if (line.startsWith("STUB LISTENING ")) {
				listening = Integer.parseInt(line.substring("STUB LISTENING ".length()).strip());
			}
		}
		if (listening < 0) {
			this.process.destroyForcibly();
			throw new IOException("The stub exited before it listened (exit code " + exitCode(this.process) + ")");
		}
		this.port = listening;
	}

	private static int exitCode(Process process) {
		try {
			return process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** CPU time the stub's process has used so far, in nanoseconds; -1 if unknown. */
	public long cpuNanos() {
		return this.process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
	}

	/** The stub's port on 127.0.0.1. */
	public int port() {
		return this.port;
	}

	/** {@code http://127.0.0.1:<port>/<path>}. */
	public String url(String path) {
		return "http://127.0.0.1:" + this.port + "/" + path;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
