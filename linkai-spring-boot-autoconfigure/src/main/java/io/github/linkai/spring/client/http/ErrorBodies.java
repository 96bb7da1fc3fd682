package io.github.linkai.spring.client.http;

import java.nio.charset.StandardCharsets;

import io.github.linkai.spring.client.spi.StreamError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the type and message out of an error body. LinkAI documents {@code {"error":{"type","message"}}};
 * Lingma (Alibaba Cloud) and Jijyun point to error-code pages, whose bodies use {@code code}/
 * {@code errorCode} and {@code message}/{@code errorMessage}/{@code msg}. One tolerant reader serves all.
 */
final class ErrorBodies {

	private static final int MAX_TEXT = 300;

	private ErrorBodies() {
	}

	/** The error's type and message, credentials masked before anything is cut short. */
	static StreamError parse(byte[] body, SecretMasker masker) {
		if (body.length == 0) {
			return new StreamError(null, null);
		}
		try {
			JsonNode root = WireJson.mapper().readTree(body);
			if (root != null && root.isObject()) {
				return fromObject(root, masker);
			}
		}
		catch (JacksonException ex) {
			// not JSON: an HTML page from a proxy, plain text; keep a bounded excerpt below
		}
		String text = new String(body, StandardCharsets.UTF_8).strip();
		return new StreamError(null, text.isEmpty() ? null : truncate(masker.mask(text)));
	}

	private static StreamError fromObject(JsonNode root, SecretMasker masker) {
		JsonNode error = root.get("error");
		if (error != null && error.isObject()) {
			return new StreamError(text(masker, error, "type", "code"), text(masker, error, "message", "msg"));
		}
		if (error != null && error.isString()) {
			return new StreamError(text(masker, root, "type", "code"), truncate(masker.mask(error.asString())));
		}
		return new StreamError(text(masker, root, "type", "errorCode", "code", "error_code"),
				text(masker, root, "message", "errorMessage", "errorMsg", "msg", "desc", "detail"));
	}

	private static @Nullable String text(SecretMasker masker, JsonNode node, String... names) {
		for (String name : names) {
			JsonNode value = node.get(name);
			if (value != null && !value.isNull() && (value.isString() || value.isNumber())) {
				return truncate(masker.mask(value.asString()));
			}
		}
		return null;
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_TEXT) ? text : text.substring(0, MAX_TEXT) + "…";
	}

}
