package io.github.linkai.spring.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A request the {@link ProviderStub} received, as recorded for a test to assert on.
 * Credentials are masked ({@code Authorization: Bearer ******},
 * {@code x-yunxiao-token: ******}, {@code apiKey=******}): {@link #authenticated()} says
 * whether the right one was sent.
 *
 * @param endpoint the endpoint that was called
 * @param path the request path, without the query
 * @param query the query parameters (first value of each), credentials masked
 * @param headers the request headers by lower-case name (values of a repeated header
 * joined with {@code ", "}), credentials masked
 * @param body the parsed JSON body; a missing node when the body was not JSON
 * @param bodyText the body as sent (it holds no credential in any provider's format)
 * @param content the text the request asks about: the last user message, the memory chat
 * question or Jijyun's {@code content}; {@code null} when it has none
 * @param stream whether the request asked for a stream
 * @param authenticated whether the request carried the stub's credential, where its
 * provider puts it
 */
public record StubRequest(StubEndpoint endpoint, String path, Map<String, String> query, Map<String, String> headers,
		JsonNode body, String bodyText, @Nullable String content, boolean stream, boolean authenticated) {

	public StubRequest {
		Objects.requireNonNull(endpoint, "endpoint must not be null");
		query = Map.copyOf(query);
		headers = Map.copyOf(headers);
	}

	/**
	 * The provider id of the endpoint: {@code linkai}, {@code lingma}, {@code jijyun} or
	 * {@code openai}.
	 */
	public String provider() {
		return this.endpoint.provider();
	}

	/**
	 * A header's value (credentials masked), by case-insensitive name, or {@code null}.
	 */
	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * The body's text value at a JSON pointer ({@code "/session_id"}), or {@code null}
	 * when absent or not text.
	 */
	public @Nullable String bodyText(String jsonPointer) {
		JsonNode value = this.body.at(jsonPointer);
		return value.isString() ? value.asString() : null;
	}

	/**
	 * The names of the tools the request offers (OpenAI-shaped endpoints), in order;
	 * empty when none.
	 */
	public List<String> toolNames() {
		List<String> names = new ArrayList<>();
		for (JsonNode tool : this.body.path("tools")) {
			JsonNode name = tool.path("function").path("name");
			if (name.isString()) {
				names.add(name.asString());
			}
		}
		return names;
	}

	/**
	 * The role of the request's last message (OpenAI-shaped endpoints), or {@code null}
	 * when it has none.
	 */
	public @Nullable String lastMessageRole() {
		JsonNode messages = this.body.path("messages");
		if (!messages.isArray() || messages.isEmpty()) {
			return null;
		}
		JsonNode role = messages.get(messages.size() - 1).path("role");
		return role.isString() ? role.asString() : null;
	}

	@Override
	public String toString() {
		return "StubRequest[" + this.endpoint + " " + this.path + ", stream=" + this.stream + ", authenticated="
				+ this.authenticated + "]";
	}

}
