/**
 * Typed errors: one base class,
 * {@link io.github.linkai.spring.client.error.ChatClientException}, with a subclass per
 * documented status family, validation, stream and transport failures. No message ever
 * holds a credential.
 */
@NullMarked
package io.github.linkai.spring.client.error;

import org.jspecify.annotations.NullMarked;
