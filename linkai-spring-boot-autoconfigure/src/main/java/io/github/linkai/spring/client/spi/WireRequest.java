package io.github.linkai.spring.client.spi;

import java.util.Map;

/**
 * The HTTP request a provider wants sent: always a JSON {@code POST}.
 *
 * @param uriTemplate the path (and query) relative to the client's base URL, with
 * {@code {name}} variables so that metrics see the template, not the values
 * @param uriVariables values of the template variables
 * @param headers headers to set (credentials included; they never reach a log or an
 * exception)
 * @param body the JSON body, a record the shared mapper serialises
 */
public record WireRequest(String uriTemplate, Map<String, ?> uriVariables, Map<String, String> headers, Object body) {

	public WireRequest {
		uriVariables = Map.copyOf(uriVariables);
		headers = Map.copyOf(headers);
	}

	@Override
	public String toString() {
		// header and variable values carry credentials (Authorization, Jijyun's apiKey):
		// names only; the body
		// holds the conversation: its type only
		return "WireRequest[uriTemplate=" + this.uriTemplate + ", uriVariables=" + this.uriVariables.keySet()
				+ ", headers=" + this.headers.keySet() + ", body=" + this.body.getClass().getSimpleName() + "]";
	}

}
