package io.github.linkai.spring.client;

import org.jspecify.annotations.Nullable;

/**
 * A web page a provider's search step used for its answer (Jijyun's {@code source[]}).
 *
 * @param link the page URL
 * @param snippet the provider's excerpt (may hold HTML emphasis tags)
 * @param title the page title
 */
public record SearchSource(@Nullable String link, @Nullable String snippet, @Nullable String title) {
}
