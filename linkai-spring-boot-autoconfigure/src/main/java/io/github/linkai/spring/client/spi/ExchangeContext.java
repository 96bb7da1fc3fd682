package io.github.linkai.spring.client.spi;

import io.github.linkai.spring.client.ChatRequest;

/**
 * What a mapping needs to know about the call it maps a reply for.
 *
 * @param provider the provider
 * @param clientName the configured client
 * @param request the request as sent, client defaults applied
 */
public record ExchangeContext(String provider, String clientName, ChatRequest request) {
}
