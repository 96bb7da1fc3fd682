package io.github.linkai.demo;

/**
 * A configured client as {@code GET /api/clients} lists it: what it talks to, never its
 * credential.
 *
 * @param name the client's name ({@code default} or a {@code linkai.clients.<name>})
 * @param provider the provider id, e.g. {@code jijyun}
 * @param host the host of its base URL
 * @param description what identifies the target besides the host (an app code, an
 * organization), maybe empty
 * @param memory whether it also has LinkAI memory chat
 * @param tools whether its streamed answers may call the demo's tool (a client of a
 * provider with tools, outside memory chat)
 */
public record ClientInfo(String name, String provider, String host, String description, boolean memory, boolean tools) {
}
