/**
 * The provider-neutral chat client API:
 * {@link io.github.linkai.spring.client.ChatClient}, its requests, responses and stream
 * chunks. Nothing here depends on Spring Boot.
 */
@NullMarked
package io.github.linkai.spring.client;

import org.jspecify.annotations.NullMarked;
