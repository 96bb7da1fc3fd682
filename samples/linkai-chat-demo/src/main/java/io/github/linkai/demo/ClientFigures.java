package io.github.linkai.demo;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A client's figures since the application started, as {@code GET /api/status} lists
 * them, read from the starter's meters.
 *
 * @param name the client's name
 * @param calls calls made (a stream counts once)
 * @param failures calls that ended in an error
 * @param retries attempts made again
 * @param firstChunkMillis mean time from request to first chunk of a stream, if any
 * streamed
 * @param inputTokens input tokens the provider reported
 * @param outputTokens output tokens the provider reported
 * @param cost cost the provider reported, if it reports one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientFigures(String name, long calls, long failures, long retries, @Nullable Long firstChunkMillis,
		long inputTokens, long outputTokens, @Nullable BigDecimal cost) {
}
