/**
 * Spring AI interop: each configured client as a Spring AI {@code ChatModel}, with its
 * options and the advisor that carries a conversation id to memory chat. Depends on
 * Spring AI's model API, never on Spring Boot, and names no provider: what it maps comes
 * from the neutral request and response types.
 */
@NullMarked
package io.github.linkai.spring.ai;

import org.jspecify.annotations.NullMarked;
