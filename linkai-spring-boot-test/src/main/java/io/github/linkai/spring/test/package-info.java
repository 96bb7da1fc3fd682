/**
 * Test support for applications using the LinkAI starter:
 * {@link io.github.linkai.spring.test.ProviderStub}, an embedded stand-in for every
 * provider's chat API on 127.0.0.1 that answers as the providers' documents show (bodies,
 * headers, server-sent events, errors), scripted per request and recording what was sent;
 * {@link io.github.linkai.spring.test.LinkAiStub} to start one for a
 * {@code @SpringBootTest} and point the application's clients at it.
 */
@NullMarked
package io.github.linkai.spring.test;

import org.jspecify.annotations.NullMarked;
