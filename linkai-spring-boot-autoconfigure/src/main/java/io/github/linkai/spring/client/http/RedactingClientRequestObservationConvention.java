package io.github.linkai.spring.client.http;

import io.micrometer.common.KeyValue;

import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * WebClient's standard observation, with the query string cut from the {@code http.url} span attribute: a
 * provider credential or an end user's id may travel there, and traces are kept and shared widely.
 */
public class RedactingClientRequestObservationConvention extends DefaultClientRequestObservationConvention {

	@Override
	protected KeyValue httpUrl(ClientRequestObservationContext context) {
		KeyValue url = super.httpUrl(context);
		String value = url.getValue();
		int query = value.indexOf('?');
		return (query < 0) ? url : KeyValue.of(url.getKey(), value.substring(0, query));
	}

}
