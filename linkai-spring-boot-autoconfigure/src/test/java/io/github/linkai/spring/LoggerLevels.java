package io.github.linkai.spring;

import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets loggers' levels for one test and puts the earlier ones back: the tests' logging
 * configuration keeps the loggers of expected failures quiet, and a test that checks what
 * one of them logs raises it for itself.
 */
public final class LoggerLevels implements AutoCloseable {

	private final Map<Logger, Level> previous = new LinkedHashMap<>();

	private LoggerLevels() {
	}

	/** Sets each named logger to {@code level} until {@link #close()}. */
	public static LoggerLevels set(Level level, String... names) {
		LoggerLevels levels = new LoggerLevels();
		for (String name : names) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			levels.previous.put(logger, logger.getLevel());
			logger.setLevel(level);
		}
		return levels;
	}

	@Override
	public void close() {
		this.previous.forEach(Logger::setLevel);
	}

}
