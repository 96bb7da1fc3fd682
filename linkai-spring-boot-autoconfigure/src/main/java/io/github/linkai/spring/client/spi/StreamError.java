package io.github.linkai.spring.client.spi;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An error a provider sent: in an error response, inside an event stream, or in place of
 * an answer.
 *
 * @param type the provider's error type or code, if any
 * @param message the provider's error message, if any
 * @param status the HTTP status the error carries in its body, if any (an error object
 * inside a stream with {@code http_code}, LinkAI's {@code {"code":429}} in an HTTP 200
 * reply): its exception is then the one of that status, so that retries, fallbacks and
 * health treat it as that status
 */
public record StreamError(@Nullable String type, @Nullable String message, @Nullable Integer status) {

	/** An error that carries no HTTP status. */
	public StreamError(@Nullable String type, @Nullable String message) {
		this(type, message, null);
	}

	/**
	 * The HTTP error status a body field holds ({@code 429}, {@code "400"}), or
	 * {@code null} when it holds none, or a code that is not a 4xx or 5xx status.
	 */
	public static @Nullable Integer httpStatus(@Nullable Object code) {
		int status;
		if (code instanceof Number number) {
			status = number.intValue();
		}
		else if (code instanceof String text && text.strip().matches("\\d{3}")) {
			status = Integer.parseInt(text.strip());
		}
		else {
			return null;
		}
		return (status >= 400 && status <= 599) ? status : null;
	}

	/**
	 * The error in a parsed JSON object, read tolerantly: LinkAI documents
	 * {@code {"error":{"type","message"}}}; Lingma (Alibaba Cloud) and Jijyun point to
	 * error-code pages whose bodies use {@code code}/{@code errorCode} and
	 * {@code message}/{@code errorMessage}/{@code msg}.
	 * @return the error, or {@code null} if the object names none
	 */
	public static @Nullable StreamError fromFields(Map<String, ? extends @Nullable Object> fields) {
		Object error = fields.get("error");
		String type;
		String message;
		Integer status = null;
		if (error instanceof Map<?, ?> nested) {
			type = text(nested, "type", "code", "errorCode");
			message = text(nested, "message", "msg");
			status = httpStatus(nested.get("http_code"));
		}
		else {
			type = text(fields, "type", "errorCode", "code", "error_code");
			message = (error instanceof String text) ? text
					: text(fields, "message", "errorMessage", "errorMsg", "msg", "desc", "detail");
		}
		return (type != null || message != null) ? new StreamError(type, message, status) : null;
	}

	private static @Nullable String text(Map<?, ?> fields, String... names) {
		for (String name : names) {
			Object value = fields.get(name);
			if (value instanceof String || value instanceof Number) {
				return value.toString();
			}
		}
		return null;
	}

}
