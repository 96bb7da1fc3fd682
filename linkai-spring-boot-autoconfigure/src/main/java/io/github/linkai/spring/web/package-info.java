/**
 * What a web application hands its own callers when a chat call fails: every
 * {@link io.github.linkai.spring.client.error.ChatClientException} as an RFC 9457 problem
 * detail with one status table ({@link io.github.linkai.spring.web.ChatProblemType}), the
 * {@code @ControllerAdvice} that renders it in Spring MVC and WebFlux, and server-sent
 * events for a streamed answer that end in an {@code error} event instead of a cut
 * connection. Provider-neutral: it reads only the exception types.
 */
@NullMarked
package io.github.linkai.spring.web;

import org.jspecify.annotations.NullMarked;
