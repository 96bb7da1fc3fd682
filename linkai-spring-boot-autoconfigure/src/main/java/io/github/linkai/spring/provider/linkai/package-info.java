/**
 * LinkAI: chat completions ({@code /v1/chat/completions}) and memory chat
 * ({@code /v1/chat/memory/completions}).
 */
@NullMarked
package io.github.linkai.spring.provider.linkai;

import org.jspecify.annotations.NullMarked;
