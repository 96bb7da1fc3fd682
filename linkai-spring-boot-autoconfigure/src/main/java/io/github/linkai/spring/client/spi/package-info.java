/**
 * What a provider implements: its wire mapping. A
 * {@link io.github.linkai.spring.client.spi.WireMapping} turns a neutral request into the
 * provider's HTTP request and the provider's replies, events and error statuses back into
 * the neutral model; it does no I/O, so it is testable without HTTP.
 */
@NullMarked
package io.github.linkai.spring.client.spi;

import org.jspecify.annotations.NullMarked;
