package io.github.linkai.spring.client.spi;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An error a provider sent: in an error response, inside an event stream, or in place of
 * an answer.
 *
 * @param type the provider's error type or code, if any
 * @param message the provider's error message, if any
 */
public record StreamError(@Nullable String type, @Nullable String message) {

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
		if (error instanceof Map<?, ?> nested) {
			type = text(nested, "type", "code", "errorCode");
			message = text(nested, "message", "msg");
		}
		else {
			type = text(fields, "type", "errorCode", "code", "error_code");
			message = (error instanceof String text) ? text
					: text(fields, "message", "errorMessage", "errorMsg", "msg", "desc", "detail");
		}
		return (type != null || message != null) ? new StreamError(type, message) : null;
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
